import { beforeEach, describe, expect, it } from "vitest";
import { campaignTick } from "../../src/campaigns/campaign-tick.js";
import { CampaignsService } from "../../src/campaigns/campaigns.service.js";
import {
  CouncilService,
  NotAReviewerError,
  RubricInUseError,
  RubricKindError,
} from "../../src/review/council.service.js";
import { DEFAULT_RUBRICS, parseRubric } from "../../src/review/rubric.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { RolesService } from "../../src/users/roles.service.js";
import { UsersService } from "../../src/users/users.service.js";
import { admin, campaignInput, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date();
const FULL = { novelty: 8, effectiveness: 7, applicability: 9, scientific: 6 };

describe.each(DIALECTS)("the council (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  it("spreads submissions evenly, never to the submitter's unit, reassigns on conflict, scores on the rubric", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const r1 = await teacher(t.db, 611, units.u1);
    const r2 = await teacher(t.db, 612, units.u2);
    const r3 = await teacher(t.db, 613, units.u3);
    const author1 = await teacher(t.db, 601, units.u1);
    const author2 = await teacher(t.db, 602, units.u2);
    const roles = new RolesService(t.db);
    for (const id of [611, 612, 613]) await roles.grant(adminId, id, "reviewer");
    const campaign = await new CampaignsService(t.db, "Asia/Ho_Chi_Minh").create(
      adminId,
      campaignInput(NOW),
      NOW,
    );
    const rows = [
      ...Array.from({ length: 4 }, (_, i) => ({ submitter_id: author1, unit_id: units.u1, code: `A${i}` })),
      ...Array.from({ length: 2 }, (_, i) => ({ submitter_id: author2, unit_id: units.u2, code: `B${i}` })),
    ].map((r) => ({
      ...r,
      kind: "initiative" as const,
      status: "endorsed" as const,
      campaign_id: campaign.id,
    }));
    await t.db.insertInto("submissions").values(rows).execute();

    const council = new CouncilService(t.db);
    await expect(council.setReviewers(adminId, campaign.id, [611, 601])).rejects.toBeInstanceOf(
      NotAReviewerError,
    );
    await expect(council.setReviewers(r1, campaign.id, [611])).rejects.toBeInstanceOf(ForbiddenError);
    expect(await council.setReviewers(adminId, campaign.id, [611, 612, 613])).toBe(3);
    await expect(council.assign(r1, campaign.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await council.assign(adminId, campaign.id)).toBe(6);
    expect(await council.assign(adminId, campaign.id)).toBe(0);

    const assignments = await t.db
      .selectFrom("review_assignments as a")
      .innerJoin("submissions as s", "s.id", "a.submission_id")
      .innerJoin("users as r", "r.id", "a.reviewer_id")
      .select(["a.id", "a.reviewer_id", "s.unit_id", "r.unit_id as reviewer_unit", "s.status"])
      .orderBy("a.id")
      .execute();
    expect(assignments.every((a) => a.unit_id !== a.reviewer_unit)).toBe(true);
    expect(assignments.every((a) => a.status === "under_review")).toBe(true);
    const load = (id: number) => assignments.filter((a) => a.reviewer_id === id).length;
    expect([load(r1), load(r2), load(r3)]).toEqual([2, 2, 2]);

    // r2 knows the author of its first one: it goes to r3 (r1 is of the author's unit).
    const first = assignments.find((a) => a.reviewer_id === r2) as (typeof assignments)[number];
    await expect(council.declareConflict(r3, first.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await council.declareConflict(r2, first.id)).toEqual({ reassignedTo: r3 });
    expect((await council.queue(r2)).length).toBe(1);
    const r3Queue = await council.queue(r3);
    expect(r3Queue).toHaveLength(3);

    const mine = r3Queue[0]?.id as number;
    const score = { scores: FULL, comment: " Có tính mới ", recommendation: "recognise_province" as const };
    await expect(council.score(r1, mine, score, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      council.score(r3, mine, { ...score, scores: { ...FULL, scientific: 11 } }, NOW),
    ).rejects.toMatchObject({ problem: "score-invalid" });
    const { novelty: _n, ...missing } = FULL;
    await expect(council.score(r3, mine, { ...score, scores: missing }, NOW)).rejects.toMatchObject({
      problem: "score-invalid",
    });
    expect(await council.score(r3, mine, score, NOW)).toBe(7.5);
    await expect(council.score(r3, mine, score, NOW)).rejects.toMatchObject({ status: "under_review" });
    const submissionId = r3Queue[0]?.submission_id as number;
    expect((await council.averageScores([submissionId])).get(submissionId)).toBe(7.5);
    await expect(council.queue(author1)).rejects.toBeInstanceOf(ForbiddenError);

    // Before the review deadline, members with work left are reminded once per reminder.
    const deadline = new Date(NOW.getTime() + 10 * 86_400_000);
    await expect(council.setReviewDeadline(r1, campaign.id, deadline, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      council.setReviewDeadline(adminId, campaign.id, new Date(NOW.getTime() - 1), NOW),
    ).rejects.toMatchObject({ problem: "date-invalid" });
    await council.setReviewDeadline(adminId, campaign.id, deadline, NOW);
    const threeDays = new Date(deadline.getTime() - 3 * 86_400_000 + 60_000);
    const tick = await campaignTick(t.db, "Asia/Ho_Chi_Minh", threeDays);
    const reminder = tick.enqueued.find((e) => e.kind === "review-reminder");
    expect(reminder?.recipients).toBe(3);
    expect(
      (await campaignTick(t.db, "Asia/Ho_Chi_Minh", threeDays)).enqueued.filter(
        (e) => e.kind === "review-reminder",
      ),
    ).toEqual([]);
  });

  it("never gives a reviewer their own, a co-authored one or their former unit's; a revoked reviewer's work goes back", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const mover = await teacher(t.db, 621, units.u1); // moves out of U1 after the submissions are sent
    const author = await teacher(t.db, 622, units.u2); // a reviewer who sent one of their own
    const coAuthor = await teacher(t.db, 623, units.u3); // a reviewer who co-authored one
    const roles = new RolesService(t.db);
    for (const id of [621, 622, 623]) await roles.grant(adminId, id, "reviewer");
    const campaign = await new CampaignsService(t.db, "Asia/Ho_Chi_Minh").create(
      adminId,
      campaignInput(NOW),
      NOW,
    );
    const sentAt = new Date(NOW.getTime() - 60_000);
    const [ofU1, own, coAuthored] = await t.db
      .insertInto("submissions")
      .values(
        [
          { submitter_id: author, unit_id: units.u1, code: "U1" },
          { submitter_id: author, unit_id: units.u2, code: "OWN" },
          { submitter_id: mover, unit_id: units.u1, code: "CO" },
        ].map((r) => ({
          ...r,
          kind: "initiative" as const,
          status: "endorsed" as const,
          campaign_id: campaign.id,
          submitted_at: sentAt,
        })),
      )
      .returning("id")
      .execute();
    await t.db
      .insertInto("submission_authors")
      .values({
        submission_id: coAuthored?.id as number,
        position: 2,
        user_id: coAuthor,
        full_name: "Đồng tác giả",
        share: 30,
      })
      .execute();
    await new UsersService(t.db).setUnit(mover, units.u3);
    const council = new CouncilService(t.db);
    await council.setReviewers(adminId, campaign.id, [621, 622, 623]);
    expect(await council.assign(adminId, campaign.id)).toBe(3);
    const given = await t.db
      .selectFrom("review_assignments")
      .select(["submission_id", "reviewer_id"])
      .execute()
      .then((rows) => new Map(rows.map((r) => [r.submission_id, r.reviewer_id])));
    // U1's: not the mover (in U1 when it was sent) and not its submitter: the co-author reviews it.
    expect(given.get(ofU1?.id as number)).toBe(coAuthor);
    expect(given.get(own?.id as number)).not.toBe(author);
    expect([mover, author]).toContain(given.get(coAuthored?.id as number));
    expect(given.get(coAuthored?.id as number)).not.toBe(mover);

    // The co-author loses the role: their unscored work goes back to waiting, and they get no more.
    await roles.revoke(adminId, 623, "reviewer");
    const back = await t.db
      .selectFrom("submissions")
      .select("status")
      .where("id", "=", ofU1?.id as number)
      .executeTakeFirstOrThrow();
    expect(back.status).toBe("endorsed");
    expect(await council.assign(adminId, campaign.id)).toBe(0);
    const audit = await t.db.selectFrom("audit_log").select("action").execute();
    for (const action of ["council.named", "council.assigned", "user.unit_changed"])
      expect(audit.map((a) => a.action)).toContain(action);
  });

  it("scores on the campaign's own criteria, which change only until someone has scored on them", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const reviewer = await teacher(t.db, 611, units.u2);
    const author = await teacher(t.db, 601, units.u1);
    await new RolesService(t.db).grant(adminId, 611, "reviewer");
    const campaign = await new CampaignsService(t.db, "Asia/Ho_Chi_Minh").create(
      adminId,
      campaignInput(NOW),
      NOW,
    );
    await t.db
      .insertInto("submissions")
      .values(
        ["A", "B"].map((code) => ({
          submitter_id: author,
          unit_id: units.u1,
          code,
          kind: "initiative" as const,
          status: "endorsed" as const,
          campaign_id: campaign.id,
        })),
      )
      .execute();
    const council = new CouncilService(t.db);
    const own = parseRubric("Tính mới 30\nHiệu quả 10");

    await expect(council.setRubric(reviewer, campaign.id, "initiative", own, NOW)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(council.rubrics(reviewer, campaign.id)).rejects.toBeInstanceOf(ForbiddenError);
    // The campaign takes initiatives only.
    await expect(council.setRubric(adminId, campaign.id, "nomination", own, NOW)).rejects.toBeInstanceOf(
      RubricKindError,
    );
    expect(await council.rubrics(adminId, campaign.id)).toEqual([
      { kind: "initiative", criteria: DEFAULT_RUBRICS.initiative, own: false },
    ]);
    await council.setRubric(adminId, campaign.id, "initiative", own, NOW);
    expect(await council.rubrics(adminId, campaign.id)).toEqual([
      { kind: "initiative", criteria: own, own: true },
    ]);
    const audit = await t.db.selectFrom("audit_log").select(["action", "actor_id"]).execute();
    expect(audit).toContainEqual({ action: "campaign.rubric", actor_id: adminId });

    await council.setReviewers(adminId, campaign.id, [611]);
    await council.assign(adminId, campaign.id);
    const [first, second] = await council.queue(reviewer);
    const opened = await council.open(reviewer, first?.id as number);
    expect(opened.rubric).toEqual(own);
    const score = { comment: "", recommendation: "recognise_unit" as const };
    // Scores on the default criteria no longer fit.
    await expect(
      council.score(reviewer, first?.id as number, { ...score, scores: FULL }, NOW),
    ).rejects.toMatchObject({ problem: "score-invalid" });
    expect(
      await council.score(reviewer, first?.id as number, { ...score, scores: { c1: 8, c2: 4 } }, NOW),
    ).toBe(7);

    // Now that a submission has scores on them, the criteria stay.
    await expect(council.setRubric(adminId, campaign.id, "initiative", null, NOW)).rejects.toBeInstanceOf(
      RubricInUseError,
    );
    expect(
      await council.score(reviewer, second?.id as number, { ...score, scores: { c1: 10, c2: 10 } }, NOW),
    ).toBe(10);
    expect((await council.rubrics(adminId, campaign.id))[0]?.criteria).toEqual(own);
  });
});
