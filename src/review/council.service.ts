import type { Kysely } from "kysely";
import { CampaignNotFoundError } from "../campaigns/campaign-input.js";
import { findCampaign } from "../campaigns/campaigns.repository.js";
import type {
  Campaign,
  CampaignRubrics,
  Database,
  Recommendation,
  RubricCriterion,
  SubmissionKind,
} from "../db/types.js";
import { enqueueScreening } from "../screening/screening.repository.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import * as submissions from "../submissions/submissions.repository.js";
import { ForbiddenError, requireRole } from "../users/permissions.js";
import { insertAuditEntry, rolesOfUser } from "../users/users.repository.js";
import * as repo from "./council.repository.js";
import { InvalidDecisionError, MAX_NOTE_LENGTH, WrongStageError } from "./review-errors.js";
import { rubricFor, weightedTotal } from "./rubric.js";

type Db = Kysely<Database>;

export class NotAReviewerError extends Error {
  constructor(readonly telegramId: number) {
    super(`User ${telegramId} does not hold the reviewer role`);
    this.name = "NotAReviewerError";
  }
}

/** A kind's rubric is in use once someone scored on it. */
export class RubricInUseError extends Error {
  constructor(readonly kind: SubmissionKind) {
    super(`Submissions of kind ${kind} have been scored on the current rubric`);
    this.name = "RubricInUseError";
  }
}

export class RubricKindError extends Error {
  constructor(readonly kind: SubmissionKind) {
    super(`The campaign does not take submissions of kind ${kind}`);
    this.name = "RubricKindError";
  }
}

export type Rubrics = { kind: SubmissionKind; criteria: RubricCriterion[]; own: boolean }[];

export interface Score {
  scores: Record<string, number>;
  comment: string;
  recommendation: Recommendation;
}

/**
 * The council's review: administrators name a campaign's reviewers and spread its endorsed submissions among them
 * evenly, never to a reviewer of the submitter's unit; a reviewer scores on the campaign's rubric, or declares a
 * conflict of interest and the submission goes to someone else.
 */
export class CouncilService {
  constructor(private readonly db: Db) {}

