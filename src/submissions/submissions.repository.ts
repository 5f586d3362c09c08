import { type Kysely, sql } from "kysely";
import type { Database, SubmissionKind, SubmissionStatus } from "../db/types.js";
import type { IncomingFile } from "./attachment-rules.js";

type Db = Kysely<Database>;

export function findSubmission(db: Db, id: number) {
  return db.selectFrom("submissions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The row locked until the transaction ends: one status change at a time. */
export function findSubmissionForUpdate(db: Db, id: number) {
  return db.selectFrom("submissions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/**
 * Sets the draft whose form the user's chat is in. With `onlyIf`, clears it only while that draft is the one open
 * (submitting one draft does not close another opened since).
 */
export async function setActiveDraft(db: Db, userId: number, draftId: number | null, onlyIf?: number) {
  let query = db.updateTable("users").set({ active_draft_id: draftId }).where("id", "=", userId);
  if (onlyIf !== undefined) query = query.where("active_draft_id", "=", onlyIf);
  await query.execute();
}

export function findDraft(db: Db, submitterId: number, kind: SubmissionKind) {
  return db
    .selectFrom("submissions")
    .selectAll()
    .where("submitter_id", "=", submitterId)
    .where("kind", "=", kind)
    .where("status", "=", "draft")
    .executeTakeFirst();
}

/** Creates the submitter's draft of this kind unless one exists (one draft per kind), and returns it. */
export async function findOrCreateDraft(
  db: Db,
  draft: { submitterId: number; unitId: number | null; kind: SubmissionKind; firstStep: string },
) {
  const created = await db
    .insertInto("submissions")
    .values({
      kind: draft.kind,
      submitter_id: draft.submitterId,
      unit_id: draft.unitId,
      draft_step: draft.firstStep,
    })
    .onConflict((oc) => oc.columns(["submitter_id", "kind"]).where("status", "=", "draft").doNothing())
    .returningAll()
    .executeTakeFirst();
  return created ?? (await findDraft(db, draft.submitterId, draft.kind)) ?? raise("draft vanished");
}

/** Updates and returns the row (one round trip where an update and a re-read would take two). */
export async function updateSubmissionReturning(
  db: Db,
  id: number,
  changes: { fields: Record<string, unknown>; draft_step: string | null; title?: string },
) {
  return db
    .updateTable("submissions")
    .set({ ...changes, fields: JSON.stringify(changes.fields), updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One form step's write: what changed in the draft's answers, and the step it moves to. */
export interface DraftStepChange {
  id: number;
  submitterId: number;
  /** The step the write was decided at: the draft must still be there. */
  expectedStep: string | null;
  /** Answers set by this step (whole values), and answers it removed. */
  changed: Record<string, unknown>;
  removed: string[];
  draftStep: string;
  /** The update that made the change (null: not an update): an update at or below the draft's last changes nothing. */
  updateId: number | null;
}

/** What a step's write gives back: the row's columns but its answers (which the caller has just computed). */
export interface DraftStepRow {
  id: number;
  kind: SubmissionKind;
  status: SubmissionStatus;
  submitter_id: number;
  draft_step: string | null;
  last_update_id: number | null;
}

/**
 * Moves drafts' forms on, in one statement for all of them: each only if it is still at its expected step, still
 * editable and not yet moved by this or a later update, writing only the answers that changed (a step's write no
 * longer carries the whole draft, ~10 KB at the end of the form). Returns, per change and in order, the row as saved,
 * or undefined for a draft that changed meanwhile.
 */
export async function updateDraftSteps(
  db: Db,
  changes: readonly DraftStepChange[],
): Promise<(DraftStepRow | undefined)[]> {
  const values = changes.map((c) => ({
    id: c.id,
    submitter_id: c.submitterId,
    expected_step: c.expectedStep,
    changed: c.changed,
    removed: c.removed,
    draft_step: c.draftStep,
    update_id: c.updateId,
    title: typeof c.changed.title === "string" ? c.changed.title : null,
  }));
  const { rows } = await sql<DraftStepRow>`
    update submissions s
    set fields = (s.fields - v.removed) || v.changed,
        draft_step = v.draft_step,
        last_update_id = coalesce(v.update_id, s.last_update_id),
        title = coalesce(v.title, s.title),
        updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      id integer, submitter_id integer, expected_step text, changed jsonb, removed text[], draft_step text,
      update_id bigint, title text)
    where s.id = v.id
      and s.submitter_id = v.submitter_id
      and s.status in ('draft', 'returned')
      and s.draft_step is not distinct from v.expected_step
      and (v.update_id is null or s.last_update_id is null or s.last_update_id < v.update_id)
    returning s.id, s.kind, s.status, s.submitter_id, s.draft_step, s.last_update_id`.execute(db);
  const saved = new Map(rows.map((r) => [r.id, r]));
  return changes.map((c) => saved.get(c.id));
}

export async function updateSubmission(
  db: Db,
  id: number,
  changes: {
    fields?: Record<string, unknown>;
    draft_step?: string | null;
    title?: string | null;
    search_title?: string | null;
    status?: SubmissionStatus;
    code?: string;
    submitted_at?: Date;
    decision_due_at?: Date;
    school_year?: string;
    scope_proposed?: "unit" | "province" | "nation" | null;
    campaign_id?: number | null;
    last_update_id?: number | null;
  },
): Promise<void> {
  const { fields, ...rest } = changes;
  await db
    .updateTable("submissions")
    .set({ ...rest, ...(fields ? { fields: JSON.stringify(fields) } : {}), updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** The next number of a code series, atomically: concurrent submits get distinct numbers. */
export async function nextCodeNumber(db: Db, prefix: string, year: number): Promise<number> {
  const row = await db
    .insertInto("submission_counters")
    .values({ prefix, year, last_value: 1 })
    .onConflict((oc) =>
      oc.columns(["prefix", "year"]).doUpdateSet({ last_value: sql`submission_counters.last_value + 1` }),
    )
    .returning("last_value")
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export async function replaceAuthors(
  db: Db,
  submissionId: number,
  authors: { user_id: number | null; full_name: string; unit_name: string | null; share: number }[],
): Promise<void> {
  await db.deleteFrom("submission_authors").where("submission_id", "=", submissionId).execute();
  if (authors.length === 0) return;
  await db
    .insertInto("submission_authors")
    .values(authors.map((a, i) => ({ ...a, submission_id: submissionId, position: i + 1 })))
    .execute();
}

export function listAuthors(db: Db, submissionId: number) {
  return db
    .selectFrom("submission_authors")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("position")
    .execute();
}

export async function insertEvent(
  db: Db,
  event: {
    submissionId: number;
    actorId: number | null;
    from: SubmissionStatus | null;
    to: SubmissionStatus;
    note?: string;
  },
): Promise<void> {
  await db
    .insertInto("submission_events")
    .values({
      submission_id: event.submissionId,
      actor_id: event.actorId,
      from_status: event.from,
      to_status: event.to,
      note: event.note ?? null,
    })
    .execute();
}

export function listEvents(db: Db, submissionId: number) {
  return db
    .selectFrom("submission_events")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export function listAttachments(db: Db, submissionId: number) {
  return db
    .selectFrom("attachments")
    .selectAll()
    .where("submission_id", "=", submissionId)
    .orderBy("id")
    .execute();
}

/** Adds an attachment; the same Telegram file twice is stored once. */
export async function insertAttachment(db: Db, a: IncomingFile & { submissionId: number }): Promise<void> {
  await db
    .insertInto("attachments")
    .values({
      submission_id: a.submissionId,
      kind: a.kind,
      telegram_file_id: a.fileId,
      telegram_file_unique_id: a.fileUniqueId,
      file_name: a.fileName,
      mime_type: a.mimeType,
      size_bytes: a.sizeBytes,
    })
    .onConflict((oc) => oc.columns(["submission_id", "telegram_file_unique_id"]).doNothing())
    .execute();
}

export function listBySubmitter(db: Db, submitterId: number) {
  return db
    .selectFrom("submissions")
    .select([
      "id",
      "code",
      "kind",
      "status",
      "title",
      "submitted_at",
      "updated_at",
      "scope_recognised",
      "decision_number",
      "decision_date",
    ])
    .where("submitter_id", "=", submitterId)
    .orderBy("updated_at", "desc")
    .limit(50)
    .execute();
}

/**
 * The (at most three) submitted or recognised titles nearest to `folded`, at least `minSimilarity` alike: a
 * nearest-neighbour walk of the GiST trigram index, with the threshold set for this transaction so the walk skips
 * what cannot qualify; the cost does not grow with history.
 */
export function findSimilarTitles(db: Db, folded: string, excludeId: number, minSimilarity: number) {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.similarity_threshold', ${String(minSimilarity)}, true)`.execute(trx);
    return trx
      .selectFrom("submissions")
      .select(["id", "code", "title", "status"])
      .select(sql<number>`1 - (search_title <-> ${folded})`.as("similarity"))
      .where("status", "not in", ["draft", "withdrawn"])
      .where("id", "<>", excludeId)
      .where(sql<boolean>`search_title % ${folded}`)
      .orderBy(sql`search_title <-> ${folded}`)
      .limit(3)
      .execute();
  });
}

function raise(message: string): never {
  throw new Error(message);
}

/** Active unit heads of the submission's unit, other than the submitter. */
export function findUnitHeadsOf(db: Db, submissionId: number) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("user_roles as r", (join) =>
      join.onRef("r.unit_id", "=", "s.unit_id").on("r.role", "=", "unit_head"),
    )
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.telegram_id", "u.locale"])
    .where("s.id", "=", submissionId)
    .where("u.active", "=", true)
    .whereRef("u.id", "<>", "s.submitter_id")
    .execute();
}
