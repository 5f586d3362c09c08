import type { Kysely } from "kysely";

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
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("submissions_unit_status_idx").execute();
  await db.schema
    .alterTable("submissions")
    .dropColumn("decided_by")
    .dropColumn("decided_at")
    .dropColumn("decision_reasons")
    .execute();
}
