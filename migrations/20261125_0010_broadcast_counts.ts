import { type Kysely, sql } from "kysely";

// A finished broadcast's per-recipient rows are personal data kept only as long as they serve (housekeeping drops
// them after 90 days); its counts stay on the broadcast, so /broadcasts still tells what happened.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("broadcasts").addColumn("counts", "jsonb").execute();
  await sql`create index audit_log_created_at on audit_log (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_log_created_at`.execute(db);
  await db.schema.alterTable("broadcasts").dropColumn("counts").execute();
}
