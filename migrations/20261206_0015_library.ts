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
        coalesce(fields->>'benefits', '') || ' ' || coalesce(fields->>'achievements', '')), 'B') ||
      -- The school year as a lexeme no text can produce ('#2025-2026'): the library narrows by year in the index.
      case when school_year is null then ''::tsvector else array_to_tsvector(array['#' || school_year]) end
    ) stored`.execute(db);
  await sql`create index submissions_search_document on submissions using gin (search_document)`.execute(db);
  // The library's own narrow copy of what it searches: recognised initiatives only, with their filters, the vector
  // kept out of line where it is long. A word matching 50,000 of a million initiatives then visits the pages of a
  // 170 MB table rather than 50,000 pages of submissions (595 ms → 274 ms p95; docs/benchmarks.md). Each vector
  // carries its school year as a lexeme, so the GIN index itself narrows a search to the newest year first (see
  // searchLibrary). Kept in step by a trigger.
  await sql`create table library_documents (
      submission_id bigint primary key references submissions(id) on delete cascade,
      document tsvector not null,
      school_year text,
      field text,
      scope text,
      unit_id bigint
    ) with (toast_tuple_target = 128)`.execute(db);
  await sql`alter table library_documents alter column document set storage external`.execute(db);
  await sql`create index library_documents_document on library_documents using gin (document)`.execute(db);
  await sql`create index library_documents_year on library_documents (school_year)`.execute(db);
  await sql`create function library_documents_sync() returns trigger language plpgsql as $$
    begin
      if new.status = 'recognised' and new.kind = 'initiative' then
        insert into library_documents (submission_id, document, school_year, field, scope, unit_id)
        -- The vector as stored in submissions: out of line there when long, and copied out of line here.
        values (new.id, new.search_document,
          new.school_year, new.fields->>'field', new.scope_recognised, new.unit_id)
        on conflict (submission_id) do update set document = excluded.document, school_year = excluded.school_year,
          field = excluded.field, scope = excluded.scope, unit_id = excluded.unit_id;
      elsif tg_op = 'UPDATE' and old.status = 'recognised' then
        delete from library_documents where submission_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger library_documents_sync after insert or update on submissions
    for each row execute function library_documents_sync()`.execute(db);

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
  await sql`drop trigger library_documents_sync on submissions`.execute(db);
  await sql`drop function library_documents_sync()`.execute(db);
  await sql`drop table library_documents`.execute(db);
  await sql`drop index submissions_search_document`.execute(db);
  await db.schema.alterTable("submissions").dropColumn("search_document").execute();
  await sql`drop text search configuration vn_fold`.execute(db);
}
