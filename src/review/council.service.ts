import { type Kysely, sql } from "kysely";
import type { Database, Recommendation } from "../db/types.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import * as submissions from "../submissions/submissions.repository.js";
import { ForbiddenError, requireRole } from "../users/permissions.js";
import { rolesOfUser } from "../users/users.repository.js";
import { InvalidDecisionError, MAX_NOTE_LENGTH, WrongStageError } from "./review-errors.js";
import { rubricFor, weightedTotal } from "./rubric.js";

type Db = Kysely<Database>;

export class NotAReviewerError extends Error {
  constructor(readonly telegramId: number) {
    super(`User ${telegramId} does not hold the reviewer role`);
    this.name = "NotAReviewerError";
  }
}

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
      const people = await trx
        .selectFrom("users as u")
        .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "reviewer"))
        .select(["u.id", "u.telegram_id"])
        .where("u.telegram_id", "in", telegramIds.length > 0 ? telegramIds : [-1])
        .execute();
      const missing = telegramIds.find((id) => !people.some((p) => p.telegram_id === id));
      if (missing !== undefined) throw new NotAReviewerError(missing);
      await trx.deleteFrom("campaign_reviewers").where("campaign_id", "=", campaignId).execute();
      if (people.length > 0)
        await trx
          .insertInto("campaign_reviewers")
          .values(people.map((p) => ({ campaign_id: campaignId, user_id: p.id })))
          .execute();
      return people.length;
    });
  }

  /** Administrators only: the date by which the council is to have scored; reminders go out before it. */
  async setReviewDeadline(actorId: number, campaignId: number, deadline: Date, now: Date): Promise<void> {
    await requireRole(this.db, actorId, "admin");
    if (deadline.getTime() <= now.getTime()) throw new InvalidDecisionError("date-invalid");
    await this.db
      .updateTable("campaigns")
      .set({ review_deadline_at: deadline, updated_at: now })
      .where("id", "=", campaignId)
      .execute();
  }

  /**
   * Gives every endorsed submission of the campaign without a reviewer to the eligible reviewer with the least
   * work, and marks it under review. Returns how many were assigned.
   */
  async assign(actorId: number, campaignId: number): Promise<number> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`council:${campaignId}`}, 0))`.execute(trx);
      const waiting = await trx
        .selectFrom("submissions")
        .select(["id", "unit_id", "status"])
        .where("campaign_id", "=", campaignId)
        .where("status", "=", "endorsed")
        .orderBy("id")
        .execute();
      let assigned = 0;
      for (const s of waiting) {
        const reviewer = await leastLoadedReviewer(trx, campaignId, s.id, s.unit_id);
        if (reviewer === undefined) continue;
        await trx
          .insertInto("review_assignments")
          .values({ submission_id: s.id, reviewer_id: reviewer })
          .execute();
        await submissions.updateSubmission(trx, s.id, { status: "under_review" });
        await submissions.insertEvent(trx, {
          submissionId: s.id,
          actorId,
          from: s.status,
          to: "under_review",
        });
        assigned++;
      }
      return assigned;
    });
  }

  /** The reviewer's assignments not yet scored. */
  async queue(reviewerId: number) {
    await requireRole(this.db, reviewerId, "reviewer");
    return this.db
      .selectFrom("review_assignments as a")
      .innerJoin("submissions as s", "s.id", "a.submission_id")
      .select(["a.id", "s.code", "s.title", "s.kind", "s.id as submission_id"])
      .where("a.reviewer_id", "=", reviewerId)
      .where("a.status", "=", "assigned")
      .orderBy("a.id")
      .execute();
  }

  /** One of the reviewer's own assignments, with the rubric to score it on. */
  async open(reviewerId: number, assignmentId: number) {
    const a = await this.ownAssignment(reviewerId, assignmentId);
    const s = await submissions.findSubmission(this.db, a.submission_id);
    if (!s) throw new SubmissionNotFoundError(a.submission_id);
    const campaign = s.campaign_id
      ? await this.db
          .selectFrom("campaigns")
          .select("rubric")
          .where("id", "=", s.campaign_id)
          .executeTakeFirst()
      : undefined;
    return { assignment: a, submission: s, rubric: rubricFor(s.kind, campaign?.rubric) };
  }

  async score(reviewerId: number, assignmentId: number, score: Score, now: Date) {
    const { assignment, rubric } = await this.open(reviewerId, assignmentId);
    if (assignment.status !== "assigned") throw new WrongStageError("under_review");
    const total = weightedTotal(rubric, score.scores);
    if (total === undefined) throw new InvalidDecisionError("score-invalid");
    const comment = score.comment.trim().normalize("NFC");
    if (comment.length > MAX_NOTE_LENGTH) throw new InvalidDecisionError("note-too-long");
    await this.db
      .updateTable("review_assignments")
      .set({
        status: "scored",
        scores: JSON.stringify(score.scores),
        total,
        comment: comment || null,
        recommendation: score.recommendation,
        scored_at: now,
      })
      .where("id", "=", assignmentId)
      .where("status", "=", "assigned")
      .execute();
    return total;
  }

  /** The reviewer cannot judge this one impartially: it goes to the next eligible reviewer (if any). */
  async declareConflict(
    reviewerId: number,
    assignmentId: number,
  ): Promise<{ reassignedTo: number | undefined }> {
    const a = await this.ownAssignment(reviewerId, assignmentId);
    if (a.status !== "assigned") throw new WrongStageError("under_review");
    return this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("review_assignments")
        .set({ status: "conflict" })
        .where("id", "=", assignmentId)
        .execute();
      const s = await submissions.findSubmission(trx, a.submission_id);
      if (!s?.campaign_id) return { reassignedTo: undefined };
      const next = await leastLoadedReviewer(trx, s.campaign_id, s.id, s.unit_id);
      if (next !== undefined)
        await trx
          .insertInto("review_assignments")
          .values({ submission_id: s.id, reviewer_id: next })
          .execute();
      return { reassignedTo: next };
    });
  }

  /** Averages of the scored reviews, per submission. */
  async averageScores(submissionIds: number[]): Promise<Map<number, number>> {
    if (submissionIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("review_assignments")
      .select(["submission_id", sql<number>`round(avg(total), 2)::float8`.as("avg")])
      .where("submission_id", "in", submissionIds)
      .where("status", "=", "scored")
      .groupBy("submission_id")
      .execute();
    return new Map(rows.map((r) => [r.submission_id, r.avg]));
  }

  private async ownAssignment(reviewerId: number, assignmentId: number) {
    const roles = await rolesOfUser(this.db, reviewerId);
    if (!roles.includes("reviewer")) throw new ForbiddenError("reviewer");
    const a = await this.db
      .selectFrom("review_assignments")
      .selectAll()
      .where("id", "=", assignmentId)
      .executeTakeFirst();
    // Someone else's assignment named in a forged button is refused like a missing role.
    if (!a || a.reviewer_id !== reviewerId) throw new ForbiddenError("reviewer");
    return a;
  }
}

/**
 * The campaign's reviewer with the fewest open assignments who is not of the submitter's unit and has not had
 * this submission already (scored it, or declared a conflict).
 */
async function leastLoadedReviewer(
  db: Db,
  campaignId: number,
  submissionId: number,
  unitId: number | null,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("campaign_reviewers as cr")
    .innerJoin("users as u", "u.id", "cr.user_id")
    .select("cr.user_id")
    .select((eb) =>
      eb
        .selectFrom("review_assignments as open")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("open.reviewer_id", "=", "cr.user_id")
        .where("open.status", "=", "assigned")
        .as("load"),
    )
    .where("cr.campaign_id", "=", campaignId)
    .where((eb) =>
      unitId === null ? eb.val(true) : eb.or([eb("u.unit_id", "is", null), eb("u.unit_id", "<>", unitId)]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("review_assignments as had")
            .select(sql.lit(1).as("one"))
            .whereRef("had.reviewer_id", "=", "cr.user_id")
            .where("had.submission_id", "=", submissionId),
        ),
      ),
    )
    .orderBy("load")
    .orderBy("cr.user_id")
    .limit(1)
    .executeTakeFirst();
  return row?.user_id;
}
