import { type Kysely, sql } from "kysely";

// A revoked decision's initiatives leave the library: the search table keeps only initiatives recognised under a
// decision in force — a trigger on decisions takes them out at the revocation, the submissions' trigger no longer
// brings one back on a later update — and rows already there under a revoked decision go.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create or replace function library_documents_sync() returns trigger language plpgsql as $$
    begin
      if new.status = 'recognised' and new.kind = 'initiative' and not exists (
        select 1 from decisions d where d.id = new.decision_id and d.revoked_at is not null
      ) then
        insert into library_documents (submission_id, document, school_year, field, scope, unit_id)
        values (new.id, new.search_document,
          new.school_year, new.fields->>'field', new.scope_recognised, new.unit_id)
        on conflict (submission_id) do update set document = excluded.document, school_year = excluded.school_year,
          field = excluded.field, scope = excluded.scope, unit_id = excluded.unit_id;
      elsif tg_op = 'UPDATE' and old.status = 'recognised' then
        delete from library_documents where submission_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  // The revocation itself takes its initiatives out, wherever it is made: the library keeps itself in step.
  await sql`create function library_documents_revoked() returns trigger language plpgsql as $$
    begin
      delete from library_documents where submission_id in (select id from submissions where decision_id = new.id);
      return null;
    end $$`.execute(db);
  await sql`create trigger library_documents_revoked after update of revoked_at on decisions
    for each row when (new.revoked_at is not null) execute function library_documents_revoked()`.execute(db);
  await sql`delete from library_documents l using submissions s, decisions d
    where s.id = l.submission_id and d.id = s.decision_id and d.revoked_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger library_documents_revoked on decisions`.execute(db);
  await sql`drop function library_documents_revoked()`.execute(db);
  await sql`create or replace function library_documents_sync() returns trigger language plpgsql as $$
    begin
      if new.status = 'recognised' and new.kind = 'initiative' then
        insert into library_documents (submission_id, document, school_year, field, scope, unit_id)
        values (new.id, new.search_document,
          new.school_year, new.fields->>'field', new.scope_recognised, new.unit_id)
        on conflict (submission_id) do update set document = excluded.document, school_year = excluded.school_year,
          field = excluded.field, scope = excluded.scope, unit_id = excluded.unit_id;
      elsif tg_op = 'UPDATE' and old.status = 'recognised' then
        delete from library_documents where submission_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
}
