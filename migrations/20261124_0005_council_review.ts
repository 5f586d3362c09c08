import { type Kysely, sql } from "kysely";

// The council: reviewers assigned to a campaign, one assignment per submission and reviewer, scored on a rubric.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("campaigns")
    // Weighted criteria [{ key, weight }]; null: the default rubric of the submission's kind.
    .addColumn("rubric", "jsonb")
    .addColumn("review_deadline_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("campaign_reviewers")
    .addColumn("campaign_id", "bigint", (c) => c.notNull().references("campaigns.id").onDelete("cascade"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("campaign_reviewers_pk", ["campaign_id", "user_id"])
    .execute();
  await db.schema
    .createTable("review_assignments")
    .addColumn("id", "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("reviewer_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("assigned").check(sql`status in ('assigned', 'scored', 'conflict')`),
    )
    .addColumn("scores", "jsonb")
    .addColumn("total", "numeric(6, 2)")
    .addColumn("comment", "text")
    .addColumn("recommendation", "text", (c) =>
      c.check(sql`recommendation in ('recognise_unit', 'recognise_province', 'recognise_nation', 'refuse')`),
    )
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("scored_at", "timestamptz")
    .addUniqueConstraint("review_assignments_once", ["submission_id", "reviewer_id"])
    .execute();
  await db.schema
    .createIndex("review_assignments_reviewer_idx")
    .on("review_assignments")
    .columns(["reviewer_id", "status"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("review_assignments").execute();
  await db.schema.dropTable("campaign_reviewers").execute();
  await db.schema.alterTable("campaigns").dropColumn("review_deadline_at").dropColumn("rubric").execute();
}
