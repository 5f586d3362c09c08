import { type Kysely, sql } from "kysely";
import type { CampaignRubrics, Database, Recommendation, SubmissionKind } from "../db/types.js";

type Db = Kysely<Database>;

/** Of these Telegram ids, the people who hold the reviewer role. */
export function findReviewersByTelegramId(db: Db, telegramIds: number[]) {
  return db
    .selectFrom("users as u")
    .innerJoin("user_roles as r", (j) => j.onRef("r.user_id", "=", "u.id").on("r.role", "=", "reviewer"))
    .select(["u.id", "u.telegram_id"])
    .where("u.telegram_id", "in", telegramIds.length > 0 ? telegramIds : [-1])
    .execute();
}

export async function replaceCampaignReviewers(db: Db, campaignId: number, userIds: number[]): Promise<void> {
  await db.deleteFrom("campaign_reviewers").where("campaign_id", "=", campaignId).execute();
  if (userIds.length > 0)
    await db
      .insertInto("campaign_reviewers")
      .values(userIds.map((userId) => ({ campaign_id: campaignId, user_id: userId })))
      .execute();
}

export async function setReviewDeadline(
  db: Db,
  campaignId: number,
  deadline: Date,
  now: Date,
): Promise<void> {
  await db
    .updateTable("campaigns")
    .set({ review_deadline_at: deadline, updated_at: now })
    .where("id", "=", campaignId)
    .execute();
}

/** Serializes assignment runs of one campaign until the transaction ends. */
export async function lockCampaignAssignment(trx: Db, campaignId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`council:${campaignId}`}, 0))`.execute(trx);
}

export function listEndorsedOfCampaign(db: Db, campaignId: number) {
  return (
    db
      .selectFrom("submissions")
      .select(["id", "unit_id", "status"])
      .where("campaign_id", "=", campaignId)
      .where("status", "=", "endorsed")
      .orderBy("id")
      // Locked, so a withdrawal racing the assignment either comes first (and the row no longer matches) or waits.
      .forUpdate()
      .execute()
  );
}

export async function insertAssignment(db: Db, submissionId: number, reviewerId: number): Promise<void> {
  await db
    .insertInto("review_assignments")
    .values({ submission_id: submissionId, reviewer_id: reviewerId })
    .execute();
}

/** A reviewer's assignments not yet scored. */
export function listOpenAssignments(db: Db, reviewerId: number) {
  return db
    .selectFrom("review_assignments as a")
    .innerJoin("submissions as s", "s.id", "a.submission_id")
    .select(["a.id", "s.code", "s.title", "s.kind", "s.id as submission_id"])
    .where("a.reviewer_id", "=", reviewerId)
    .where("a.status", "=", "assigned")
    .orderBy("a.id")
    .execute();
}

export function findAssignment(db: Db, id: number) {
  return db.selectFrom("review_assignments").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * The campaign's own rubrics. In a transaction, "share" holds them still while a score is recorded and "update"
 * waits for scores in flight, so a rubric never changes under a reviewer's feet.
 */
export async function findCampaignRubric(db: Db, campaignId: number, lock?: "share" | "update") {
  const row = await db
    .selectFrom("campaigns")
    .select("rubric")
    .where("id", "=", campaignId)
    .$if(lock === "share", (qb) => qb.forShare())
    .$if(lock === "update", (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row?.rubric ?? null;
}

export async function setCampaignRubric(db: Db, campaignId: number, rubric: CampaignRubrics, now: Date) {
  await db
    .updateTable("campaigns")
    .set({ rubric: JSON.stringify(rubric), updated_at: now })
    .where("id", "=", campaignId)
    .execute();
}

/** Whether any reviewer has scored a submission of this kind in the campaign. */
export async function hasScoresOfKind(db: Db, campaignId: number, kind: SubmissionKind): Promise<boolean> {
  const row = await db
    .selectFrom("review_assignments as a")
    .innerJoin("submissions as s", "s.id", "a.submission_id")
    .select("a.id")
    .where("s.campaign_id", "=", campaignId)
    .where("s.kind", "=", kind)
    .where("a.status", "=", "scored")
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordScore(
  db: Db,
  id: number,
  score: {
    scores: Record<string, number>;
    total: number;
    comment: string | null;
    recommendation: Recommendation;
    at: Date;
  },
): Promise<void> {
  await db
    .updateTable("review_assignments")
    .set({
      status: "scored",
      scores: JSON.stringify(score.scores),
      total: score.total,
      comment: score.comment,
      recommendation: score.recommendation,
      scored_at: score.at,
    })
    .where("id", "=", id)
    .where("status", "=", "assigned")
    .execute();
}

export async function markConflict(db: Db, id: number): Promise<void> {
  await db.updateTable("review_assignments").set({ status: "conflict" }).where("id", "=", id).execute();
}

/** Averages of the scored reviews, per submission. */
export async function averageScores(db: Db, submissionIds: number[]): Promise<Map<number, number>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("review_assignments")
    .select(["submission_id", sql<number>`round(avg(total), 2)::float8`.as("avg")])
    .where("submission_id", "in", submissionIds)
    .where("status", "=", "scored")
    .groupBy("submission_id")
    .execute();
  return new Map(rows.map((r) => [r.submission_id, r.avg]));
}

/** The scored reviews of a submission, with who gave them, for the decision card. */
export function listScoredReviews(db: Db, submissionId: number) {
  return db
    .selectFrom("review_assignments as a")
    .innerJoin("users as u", "u.id", "a.reviewer_id")
    .select(["u.full_name", "a.total", "a.recommendation", "a.comment"])
    .where("a.submission_id", "=", submissionId)
    .where("a.status", "=", "scored")
    .orderBy("a.scored_at")
    .execute();
}

/**
 * The campaign's reviewer with the fewest open assignments who is not of the submitter's unit and has not had
 * this submission already (scored it, or declared a conflict).
 */
export async function leastLoadedReviewer(
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
