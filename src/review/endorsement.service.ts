import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import * as submissions from "../submissions/submissions.repository.js";
import { ForbiddenError } from "../users/permissions.js";
import { isAuthorOrSubmitter, listQueue, loadReviewFile, unitsHeadedBy } from "./review.repository.js";
import { OwnSubmissionError, requiredNote } from "./review-errors.js";
import { moveSubmission } from "./review-transition.js";

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
    return loadReviewFile(this.db, await this.requireHeadOf(actorId, id));
  }

  /** Refuses at once what the move would refuse (not a head of its unit, one's own), before a note is typed. */
  async checkMayAct(actorId: number, id: number): Promise<void> {
    const s = await this.requireHeadOf(actorId, id);
    if (await isAuthorOrSubmitter(this.db, s, actorId)) throw new OwnSubmissionError(id);
  }

  async endorse(actorId: number, id: number) {
    return this.move(actorId, id, "endorsed");
  }

  async returnForRevision(actorId: number, id: number, rawNote: string) {
    return this.move(actorId, id, "returned", requiredNote(rawNote));
  }

  private async move(actorId: number, id: number, to: "endorsed" | "returned", note?: string) {
    await this.requireHeadOf(actorId, id);
    const { submission: s, submitter } = await moveSubmission(this.db, {
      id,
      actorId,
      allowed: ["submitted"],
      to,
      notOwn: true,
      note: note ?? null,
    });
    return { code: s.code ?? "", title: s.title ?? "", note: note ?? null, submitter };
  }

  private async requireHeadOf(actorId: number, id: number) {
    const s = await submissions.findSubmission(this.db, id);
    // A draft is its author's alone until it is sent.
    if (!s || s.status === "draft") throw new SubmissionNotFoundError(id);
    const units = await unitsHeadedBy(this.db, actorId);
    // Someone else's submission named in a forged button is refused like a missing role.
    if (s.unit_id === null || !units.includes(s.unit_id)) throw new ForbiddenError("unit_head");
    return s;
  }
}
