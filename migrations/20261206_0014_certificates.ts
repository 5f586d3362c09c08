import { type Kysely, sql } from "kysely";

// A certificate is one author's proof of one recognised initiative: its code is what the QR code carries and what
// /start v_<code> looks up, so it is random (never derived from ids) and unique. One per author row of a
// submission, made on first request; what it certifies is read from the submission and its decision at lookup
// time, so a revoked decision (or an erased name) shows at once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("certificates")
    .addColumn("id", "bigint", (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id"))
    .addColumn("author_id", "bigint", (c) =>
      c.notNull().unique().references("submission_authors.id").onDelete("cascade"),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("certificates_code_shape", sql`code ~ '^[A-Z2-7]{16,40}$'`)
    .execute();
  await db.schema
    .createIndex("certificates_submission_idx")
    .on("certificates")
    .column("submission_id")
    .execute();
  // Verification lookups per person in a fixed one-minute window, shared by every instance of the bot.
  await db.schema
    .createTable("verification_attempts")
    .addColumn("telegram_id", "bigint", (c) => c.primaryKey())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("verification_attempts").execute();
  await db.schema.dropTable("certificates").execute();
}
