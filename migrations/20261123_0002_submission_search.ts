import { type Kysely, sql } from "kysely";

// Similar-title warnings: titles folded (lower case, no diacritics) and compared by trigram similarity.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);
  await db.schema.alterTable("submissions").addColumn("search_title", "text").execute();
  await sql`create index submissions_search_title_trgm on submissions using gin (search_title gin_trgm_ops)`.execute(
    db,
  );
  // One draft at a time per submitter and kind keeps "continue your draft" unambiguous.
  await db.schema
    .createIndex("submissions_one_draft_per_kind")
    .on("submissions")
    .columns(["submitter_id", "kind"])
    .unique()
    .where(sql.ref("status"), "=", "draft")
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("submissions_one_draft_per_kind").execute();
  await db.schema.dropIndex("submissions_search_title_trgm").execute();
  await db.schema.alterTable("submissions").dropColumn("search_title").execute();
}
