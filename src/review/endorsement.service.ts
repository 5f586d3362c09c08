import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import * as submissions from "../submissions/submissions.repository.js";
import { ForbiddenError } from "../users/permissions.js";
import { findUserById } from "../users/users.repository.js";
import { findSubmitterContact, listQueue, unitsHeadedBy } from "./review.repository.js";
import { requiredNote, WrongStageError } from "./review-errors.js";

/**
 * The unit head's step: endorse a new submission from the unit to the council, or return it for revision with a
 * note. Every call checks that the acting user heads the submission's unit.
 */
export class EndorsementService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Submissions from the units this user heads that wait for endorsement. */
  async queue(actorId: number) {
    const units = await unitsHeadedBy(this.db, actorId);
    if (units.length === 0) throw new ForbiddenError("unit_head");
    return listQueue(this.db, ["submitted"], units);
  }

  /** A submission of the actor's unit, with its authors and files, to read before deciding. */
  async open(actorId: number, id: number) {
    const submission = await this.requireHeadOf(actorId, id);
    const [authors, attachments, submitter] = await Promise.all([
      submissions.listAuthors(this.db, id),
      submissions.listAttachments(this.db, id),
      findUserById(this.db, submission.submitter_id),
    ]);
    return { submission, authors, attachments, submitterName: submitter?.full_name ?? "" };
  }

  async endorse(actorId: number, id: number) {
    return this.move(actorId, id, "endorsed");
  }

  async returnForRevision(actorId: number, id: number, rawNote: string) {
    return this.move(actorId, id, "returned", requiredNote(rawNote));
  }

  private async move(actorId: number, id: number, to: "endorsed" | "returned", note?: string) {
    await this.requireHeadOf(actorId, id);
    return this.db.transaction().execute(async (trx) => {
      // Re-read under a row lock: two heads of one unit pressing at once move it once.
      const s = await trx
        .selectFrom("submissions")
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!s) throw new SubmissionNotFoundError(id);
      if (s.status !== "submitted") throw new WrongStageError(s.status);
      await submissions.updateSubmission(trx, id, { status: to });
      await submissions.insertEvent(trx, {
        submissionId: id,
        actorId,
        from: s.status,
        to,
        ...(note ? { note } : {}),
      });
      const contact = await findSubmitterContact(trx, id);
      return { code: s.code ?? "", title: s.title ?? "", note: note ?? null, submitter: contact };
    });
  }

  private async requireHeadOf(actorId: number, id: number) {
    const s = await submissions.findSubmission(this.db, id);
    if (!s) throw new SubmissionNotFoundError(id);
    const units = await unitsHeadedBy(this.db, actorId);
    // Someone else's submission named in a forged button is refused like a missing role.
    if (s.unit_id === null || !units.includes(s.unit_id)) throw new ForbiddenError("unit_head");
    return s;
  }
}
