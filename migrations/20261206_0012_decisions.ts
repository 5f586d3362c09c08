import { type Kysely, sql } from "kysely";

// A decision is a document of its own: one number, date and signer for the many submissions it recognises or
// refuses (the department's year: 771 recognised in one decision), which its documents and certificates cite and
// which can be revoked as a whole. A submission points at its decision; its decision_number and decision_date stay
// as the copy every existing report reads, written in the same transaction as decision_id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("decisions")
    .addColumn("id", "bigint", (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("decided_on", "date", (c) => c.notNull())
    .addColumn("signer", "text")
    .addColumn("school_year", "text")
    .addColumn("campaign_id", "bigint", (c) => c.references("campaigns.id"))
    .addColumn("created_by", "bigint", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_by", "bigint", (c) => c.references("users.id"))
    .addColumn("revocation_note", "text")
    // The same number on the same day is the same decision: a single /decide citing it joins the decision.
    .addUniqueConstraint("decisions_number_date_unique", ["number", "decided_on"])
    .addCheckConstraint("decisions_number_not_blank", sql`length(btrim(number)) between 1 and 50`)
    .execute();
  await db.schema
    .alterTable("submissions")
    .addColumn("decision_id", "bigint", (c) => c.references("decisions.id"))
    .execute();
  await db.schema.createIndex("submissions_decision_idx").on("submissions").column("decision_id").execute();
  // Decisions made before this migration: one decision per (number, date) they cited.
  await sql`
    insert into decisions (number, decided_on, school_year, created_by, created_at)
    select decision_number, decision_date, min(school_year), min(decided_by), min(decided_at)
    from submissions
    where decision_number is not null and decision_date is not null
    group by decision_number, decision_date`.execute(db);
  await sql`
    update submissions s set decision_id = d.id
    from decisions d
    where s.decision_number = d.number and s.decision_date = d.decided_on`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("submissions_decision_idx").execute();
  await db.schema.alterTable("submissions").dropColumn("decision_id").execute();
  await db.schema.dropTable("decisions").execute();
}
