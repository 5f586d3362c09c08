import { type Kysely, sql } from "kysely";

// A decision over many submissions is prepared before it is made: the administrator's draft (number, date,
// signer, pass mark) and one row per submission with the outcome the council's work proposes, the administrator's
// override or exclusion and the reason of a refusal. Kept in the database, so a draft of 1,000 survives a restart
// and the conversation holds only the draft's id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("decision_drafts")
    .addColumn("id", "bigint", (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn("created_by", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("campaign_id", "bigint", (c) => c.notNull().references("campaigns.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("decided_on", "date", (c) => c.notNull())
    .addColumn("signer", "text", (c) => c.notNull())
    .addColumn("pass_mark", "numeric(4, 2)", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("decision_id", "bigint", (c) => c.references("decisions.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("applied_at", "timestamptz")
    .addCheckConstraint("decision_drafts_status", sql`status in ('open', 'applied', 'cancelled')`)
    .addCheckConstraint("decision_drafts_number_not_blank", sql`length(btrim(number)) between 1 and 50`)
    .addCheckConstraint("decision_drafts_applied", sql`(status = 'applied') = (decision_id is not null)`)
    .execute();
  // One open draft per administrator: starting another replaces it.
  await sql`create unique index decision_drafts_one_open on decision_drafts (created_by) where status = 'open'`.execute(
    db,
  );
  await db.schema
    .createTable("decision_draft_items")
    .addColumn("draft_id", "bigint", (c) => c.notNull().references("decision_drafts.id").onDelete("cascade"))
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id"))
    .addColumn("code", "text", (c) => c.notNull())
    /** The submission's updated_at when proposed: a later change is reported at apply time. */
    .addColumn("seen_updated_at", "timestamptz", (c) => c.notNull())
    .addColumn("average", "numeric(5, 2)")
    .addColumn("reviews", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("proposed", "text")
    .addColumn("chosen", "text")
    .addColumn("excluded", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("reason", "text")
    .addPrimaryKeyConstraint("decision_draft_items_pk", ["draft_id", "submission_id"])
    .addCheckConstraint(
      "decision_draft_items_outcome",
      sql`coalesce(proposed, 'unit') in ('unit', 'province', 'nation', 'refuse')
        and coalesce(chosen, 'unit') in ('unit', 'province', 'nation', 'refuse')`,
    )
    .execute();
  await db.schema
    .createIndex("decision_draft_items_code")
    .on("decision_draft_items")
    .columns(["draft_id", "code"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("decision_draft_items").execute();
  await db.schema.dropTable("decision_drafts").execute();
}
