import type { Kysely, Selectable } from "kysely";
import type { Database, Scope, SubmissionStatus, SubmissionTable } from "../db/types.js";
import { listAttachments, listAuthors } from "../submissions/submissions.repository.js";
import { findUserById } from "../users/users.repository.js";
import { InvalidDecisionError } from "./review-errors.js";

type Db = Kysely<Database>;
type Submission = Selectable<SubmissionTable>;

/** The units this user heads (a unit head's role names its unit). */
export async function unitsHeadedBy(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("user_roles")
    .select("unit_id")
    .where("user_id", "=", userId)
    .where("role", "=", "unit_head")
    .execute();
  return rows.map((r) => r.unit_id).filter((id): id is number => id !== null);
}

/** Submissions in one of `statuses`, oldest first, optionally only from some units: a work queue. */
export function listQueue(db: Db, statuses: SubmissionStatus[], unitIds: number[] | undefined, limit = 20) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("users as u", "u.id", "s.submitter_id")
    .leftJoin("units as un", "un.id", "s.unit_id")
    .select([
      "s.id",
      "s.code",
      "s.kind",
      "s.title",
      "s.status",
      "s.submitted_at",
      "s.scope_proposed",
      "u.full_name as submitter_name",
      "un.name as unit_name",
    ])
    .where("s.status", "in", statuses)
    .$if(unitIds !== undefined, (qb) => qb.where("s.unit_id", "in", unitIds?.length ? unitIds : [-1]))
    .orderBy("s.submitted_at")
    .orderBy("s.id")
    .limit(limit)
    .execute();
}

/** Whom to tell of a change to a submission: its submitter's chat and language. */
export function findSubmitterContact(db: Db, submissionId: number) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("users as u", "u.id", "s.submitter_id")
    .select(["s.id", "u.telegram_id", "u.locale", "s.code", "s.title", "s.kind"])
    .where("s.id", "=", submissionId)
    .executeTakeFirst();
}

/** Reads a submission under a row lock, so that two people acting on it at once move it once. */
/** Whether `userId` sent this submission or is one of its authors (a registered co-author). */
export async function isAuthorOrSubmitter(db: Db, s: { id: number; submitter_id: number }, userId: number) {
  if (s.submitter_id === userId) return true;
  const author = await db
    .selectFrom("submission_authors")
    .select("id")
    .where("submission_id", "=", s.id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return author !== undefined;
}

export function lockSubmission(db: Db, id: number) {
  return db.selectFrom("submissions").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** The decision's fields, set with the new status. */
export interface DecisionFields {
  scope_recognised?: Scope;
  decision_number?: string;
  decision_date?: string;
  decision_reasons?: string | null;
  decided_at?: Date;
  decided_by?: number;
  decision_id?: number | null;
}

/** The decision with this number and date, created on first citation: the same number on the same day is one decision. */
export async function findOrCreateDecision(
  db: Db,
  d: {
    number: string;
    date: string;
    createdBy: number;
    schoolYear: string | null;
    campaignId: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto("decisions")
    .values({
      number: d.number,
      decided_on: d.date,
      created_by: d.createdBy,
      school_year: d.schoolYear,
      campaign_id: d.campaignId,
    })
    // A no-op update makes the conflicting row come back from RETURNING, in the same statement.
    .onConflict((oc) =>
      oc.columns(["number", "decided_on"]).doUpdateSet({ number: (eb) => eb.ref("excluded.number") }),
    )
    .returning(["id", "revoked_at"])
    .executeTakeFirstOrThrow();
  // A revoked decision stays revoked: a recognition citing its number and date would be born revoked.
  if (row.revoked_at) throw new InvalidDecisionError("decision-revoked");
  return row.id;
}

export async function setReviewStatus(
  db: Db,
  id: number,
  status: SubmissionStatus,
  fields: DecisionFields = {},
): Promise<void> {
  await db
    .updateTable("submissions")
    .set({ ...fields, status, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** What a reviewer of any kind reads before acting: the authors with their shares, the files, the submitter. */
export async function loadReviewFile(db: Db, submission: Submission) {
  const [authors, attachments, submitter] = await Promise.all([
    listAuthors(db, submission.id),
    listAttachments(db, submission.id),
    findUserById(db, submission.submitter_id),
  ]);
  return { submission, authors, attachments, submitterName: submitter?.full_name ?? "" };
}
