import { type Kysely, sql } from "kysely";

// The library: every recognised initiative searchable by words typed with or without diacritics, where it is
// applied, and whether its authors share its files.
//
// Search: a text search configuration that folds accents (unaccent, which also folds đ/Đ to d, then the simple
// dictionary: no stemming, Vietnamese syllables are words of their own), and a stored tsvector per submission
// (title weighted A, the problem, essence and benefits B) under a GIN index. A stored column, not an expression
// index: ranking reads the vector from the row instead of computing it again for every match.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create text search configuration vn_fold (copy = pg_catalog.simple)`.execute(db);
  await sql`alter text search configuration vn_fold
    alter mapping for word, hword, hword_part, asciiword, asciihword, hword_asciipart with unaccent, simple`.execute(
    db,
  );
  await sql`alter table submissions add column search_document tsvector generated always as (
      setweight(to_tsvector('vn_fold'::regconfig, coalesce(title, '')), 'A') ||
      setweight(to_tsvector('vn_fold'::regconfig,
        coalesce(fields->>'problem', '') || ' ' || coalesce(fields->>'essence', '') || ' ' ||
        coalesce(fields->>'benefits', '') || ' ' || coalesce(fields->>'achievements', '')), 'B')
    ) stored`.execute(db);
  await sql`create index submissions_search_document on submissions using gin (search_document)`.execute(db);
  // The library lists recognised initiatives only; this keeps their filters and newest-first order cheap.
  await sql`create index submissions_library on submissions (school_year, id)
    where status = 'recognised' and kind = 'initiative'`.execute(db);

  // The authors' choice, made at submit and changeable from /my: files of a submission not shared are never sent.
  await db.schema
    .alterTable("submissions")
    .addColumn("share_files", "boolean", (c) => c.notNull().defaultTo(true))
    .execute();

  // One row per unit applying an initiative: marking it again changes nothing (and tells the author nothing new).
  await db.schema
    .createTable("initiative_applications")
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("unit_id", "bigint", (c) => c.notNull().references("units.id"))
    .addColumn("started_on", "date", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo("").check(sql`length(note) <= 500`))
    .addColumn("marked_by", "bigint", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("initiative_applications_pk", ["submission_id", "unit_id"])
    .execute();
  await db.schema
    .createIndex("initiative_applications_unit")
    .on("initiative_applications")
    .column("unit_id")
    .execute();

  // A search's words and filters, so its buttons carry only the search's id (words rarely fit in 64 bytes). A few
  // per person: older ones are dropped as new ones come.
  await db.schema
    .createTable("library_searches")
    .addColumn("id", "bigint", (c) => c.generatedByDefaultAsIdentity().primaryKey())
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("words", "text", (c) => c.notNull().check(sql`length(words) <= 200`))
    .addColumn("filters", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("library_searches_user")
    .on("library_searches")
    .columns(["user_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("library_searches").execute();
  await db.schema.dropTable("initiative_applications").execute();
  await db.schema.alterTable("submissions").dropColumn("share_files").execute();
  await sql`drop index submissions_library`.execute(db);
  await sql`drop index submissions_search_document`.execute(db);
  await db.schema.alterTable("submissions").dropColumn("search_document").execute();
  await sql`drop text search configuration vn_fold`.execute(db);
}
