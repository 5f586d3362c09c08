import { type Kysely, sql } from "kysely";
import type { Database, ScreeningMatch } from "../db/types.js";

type Db = Kysely<Database>;

/**
 * Queues (or queues again) the screening of a submission: a new generation, due now. Called in the transaction that
 * sends the submission or gives it to the council, so the job exists exactly when the submission does.
 */
export async function enqueueScreening(db: Db, submissionId: number, now: Date): Promise<void> {
  await db
    .insertInto("screening_jobs")
    .values({ submission_id: submissionId, run_after: now, updated_at: now })
    .onConflict((oc) =>
      oc.column("submission_id").doUpdateSet({
        generation: sql`screening_jobs.generation + 1`,
        status: "pending",
        attempts: 0,
        run_after: now,
        lease_until: null,
        last_error: null,
        updated_at: now,
      }),
    )
    .execute();
}

export interface ClaimedJob {
  submissionId: number;
  generation: number;
  attempts: number;
}

/**
 * Claims the next due job (pending and due, or running with its lease run out: its worker died) for `leaseMs`.
 * SKIP LOCKED lets several instances claim side by side, each a different job.
 */
export async function claimScreeningJob(db: Db, now: Date, leaseMs: number): Promise<ClaimedJob | undefined> {
  const row = await sql<{ submission_id: number; generation: number; attempts: number }>`
    update screening_jobs j
       set status = 'running', attempts = j.attempts + 1, updated_at = ${now},
           lease_until = ${new Date(now.getTime() + leaseMs)}
     where j.submission_id = (
       select submission_id from screening_jobs
        where (status = 'pending' and run_after <= ${now}) or (status = 'running' and lease_until <= ${now})
        order by run_after, submission_id
        limit 1
        for update skip locked)
    returning j.submission_id, j.generation, j.attempts`
    .execute(db)
    .then((r) => r.rows[0]);
  return row && { submissionId: row.submission_id, generation: row.generation, attempts: row.attempts };
}

/** Ends a run: done, unless the submission was enqueued again meanwhile (then it stays pending for a new run). */
export async function finishScreeningJob(db: Db, job: ClaimedJob, now: Date): Promise<void> {
  await db
    .updateTable("screening_jobs")
    .set({
      status: sql`case when generation = ${job.generation} then 'done' else 'pending' end`,
      lease_until: null,
      last_error: null,
      updated_at: now,
    })
    .where("submission_id", "=", job.submissionId)
    .execute();
}

/** A failed run: tried again at `retryAt`, or given up (failed) with `retryAt` null. */
export async function failScreeningJob(
  db: Db,
  job: ClaimedJob,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable("screening_jobs")
    .set({
      status: retryAt ? "pending" : "failed",
      run_after: retryAt ?? now,
      lease_until: null,
      last_error: error.slice(0, 500),
      updated_at: now,
    })
    .where("submission_id", "=", job.submissionId)
    .where("generation", "=", job.generation)
    .execute();
}

export function findScreeningJob(db: Db, submissionId: number) {
  return db
    .selectFrom("screening_jobs")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
}

/** What screening reads of a submission (null if it is gone or a draft again). */
export function findScreenable(db: Db, id: number) {
  return db
    .selectFrom("submissions")
    .select(["id", "fields", "campaign_id", "submitted_at", "status"])
    .where("id", "=", id)
    .where("status", "<>", "draft")
    .executeTakeFirst();
}

/** Posting lists longer than this are phrases every text uses (boilerplate): they say nothing of copying. */
export const COMMON_FINGERPRINT = 3000;

/**
 * Indexed submissions sharing at least `minShared` of these fingerprints, best first: each shared fingerprint weighs
 * ln(1 + COMMON_FINGERPRINT / holders), so a phrase few texts hold counts for more than one many hold (a source
 * sharing three rare phrases comes before texts sharing three stock ones). Each posting list is read up to
 * COMMON_FINGERPRINT + 1 rows; a longer one is boilerplate and left out, which bounds the work per query.
 */
