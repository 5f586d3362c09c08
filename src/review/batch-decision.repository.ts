import { type Kysely, sql } from "kysely";
import type { Database, Outcome, SubmissionStatus } from "../db/types.js";
import type { Bucket, CouncilVerdict, DraftCounts } from "./batch-proposal.js";

type Db = Kysely<Database>;

/** The bucket of an item, in SQL, as bucketOf says it in TypeScript. */
const BUCKET_SQL = sql<string>`case when i.excluded then 'excluded' else coalesce(i.chosen, i.proposed, 'unscored') end`;

export function findDraft(db: Db, id: number, lock = false) {
  return db
    .selectFrom("decision_drafts")
    .selectAll()
    .where("id", "=", id)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export function findOpenDraft(db: Db, createdBy: number) {
  return db
    .selectFrom("decision_drafts")
    .select(["id", "number"])
    .where("created_by", "=", createdBy)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** Replaces the administrator's open draft, if any, with a new one. */
export async function insertDraft(
  db: Db,
  d: {
    createdBy: number;
    campaignId: number;
    number: string;
    date: string;
    signer: string;
    passMark: number;
  },
): Promise<number> {
  await db
    .updateTable("decision_drafts")
    .set({ status: "cancelled", updated_at: new Date() })
    .where("created_by", "=", d.createdBy)
    .where("status", "=", "open")
    .execute();
  const row = await db
    .insertInto("decision_drafts")
    .values({
      created_by: d.createdBy,
      campaign_id: d.campaignId,
      number: d.number,
      decided_on: d.date,
      signer: d.signer,
      pass_mark: d.passMark,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The submissions of a campaign ready for a decision, each with the council's scores and recommendations. */
export async function listVerdicts(db: Db, campaignId: number, decidable: readonly SubmissionStatus[]) {
  const { rows } = await sql<
    CouncilVerdict & { id: number; code: string; updated_at: Date }
  >`select s.id, s.code, s.updated_at,
      round(avg(a.total), 2)::float8 as average,
      count(a.id)::int as reviews,
      count(*) filter (where a.recommendation = 'recognise_unit')::int as unit,
      count(*) filter (where a.recommendation = 'recognise_province')::int as province,
      count(*) filter (where a.recommendation = 'recognise_nation')::int as nation,
      count(*) filter (where a.recommendation = 'refuse')::int as refuse
    from submissions s
    left join review_assignments a on a.submission_id = s.id and a.status = 'scored'
    where s.campaign_id = ${campaignId} and s.status = any(${sql.val([...decidable])}::text[])
    group by s.id
    order by s.code, s.id`.execute(db);
  return rows;
}

export interface NewItem {
  submission_id: number;
  code: string;
  average: number | null;
  reviews: number;
  proposed: Outcome | null;
}

/**
 * All the draft's items in one statement, however many (one jsonb parameter, the same on both databases). The
 * submission's updated_at is copied in SQL, at full precision, for the check at apply time.
 */
export async function insertItems(db: Db, draftId: number, items: readonly NewItem[]): Promise<void> {
  if (items.length === 0) return;
  await sql`
    insert into decision_draft_items (draft_id, submission_id, code, seen_updated_at, average, reviews, proposed)
    select ${draftId}, v.submission_id, v.code, s.updated_at, v.average, v.reviews, v.proposed
    from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
      as v(submission_id bigint, code text, average numeric, reviews int, proposed text)
    join submissions s on s.id = v.submission_id`.execute(db);
}

export async function countItems(db: Db, draftId: number): Promise<DraftCounts> {
  const { rows } = await sql<{ bucket: Bucket; n: number; without_reason: number }>`
    select ${BUCKET_SQL} as bucket, count(*)::int as n,
      count(*) filter (where i.reason is null)::int as without_reason
    from decision_draft_items i where i.draft_id = ${draftId}
    group by 1`.execute(db);
  const counts: DraftCounts = {
    nation: 0,
    province: 0,
    unit: 0,
    refuse: 0,
    excluded: 0,
    unscored: 0,
    refusalsWithoutReason: 0,
  };
  for (const r of rows) {
    counts[r.bucket] = r.n;
    if (r.bucket === "refuse") counts.refusalsWithoutReason = r.without_reason;
  }
  return counts;
}

/** One page of a bucket, by code, with the submission's title. */
export async function listBucket(db: Db, draftId: number, bucket: Bucket, offset: number, limit: number) {
  const { rows } = await sql<{
    submission_id: number;
    code: string;
    title: string | null;
    average: number | null;
    reason: string | null;
  }>`select i.submission_id, i.code, s.title, i.average, i.reason
    from decision_draft_items i join submissions s on s.id = i.submission_id
    where i.draft_id = ${draftId} and ${BUCKET_SQL} = ${bucket}
    order by i.code, i.submission_id
    offset ${offset} limit ${limit}`.execute(db);
  return rows;
}

export function findItem(db: Db, draftId: number, by: { submissionId: number } | { code: string }) {
  return db
    .selectFrom("decision_draft_items as i")
    .innerJoin("submissions as s", "s.id", "i.submission_id")
    .select([
      "i.submission_id",
      "i.code",
      "i.average",
      "i.reviews",
      "i.proposed",
      "i.chosen",
      "i.excluded",
      "i.reason",
      "s.title",
      "s.kind",
    ])
    .where("i.draft_id", "=", draftId)
    .$if("code" in by, (qb) => qb.where(sql`upper(i.code)`, "=", "code" in by ? by.code.toUpperCase() : ""))
    .$if("submissionId" in by, (qb) =>
      qb.where("i.submission_id", "=", "submissionId" in by ? by.submissionId : -1),
    )
    .executeTakeFirst();
}

export async function updateItem(
  db: Db,
  draftId: number,
  submissionId: number,
  set: { chosen?: Outcome | null; excluded?: boolean; reason?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("decision_draft_items")
    .set(set)
    .where("draft_id", "=", draftId)
    .where("submission_id", "=", submissionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One reason for every refusal that has none yet; returns how many it was given to. */
export async function giveReasonToRefusals(db: Db, draftId: number, reason: string): Promise<number> {
  const result = await sql`
    update decision_draft_items i set reason = ${reason}
    where i.draft_id = ${draftId} and i.reason is null and ${BUCKET_SQL} = 'refuse'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function excludeItems(db: Db, draftId: number, submissionIds: readonly number[]) {
  if (submissionIds.length === 0) return;
  await db
    .updateTable("decision_draft_items")
    .set({ excluded: true })
    .where("draft_id", "=", draftId)
    .where("submission_id", "in", submissionIds)
    .execute();
}

export async function touchDraft(db: Db, draftId: number): Promise<void> {
  await db.updateTable("decision_drafts").set({ updated_at: new Date() }).where("id", "=", draftId).execute();
}

/** The items the decision will decide, with their outcome. */
export async function listIncluded(db: Db, draftId: number) {
  const { rows } = await sql<{
    submission_id: number;
    code: string;
    outcome: Outcome;
    reason: string | null;
  }>`select i.submission_id, i.code, coalesce(i.chosen, i.proposed) as outcome, i.reason
    from decision_draft_items i
    where i.draft_id = ${draftId} and not i.excluded and coalesce(i.chosen, i.proposed) is not null
    order by i.submission_id`.execute(db);
  return rows;
}

/**
 * Locks every submission the decision moves, in id order (two batch decisions over the same rows lock them in
 * the same order and cannot deadlock), and reads what the check needs: the status, when it last changed, whether
 * the administrator sent or co-authored it, and whom to tell.
 */
export async function lockForDecision(db: Db, draftId: number, ids: readonly number[], actorId: number) {
  const { rows } = await sql<{
    id: number;
    code: string | null;
    title: string | null;
    kind: string;
    status: SubmissionStatus;
    updated_at: Date;
    submitter_id: number;
    own: boolean;
    changed: boolean;
  }>`select s.id, s.code, s.title, s.kind, s.status, s.updated_at, s.submitter_id,
      s.updated_at is distinct from i.seen_updated_at as changed,
      (s.submitter_id = ${actorId} or exists (
        select 1 from submission_authors a where a.submission_id = s.id and a.user_id = ${actorId})) as own
    from submissions s
    join decision_draft_items i on i.draft_id = ${draftId} and i.submission_id = s.id
    where s.id = any(${sql.val(ids)}::bigint[])
    order by s.id
    for update of s`.execute(db);
  return rows;
}

export async function insertDecision(
  db: Db,
  d: {
    number: string;
    date: string;
    signer: string;
    createdBy: number;
    schoolYear: string | null;
    campaignId: number;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto("decisions")
    .values({
      number: d.number,
      decided_on: d.date,
      signer: d.signer,
      created_by: d.createdBy,
      school_year: d.schoolYear,
      campaign_id: d.campaignId,
    })
    .onConflict((oc) => oc.columns(["number", "decided_on"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

export interface DecidedRow {
  id: number;
  status: "recognised" | "refused";
  from: SubmissionStatus;
  scope: string | null;
  reasons: string | null;
}

/**
 * Writes every submission's decision and its status event in two statements: the set-based form of the locked
 * transition (moveSubmission), run on rows this transaction has locked and checked one by one.
 */
export async function writeDecided(
  db: Db,
  rows: readonly DecidedRow[],
  d: { decisionId: number; number: string; date: string; actorId: number; at: Date },
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await sql`
    update submissions s
    set status = v.status, scope_recognised = v.scope, decision_reasons = v.reasons,
      decision_id = ${d.decisionId}, decision_number = ${d.number}, decision_date = ${d.date}::date,
      decided_at = ${d.at}, decided_by = ${d.actorId}, updated_at = ${d.at}
    from jsonb_to_recordset(${json}::jsonb) as v(id bigint, status text, scope text, reasons text)
    where s.id = v.id`.execute(db);
  await sql`
    insert into submission_events (submission_id, actor_id, from_status, to_status, note, created_at)
    select v.id, ${d.actorId}, v."from", v.status, v.reasons, ${d.at}
    from jsonb_to_recordset(${json}::jsonb) as v(id bigint, "from" text, status text, reasons text)`.execute(
    db,
  );
}

export async function markApplied(db: Db, draftId: number, decisionId: number, at: Date): Promise<void> {
  await db
    .updateTable("decision_drafts")
    .set({ status: "applied", decision_id: decisionId, applied_at: at, updated_at: at })
    .where("id", "=", draftId)
    .execute();
}

/** Campaigns with submissions waiting for a decision, for the administrator to pick one. */
export async function campaignsWithDecidable(db: Db, decidable: readonly SubmissionStatus[]) {
  const { rows } = await sql<{ id: number; title: string; waiting: number }>`
    select c.id, c.title, count(s.id)::int as waiting
    from campaigns c join submissions s on s.campaign_id = c.id
    where s.status = any(${sql.val([...decidable])}::text[])
    group by c.id order by c.id desc limit 20`.execute(db);
  return rows;
}
