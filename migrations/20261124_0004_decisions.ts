import { type Kysely, sql } from "kysely";

// The department's decision on a submission: who decided and when, and the written reasons of a refusal.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("submissions")
    .addColumn("decision_reasons", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("decided_by", "bigint", (c) => c.references("users.id"))
    .execute();
  await db.schema
    .createIndex("submissions_unit_status_idx")
    .on("submissions")
    .columns(["unit_id", "status"])
    .execute();
  // /stats of a school year reads only these columns: an index-only scan instead of the whole table.
  await sql`create index submissions_year_stats_idx on submissions (school_year)
    include (status, kind, scope_recognised, unit_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("submissions_year_stats_idx").execute();
  await db.schema.dropIndex("submissions_unit_status_idx").execute();
  await db.schema
    .alterTable("submissions")
    .dropColumn("decided_by")
    .dropColumn("decided_at")
    .dropColumn("decision_reasons")
    .execute();
}