  /** Administrators only; every person named must hold the reviewer role. */
  async setReviewers(actorId: number, campaignId: number, telegramIds: number[]): Promise<number> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const people = await repo.findReviewersByTelegramId(trx, telegramIds);
      const missing = telegramIds.find((id) => !people.some((p) => p.telegram_id === id));
      if (missing !== undefined) throw new NotAReviewerError(missing);
      const leaving = (await repo.listCampaignReviewers(trx, campaignId)).filter(
        (id) => !people.some((p) => p.id === id),
      );
      await repo.replaceCampaignReviewers(
        trx,
        campaignId,
        people.map((p) => p.id),
      );
      for (const reviewerId of leaving)
        await repo.releaseOpenAssignments(trx, reviewerId, actorId, campaignId);
      await insertAuditEntry(trx, {
        actorId,
        action: "council.named",
        subject: { campaignId, reviewers: people.map((p) => p.telegram_id) },
      });
      return people.length;
    });
  }

  /** Administrators only: the date by which the council is to have scored; reminders go out before it. */
  async setReviewDeadline(actorId: number, campaignId: number, deadline: Date, now: Date): Promise<void> {
    await requireRole(this.db, actorId, "admin");
    if (deadline.getTime() <= now.getTime()) throw new InvalidDecisionError("date-invalid");
    await this.db.transaction().execute(async (trx) => {
      await repo.setReviewDeadline(trx, campaignId, deadline, now);
      await insertAuditEntry(trx, {
        actorId,
        action: "council.deadline_set",
        subject: { campaignId, deadline: deadline.toISOString() },
      });
    });
  }

  /**
   * Gives every endorsed submission of the campaign without a reviewer to the eligible reviewer with the least
   * work, and marks it under review. Returns how many were assigned.
   */
  async assign(actorId: number, campaignId: number): Promise<number> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      await repo.lockCampaignAssignment(trx, campaignId);
      const waiting = await repo.listEndorsedOfCampaign(trx, campaignId);
      let assigned = 0;
      for (const s of waiting) {
        const reviewer = await repo.leastLoadedReviewer(trx, campaignId, s);
        if (reviewer === undefined) continue;
        await repo.insertAssignment(trx, s.id, reviewer);
        await submissions.updateSubmission(trx, s.id, { status: "under_review" });
        await submissions.insertEvent(trx, {
          submissionId: s.id,
          actorId,
          from: s.status,
          to: "under_review",
        });
        // Screened again now the campaign's other submissions are in, which the report at sending could not see.
        await enqueueScreening(trx, s.id, new Date());
        assigned++;
      }
      await insertAuditEntry(trx, { actorId, action: "council.assigned", subject: { campaignId, assigned } });
      return assigned;
    });
  }

  /** The reviewer's assignments not yet scored. */
  async queue(reviewerId: number) {
    await requireRole(this.db, reviewerId, "reviewer");
    return repo.listOpenAssignments(this.db, reviewerId);
  }

  /** One of the reviewer's own assignments, with the rubric to score it on. */
  async open(reviewerId: number, assignmentId: number) {
    const { assignment, submission: s } = await this.ownSubmission(reviewerId, assignmentId);
    const configured = s.campaign_id ? await repo.findCampaignRubric(this.db, s.campaign_id) : null;
    return { assignment, submission: s, rubric: rubricFor(s.kind, configured) };
  }

  async score(reviewerId: number, assignmentId: number, score: Score, now: Date) {
    // The rubric is read inside the transaction below, under a lock.
    const { assignment, submission } = await this.ownSubmission(reviewerId, assignmentId);
    if (assignment.status !== "assigned") throw new WrongStageError("under_review");
    const comment = score.comment.trim().normalize("NFC");
    if (comment.length > MAX_NOTE_LENGTH) throw new InvalidDecisionError("note-too-long");
    return this.db.transaction().execute(async (trx) => {
      const configured = submission.campaign_id
        ? await repo.findCampaignRubric(trx, submission.campaign_id, "share")
        : null;
      const total = weightedTotal(rubricFor(submission.kind, configured), score.scores);
      if (total === undefined) throw new InvalidDecisionError("score-invalid");
      await repo.recordScore(trx, assignmentId, {
        scores: score.scores,
        total,
        comment: comment || null,
        recommendation: score.recommendation,
        at: now,
      });
      return total;
    });
  }

  /** The rubric each kind the campaign takes is scored on (its own, or the default). Administrators only. */
  async rubrics(actorId: number, campaignId: number): Promise<Rubrics> {
    await requireRole(this.db, actorId, "admin");
    const campaign = await this.campaign(campaignId);
    return this.kindsOf(campaign).map((kind) => ({
      kind,
      criteria: rubricFor(kind, campaign.rubric),
      own: (campaign.rubric?.[kind]?.length ?? 0) > 0,
    }));
  }

  /**
   * Sets the campaign's criteria for one kind, or null for the default (administrators only; audited). Refused
   * once a reviewer has scored a submission of that kind, whose scores were given on the old criteria.
   */
  async setRubric(
    actorId: number,
    campaignId: number,
    kind: SubmissionKind,
    criteria: RubricCriterion[] | null,
    now: Date,
  ): Promise<void> {
    await requireRole(this.db, actorId, "admin");
    const campaign = await this.campaign(campaignId);
    if (!this.kindsOf(campaign).includes(kind)) throw new RubricKindError(kind);
    await this.db.transaction().execute(async (trx) => {
      const current = (await repo.findCampaignRubric(trx, campaignId, "update")) ?? {};
      if (await repo.hasScoresOfKind(trx, campaignId, kind)) throw new RubricInUseError(kind);
      const next: CampaignRubrics = { ...current };
      if (criteria) next[kind] = criteria;
      else delete next[kind];
      await repo.setCampaignRubric(trx, campaignId, next, now);
      await insertAuditEntry(trx, {
        actorId,
        action: "campaign.rubric",
        subject: { campaignId, kind, criteria: criteria ?? "default" },
      });
    });
  }

  private async campaign(campaignId: number) {
    const campaign = await findCampaign(this.db, campaignId);
    if (!campaign) throw new CampaignNotFoundError(campaignId);
    return campaign;
  }

  private kindsOf(campaign: Campaign): SubmissionKind[] {
    return [
      ...(campaign.accepts_initiatives ? (["initiative"] as const) : []),
      ...(campaign.accepts_nominations ? (["nomination"] as const) : []),
    ];
  }

  /** The reviewer cannot judge this one impartially: it goes to the next eligible reviewer (if any). */
  async declareConflict(
    reviewerId: number,
    assignmentId: number,
  ): Promise<{ reassignedTo: number | undefined }> {
    const a = await this.ownAssignment(reviewerId, assignmentId);
    if (a.status !== "assigned") throw new WrongStageError("under_review");
    return this.db.transaction().execute(async (trx) => {
      await repo.markConflict(trx, assignmentId);
      const s = await submissions.findSubmission(trx, a.submission_id);
      if (!s?.campaign_id) return { reassignedTo: undefined };
      const next = await repo.leastLoadedReviewer(trx, s.campaign_id, s);
      if (next !== undefined) await repo.insertAssignment(trx, s.id, next);
      return { reassignedTo: next };
    });
  }

  /** Averages of the scored reviews, per submission. */
  averageScores(submissionIds: number[]): Promise<Map<number, number>> {
    return repo.averageScores(this.db, submissionIds);
  }

  private async ownSubmission(reviewerId: number, assignmentId: number) {
    const assignment = await this.ownAssignment(reviewerId, assignmentId);
    const submission = await submissions.findSubmission(this.db, assignment.submission_id);
    if (!submission) throw new SubmissionNotFoundError(assignment.submission_id);
    return { assignment, submission };
  }

  private async ownAssignment(reviewerId: number, assignmentId: number) {
    const roles = await rolesOfUser(this.db, reviewerId);
    if (!roles.includes("reviewer")) throw new ForbiddenError("reviewer");
    const a = await repo.findAssignment(this.db, assignmentId);
    // Someone else's assignment named in a forged button is refused like a missing role.
    if (!a || a.reviewer_id !== reviewerId) throw new ForbiddenError("reviewer");
    return a;
  }
}
