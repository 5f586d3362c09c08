import type { Kysely, Selectable } from "kysely";
import type { Database, SubmissionStatus, SubmissionTable } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import { insertEvent } from "../submissions/submissions.repository.js";
import {
  type DecisionFields,
  findSubmitterContact,
  isAuthorOrSubmitter,
  lockSubmission,
  setReviewStatus,
} from "./review.repository.js";
import { OwnSubmissionError, WrongStageError } from "./review-errors.js";

/**
 * Moves a submission from one of the `allowed` stages to `to`, under a row lock, with a status event (and the
 * note, if any): the one way a submitted submission changes status (endorse, return, decide, withdraw). The stage
 * is checked on the locked row, so of two moves racing (a withdrawal and a decision) the second finds the first's
 * outcome and is refused. `notOwn` refuses an actor who sent or co-authored it; `check` adds the caller's own
 * rule on the locked row (the submitter's ownership of a withdrawal). Returns the submission as it was and whom
 * to tell.
 */
export function moveSubmission(
  db: Kysely<Database>,
  move: {
    id: number;
    actorId: number;
    allowed: readonly SubmissionStatus[];
    to: SubmissionStatus;
    note?: string | null;
    /** Written with the status; a function is called on the locked row, inside the transaction. */
    fields?:
      | DecisionFields
      | ((trx: Kysely<Database>, s: Selectable<SubmissionTable>) => Promise<DecisionFields>);
    notOwn?: boolean;
    check?: (s: Selectable<SubmissionTable>) => void;
  },
) {
  return db.transaction().execute(async (trx) => {
    const s = await lockSubmission(trx, move.id);
    if (!s || s.status === "draft") throw new SubmissionNotFoundError(move.id);
    move.check?.(s);
    if (!move.allowed.includes(s.status)) throw new WrongStageError(s.status);
    if (move.notOwn && (await isAuthorOrSubmitter(trx, s, move.actorId)))
      throw new OwnSubmissionError(move.id);
    const fields = typeof move.fields === "function" ? await move.fields(trx, s) : move.fields;
    await setReviewStatus(trx, move.id, move.to, fields);
    await insertEvent(trx, {
      submissionId: move.id,
      actorId: move.actorId,
      from: s.status,
      to: move.to,
      ...(move.note ? { note: move.note } : {}),
    });
    return { submission: s, submitter: await findSubmitterContact(trx, move.id) };
  });
}
