import { type Kysely, sql } from "kysely";

// Every update Telegram delivers is stored here before it is confirmed (polling) or answered (webhook), keyed by
// its update_id so a redelivery is recognised; instances claim each chat's oldest pending update under a lease, so
// one chat's updates run one at a time and in order across instances. A handled row keeps its id (for dedupe) and
// drops its payload (message texts are personal data).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("update_inbox")
    .addColumn("update_id", "bigint", (c) => c.primaryKey())
    .addColumn("chat_key", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb")
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("available_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_by", "text")
    .addColumn("locked_until", "timestamptz")
    .addColumn("handled_at", "timestamptz")
    .addCheckConstraint(
      "update_inbox_payload_until_handled",
      sql`(handled_at is null) = (payload is not null)`,
    )
    .execute();
  await sql`create index update_inbox_pending on update_inbox (chat_key, update_id) where handled_at is null`.execute(
    db,
  );
  await sql`create index update_inbox_handled on update_inbox (handled_at) where handled_at is not null`.execute(
    db,
  );

  // The submission form is a step machine over the draft row: the chat's open draft lives on the user row (read
  // with the user at every update anyway), and the last update applied to a draft makes a redelivered or re-run
  // update change nothing.
  await db.schema
    .alterTable("users")
    .addColumn("active_draft_id", "integer", (c) => c.references("submissions.id").onDelete("set null"))
    .execute();
  await db.schema.alterTable("submissions").addColumn("last_update_id", "bigint").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("submissions").dropColumn("last_update_id").execute();
  await db.schema.alterTable("users").dropColumn("active_draft_id").execute();
  await db.schema.dropTable("update_inbox").execute();
}
