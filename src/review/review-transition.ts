import type { Kysely } from "kysely";
import type { Database, SubmissionStatus } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import { insertEvent } from "../submissions/submissions.repository.js";
import {
  type DecisionFields,
  findSubmitterContact,
  lockSubmission,
  setReviewStatus,
} from "./review.repository.js";
import { WrongStageError } from "./review-errors.js";

/**
 * Moves a submission from one of the `allowed` stages to `to`, under a row lock, with a status event (and the
 * note, if any): the one way endorsement and decisions change a submission. Returns the submission as it was and
 * whom to tell.
 */
export function moveSubmission(
  db: Kysely<Database>,
  move: {
    id: number;
    actorId: number;
    allowed: readonly SubmissionStatus[];
    to: SubmissionStatus;
    note?: string | null;
    fields?: DecisionFields;
  },
) {
  return db.transaction().execute(async (trx) => {
    const s = await lockSubmission(trx, move.id);
    if (!s) throw new SubmissionNotFoundError(move.id);
    if (!move.allowed.includes(s.status)) throw new WrongStageError(s.status);
    await setReviewStatus(trx, move.id, move.to, move.fields);
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