export async function findCandidates(
  db: Db,
  fingerprints: number[],
  excludeId: number,
  minShared: number,
  limit: number,
): Promise<{ submissionId: number; shared: number }[]> {
  if (fingerprints.length === 0) return [];
  const { rows } = await sql<{ submission_id: number; shared: number }>`
    with q(hash) as (select distinct unnest(${fingerprints}::integer[])),
    posting as (
      select q.hash, p.submission_id
        from q cross join lateral (
          select f.submission_id from screening_fingerprints f where f.hash = q.hash limit ${COMMON_FINGERPRINT + 1}
        ) p),
    informative as (
      select hash, ln(1 + ${COMMON_FINGERPRINT}::float8 / count(*)) as weight
        from posting group by hash having count(*) <= ${COMMON_FINGERPRINT})
    select p.submission_id, count(*)::integer as shared
      from posting p join informative i on i.hash = p.hash
     where p.submission_id <> ${excludeId}
     group by p.submission_id
    having count(*) >= ${minShared}
     order by sum(i.weight) desc, p.submission_id
     limit ${limit}`.execute(db);
  return rows.map((r) => ({ submissionId: r.submission_id, shared: r.shared }));
}

/** The candidates' texts and where they stand (earlier, or of the same campaign). */
export function findSources(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("submissions")
    .select(["id", "fields", "campaign_id", "submitted_at"])
    .where("id", "in", ids)
    .execute();
}

/**
 * Indexes a submission under its fingerprints, replacing those of an earlier text, in the caller's transaction.
 * Running it twice leaves the same rows.
 */
export async function indexSubmission(trx: Db, submissionId: number, fingerprints: number[], at: Date) {
  const old = await trx
    .selectFrom("screening_documents")
    .select("fingerprints")
    .where("submission_id", "=", submissionId)
    .forUpdate()
    .executeTakeFirst();
  const stale = (old?.fingerprints ?? []).filter((h) => !fingerprints.includes(h));
  if (stale.length > 0)
    await trx
      .deleteFrom("screening_fingerprints")
      .where("submission_id", "=", submissionId)
      .where("hash", "in", stale)
      .execute();
  // A fingerprint already held by more than COMMON_FINGERPRINT submissions is boilerplate, never used to find
  // candidates: it is not added again, which bounds every posting list (and the index) at that length.
  if (fingerprints.length > 0)
    await sql`insert into screening_fingerprints (hash, submission_id)
      select h, ${submissionId}::bigint from unnest(${fingerprints}::integer[]) h
       where (select count(*) from (
               select 1 from screening_fingerprints f where f.hash = h limit ${COMMON_FINGERPRINT + 1}) held)
             <= ${COMMON_FINGERPRINT}
      on conflict do nothing`.execute(trx);
  const row = { fingerprints: sql<number[]>`${fingerprints}::integer[]`, indexed_at: at };
  await trx
    .insertInto("screening_documents")
    .values({ submission_id: submissionId, ...row })
    .onConflict((oc) => oc.column("submission_id").doUpdateSet(row))
    .execute();
}

/** Stores (or replaces) a submission's overlap report, in the caller's transaction. */
export async function saveReport(
  trx: Db,
  report: { submissionId: number; generation: number; shingles: number; matches: ScreeningMatch[]; at: Date },
): Promise<void> {
  const row = {
    generation: report.generation,
    shingles: report.shingles,
    matches: JSON.stringify(report.matches),
    computed_at: report.at,
  };
  await trx
    .insertInto("screening_reports")
    .values({ submission_id: report.submissionId, ...row })
    .onConflict((oc) => oc.column("submission_id").doUpdateSet(row))
    .execute();
}

export function findReport(db: Db, submissionId: number) {
  return db
    .selectFrom("screening_reports")
    .select(["matches", "computed_at", "generation"])
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
}

/** Code, title and school year of the sources a report names. */
export function describeSources(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("submissions")
    .select(["id", "code", "title", "school_year"])
    .where("id", "in", ids)
    .execute();
}

/** Whether the user has this submission to review (assigned or already scored; not after declaring a conflict). */
export async function isReviewerOf(db: Db, userId: number, submissionId: number): Promise<boolean> {
  const row = await db
    .selectFrom("review_assignments")
    .select("id")
    .where("submission_id", "=", submissionId)
    .where("reviewer_id", "=", userId)
    .where("status", "in", ["assigned", "scored"])
    .executeTakeFirst();
  return row !== undefined;
}
