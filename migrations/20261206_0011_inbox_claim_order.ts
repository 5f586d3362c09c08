import { type Kysely, sql } from "kysely";

// The inbox is a queue: every update is inserted, claimed and marked handled within milliseconds. The claim used to
// gather every chat's oldest pending update through the (chat_key, update_id) index; until vacuum reached them, the
// entries of handled updates made it visit every page handled since (2.4 ms a claim after 20,000 updates). It now
// walks pending updates in update_id order (this index) and stops at its limit, and the planner's index scans mark
// the entries of handled updates dead as they pass them. Room left on each page (fillfactor) lets a claim rewrite
// its row in place (a HOT update, no index entry), and autovacuum visits the table after every few thousand changes
// rather than after a fifth of it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index update_inbox_pending_order on update_inbox (update_id) where handled_at is null`.execute(
    db,
  );
  await sql`alter table update_inbox set (fillfactor = 70, autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_cost_delay = 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table update_inbox reset (fillfactor, autovacuum_vacuum_scale_factor,
    autovacuum_vacuum_threshold, autovacuum_vacuum_cost_delay)`.execute(db);
  await sql`drop index update_inbox_pending_order`.execute(db);
}
