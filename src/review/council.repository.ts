import { type Kysely, sql } from "kysely";
import type { CampaignRubrics, Database, Recommendation, SubmissionKind } from "../db/types.js";
import { insertEvent } from "../submissions/submissions.repository.js";

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

/** Locked, so a withdrawal racing the assignment either comes first (and the row no longer matches) or waits. */
export function listEndorsedOfCampaign(db: Db, campaignId: number) {
  return db
    .selectFrom("submissions")
    .select(["id", "unit_id", "status", "submitter_id", "submitted_at"])
    .where("campaign_id", "=", campaignId)
    .where("status", "=", "endorsed")
    .orderBy("id")
    .forUpdate()
    .execute();
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
/**
 * The council member with the fewest open assignments who may review this submission: a current reviewer (the
 * role not revoked), not its submitter or one of its authors, never in its unit since it was submitted (a unit
 * changed in /profile is audited, so moving out does not make one eligible), and not given it before.
 */
export async function leastLoadedReviewer(
  db: Db,
  campaignId: number,
  s: { id: number; unit_id: number | null; submitter_id: number; submitted_at: Date | null },
): Promise<number | undefined> {
  const submissionId = s.id;
  const unitId = s.unit_id;
  const row = await db
    .selectFrom("campaign_reviewers as cr")
    .innerJoin("users as u", "u.id", "cr.user_id")
    .innerJoin("user_roles as role", (j) =>
      j.onRef("role.user_id", "=", "cr.user_id").on("role.role", "=", "reviewer"),
    )
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
    .where("cr.user_id", "<>", s.submitter_id)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("submission_authors as author")
            .select(sql.lit(1).as("one"))
            .whereRef("author.user_id", "=", "cr.user_id")
            .where("author.submission_id", "=", submissionId),
        ),
      ),
    )
    .where(({ eb, not, exists, selectFrom }) =>
      unitId === null
        ? eb.val(true)
        : not(
            exists(
              selectFrom("audit_log as moved")
                .select(sql.lit(1).as("one"))
                .where("moved.action", "=", "user.unit_changed")
                .where(sql`(moved.subject->>'userId')::bigint`, "=", sql.ref("cr.user_id"))
                .where(sql`(moved.subject->>'from')::bigint`, "=", unitId)
                .where("moved.created_at", ">=", s.submitted_at ?? new Date(0)),
            ),
          ),
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

export async function listCampaignReviewers(db: Db, campaignId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("campaign_reviewers")
    .select("user_id")
    .where("campaign_id", "=", campaignId)
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Takes back the open (unscored) assignments of a reviewer who left the council or lost the role, in one campaign
 * or all; a submission left with no reviewer at all waits for the next assignment again. Returns how many.
 */
export async function releaseOpenAssignments(
  db: Db,
  reviewerId: number,
  actorId: number,
  campaignId?: number,
): Promise<number> {
  const released = await db
    .deleteFrom("review_assignments")
    .where("reviewer_id", "=", reviewerId)
    .where("status", "=", "assigned")
    .$if(campaignId !== undefined, (q) =>
      q.where("submission_id", "in", (eb) =>
        eb
          .selectFrom("submissions")
          .select("id")
          .where("campaign_id", "=", campaignId as number),
      ),
    )
    .returning("submission_id")
    .execute();
  for (const { submission_id: id } of released) {
    const back = await db
      .updateTable("submissions")
      .set({ status: "endorsed" })
      .where("id", "=", id)
      .where("status", "=", "under_review")
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom("review_assignments").select("id").where("submission_id", "=", id))),
      )
      .executeTakeFirst();
    if (Number(back.numUpdatedRows) > 0)
      await insertEvent(db, { submissionId: id, actorId, from: "under_review", to: "endorsed" });
  }
  return released.length;
}
