import { type Kysely, sql } from "kysely";

// Copy screening (docs/copy-screening.md). A queue of one job per submission, claimed with FOR UPDATE SKIP LOCKED
// under a lease (a crashed run is taken again once its lease ends); `generation` grows each time the submission is
// enqueued again (resubmitted, or sent to the council), so a run finishing on an older text leaves the job pending.
// A submission is indexed when it is sent, in that transaction (screening_documents records its fingerprints, the
// rows of the index that are its own), so whatever is screened later finds everything sent before it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table screening_jobs (
    submission_id bigint primary key references submissions (id) on delete cascade,
    generation integer not null default 1,
    status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
    attempts integer not null default 0,
    run_after timestamptz not null default now(),
    lease_until timestamptz,
    last_error text,
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index screening_jobs_due on screening_jobs (run_after) where status in ('pending', 'running')`.execute(
    db,
  );

  await sql`create table screening_documents (
    submission_id bigint primary key references submissions (id) on delete cascade,
    fingerprints integer[] not null,
    indexed_at timestamptz not null default now()
  )`.execute(db);

  await sql`create table screening_reports (
    submission_id bigint primary key references submissions (id) on delete cascade,
    generation integer not null,
    shingles integer not null check (shingles >= 0),
    matches jsonb not null default '[]',
    computed_at timestamptz not null default now()
  )`.execute(db);

  // The inverted index: fingerprint -> submissions holding it. No foreign key: only sent submissions are indexed and
  // those are never deleted (only drafts are), while a key would make every draft deletion scan these rows or need
  // a second index as large as this one; a submission's rows are replaced from screening_documents.fingerprints.
  await sql`create table screening_fingerprints (
    hash integer not null,
    submission_id bigint not null,
    primary key (hash, submission_id)
  )`.execute(db);

  // Everything sent before screening existed is indexed and screened by the same queue, oldest first.
  await sql`insert into screening_jobs (submission_id, run_after)
    select id, coalesce(submitted_at, created_at) from submissions where status <> 'draft'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table screening_fingerprints`.execute(db);
  await sql`drop table screening_reports`.execute(db);
  await sql`drop table screening_documents`.execute(db);
  await sql`drop table screening_jobs`.execute(db);
}
