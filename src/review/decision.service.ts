import type { Kysely } from "kysely";
import type { Database, Scope, SubmissionStatus } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import * as submissions from "../submissions/submissions.repository.js";
import { requireRole } from "../users/permissions.js";
import { proposeOutcome } from "./batch-proposal.js";
import { listScoredReviews } from "./council.repository.js";
import { findOrCreateDecision, isAuthorOrSubmitter, listQueue, loadReviewFile } from "./review.repository.js";
import { InvalidDecisionError, OwnSubmissionError, requiredNote } from "./review-errors.js";
import { moveSubmission } from "./review-transition.js";

/** Endorsed by the unit (or sent on without endorsement), or in the council's hands: ready for a decision. */
export const DECIDABLE: SubmissionStatus[] = ["endorsed", "under_review"];
export const MAX_DECISION_NUMBER = 50;

export interface Recognition {
  scope: Scope;
  /** The decision's number, e.g. "1234/QĐ-SGDĐT". */
  number: string;
  /** The decision's date, YYYY-MM-DD. */
  date: string;
}

/** The administrator's decision: recognised with a scope and a decision number and date, or refused with reasons. */
export class DecisionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: { passMark: number } = { passMark: 5 },
  ) {}

  async queue(actorId: number) {
    await requireRole(this.db, actorId, "admin");
    return listQueue(this.db, DECIDABLE, undefined);
  }

  /** Administrators only: a submission with its authors, files and the council's reviews, to read before deciding. */
  async open(actorId: number, id: number) {
    await requireRole(this.db, actorId, "admin");
    const submission = await submissions.findSubmission(this.db, id);
    // A draft is its author's alone until it is sent.
    if (!submission || submission.status === "draft") throw new SubmissionNotFoundError(id);
    const [file, reviews] = await Promise.all([
      loadReviewFile(this.db, submission),
      listScoredReviews(this.db, id),
    ]);
    return { ...file, reviews, proposal: proposalOf(reviews, this.options.passMark) };
  }

  /** Refuses at once what the decision would refuse (not an administrator, one's own), before a note is typed. */
  async checkMayAct(actorId: number, id: number): Promise<void> {
    await requireRole(this.db, actorId, "admin");
    const submission = await submissions.findSubmission(this.db, id);
    if (!submission || submission.status === "draft") throw new SubmissionNotFoundError(id);
    if (await isAuthorOrSubmitter(this.db, submission, actorId)) throw new OwnSubmissionError(id);
  }

  async recognise(actorId: number, id: number, r: Recognition, now: Date) {
    await requireRole(this.db, actorId, "admin");
    const number = r.number.trim().normalize("NFC");
    if (number === "" || number.length > MAX_DECISION_NUMBER)
      throw new InvalidDecisionError("number-required");
    if (!isCalendarDate(r.date)) throw new InvalidDecisionError("date-invalid");
    return this.decide(actorId, id, "recognised", now, {
      scope_recognised: r.scope,
      decision_number: number,
      decision_date: r.date,
      decision_reasons: null,
    });
  }

  /** The law requires written reasons for a refusal: they are required here and sent to the submitter. */
  async refuse(actorId: number, id: number, rawReasons: string, now: Date) {
    await requireRole(this.db, actorId, "admin");
    const reasons = requiredNote(rawReasons);
    return this.decide(actorId, id, "refused", now, { decision_reasons: reasons });
  }

  private async decide(
    actorId: number,
    id: number,
    to: "recognised" | "refused",
    now: Date,
    fields: {
      scope_recognised?: Scope;
      decision_number?: string;
      decision_date?: string;
      decision_reasons: string | null;
    },
  ) {
    const { submission: s, submitter } = await moveSubmission(this.db, {
      id,
      actorId,
      allowed: DECIDABLE,
      to,
      notOwn: true,
      note: fields.decision_reasons,
      fields: async (trx, s) => ({
        ...fields,
        decided_at: now,
        decided_by: actorId,
        // A recognition cites its decision (created on first citation); a single refusal belongs to none.
        decision_id:
          fields.decision_number && fields.decision_date
            ? await findOrCreateDecision(trx, {
                number: fields.decision_number,
                date: fields.decision_date,
                createdBy: actorId,
                schoolYear: s.school_year,
                campaignId: s.campaign_id,
              })
            : null,
      }),
    });
    return { code: s.code ?? "", title: s.title ?? "", ...fields, submitter };
  }
}

/** What the council's reviews propose, as a batch decision would propose it. */
function proposalOf(
  reviews: readonly { total: number | null; recommendation: string | null }[],
  passMark: number,
) {
  const totals = reviews.map((r) => r.total).filter((x): x is number => x !== null);
  const average =
    totals.length > 0 ? Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 100) / 100 : null;
  const count = (r: string) => reviews.filter((x) => x.recommendation === r).length;
  const outcome = proposeOutcome(
    {
      average,
      reviews: reviews.length,
      unit: count("recognise_unit"),
      province: count("recognise_province"),
      nation: count("recognise_nation"),
      refuse: count("refuse"),
    },
    passMark,
  );
  return { average, outcome, passMark };
}

/** A real YYYY-MM-DD (JavaScript rolls 30 February over into March; PostgreSQL refuses it). */
export function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
