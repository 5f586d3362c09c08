import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import {
  BatchDecisionService,
  DecisionNumberTakenError,
  DraftClosedError,
  DraftNotFoundError,
  EmptyDecisionError,
  RefusalsWithoutReasonError,
  StaleSubmissionsError,
} from "../../src/review/batch-decision.service.js";
import { DecisionService } from "../../src/review/decision.service.js";
import { SubmissionsService } from "../../src/submissions/submissions.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { type Reviews, seedScoredCampaign } from "../helpers/batch-fixtures.js";
import { admin, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date();
const HEADER = { number: "336/QĐ-SGDĐT", date: "2026-06-15", signer: "Nguyễn Văn Giám Đốc" };

/** Ten submissions: 1-3 national, 4-6 provincial, 7-8 unit, 9 below the pass mark, 10 never scored. */
const TEN: Reviews[] = [
  ...Array.from(
    { length: 3 },
    (): Reviews => [
      [9, "recognise_nation"],
      [8.5, "recognise_nation"],
    ],
  ),
  ...Array.from(
    { length: 3 },
    (): Reviews => [
      [7, "recognise_nation"],
      [7, "recognise_province"],
    ],
  ),
  ...Array.from(
    { length: 2 },
    (): Reviews => [
      [6, "recognise_unit"],
      [5.5, "recognise_unit"],
    ],
  ),
  [
    [4, "recognise_unit"],
    [4.5, "refuse"],
  ],
  [],
];

const code = (n: number) => `SK-2026-${String(n).padStart(5, "0")}`;

describe.each(DIALECTS)("a batch decision (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));
  const service = () => new BatchDecisionService(t.db, { passMark: 5 });

  async function draftOfTen(before?: (submissions: number[]) => Promise<unknown>) {
    const seeded = await seedScoredCampaign(t.db, TEN);
    await before?.(seeded.submissions);
    const { draftId, counts } = await service().start(seeded.adminId, seeded.campaignId, HEADER);
    return { ...seeded, draftId, counts };
  }

  it("proposes each outcome from the council's scores and the pass mark", async () => {
    const { counts, adminId, campaignId } = await draftOfTen();
    expect(counts).toEqual({
      nation: 3,
      province: 3,
      unit: 2,
      refuse: 1,
      excluded: 0,
      unscored: 1,
      refusalsWithoutReason: 1,
    });
    // A lower pass mark recognises the ninth (its members split: the lower scope); the new draft replaces the old.
    const lower = await service().start(adminId, campaignId, HEADER, 4);
    expect(lower.counts).toMatchObject({ unit: 3, refuse: 0, unscored: 1 });
    const page = await service().page(adminId, lower.draftId, "unit", 0);
    expect(page.items.map((i) => i.code)).toEqual([code(7), code(8), code(9)]);
    expect(page.items[2]?.average).toBe(4.25);
  });

  it("takes overrides, exclusions and reasons; refuses to apply a refusal without reasons; applies once", async () => {
    const { adminId, draftId, submissions, submitters } = await draftOfTen();
    const s = service();
    const item = await s.item(adminId, draftId, { code: ` ${code(4).toLowerCase()} ` });
    expect(item).toMatchObject({ code: code(4), proposed: "province", chosen: null });
    // Overrides: 4 raised to national, 1 refused; 2 left out; 10 (never scored) given a unit recognition.
    await s.setOutcome(adminId, draftId, submissions[3] as number, "nation");
    await s.setOutcome(adminId, draftId, submissions[0] as number, "refuse");
    await s.setExcluded(adminId, draftId, submissions[1] as number, true);
    const counts = await s.setOutcome(adminId, draftId, submissions[9] as number, "unit");
    expect(counts).toMatchObject({ nation: 2, province: 2, unit: 3, refuse: 2, excluded: 1, unscored: 0 });

    await expect(s.apply(adminId, draftId, NOW)).rejects.toEqual(new RefusalsWithoutReasonError(2));
    await expect(s.reasonForRefusals(adminId, draftId, "   ")).rejects.toMatchObject({
      problem: "note-required",
    });
    await s.setReason(adminId, draftId, submissions[0] as number, "Trùng với sáng kiến đã công nhận");
    expect(await s.reasonForRefusals(adminId, draftId, "Điểm bình quân dưới mức đạt")).toBe(1);

    const applied = await s.apply(adminId, draftId, NOW);
    expect(applied).toMatchObject({ recognised: 7, refused: 2, told: 9, again: false });
    // A second tap (or a redelivered update) finds the draft applied and does nothing again.
    expect(await s.apply(adminId, draftId, NOW)).toMatchObject({
      decisionId: applied.decisionId,
      again: true,
    });
    await expect(s.setOutcome(adminId, draftId, submissions[2] as number, "unit")).rejects.toBeInstanceOf(
      DraftClosedError,
    );

    const rows = await t.db
      .selectFrom("submissions")
      .select([
        "id",
        "status",
        "scope_recognised",
        "decision_id",
        "decision_number",
        "decision_date",
        "decision_reasons",
      ])
      .orderBy("id")
      .execute();
    expect(rows.map((r) => [r.status, r.scope_recognised])).toEqual([
      ["refused", null],
      ["under_review", null],
      ["recognised", "nation"],
      ["recognised", "nation"],
      ["recognised", "province"],
      ["recognised", "province"],
      ["recognised", "unit"],
      ["recognised", "unit"],
      ["refused", null],
      ["recognised", "unit"],
    ]);
    const decided = rows.filter((r) => r.status !== "under_review");
    expect(decided.every((r) => r.decision_id === applied.decisionId)).toBe(true);
    expect(decided.every((r) => r.decision_number === HEADER.number && r.decision_date === HEADER.date)).toBe(
      true,
    );
    expect(rows[0]?.decision_reasons).toBe("Trùng với sáng kiến đã công nhận");
    expect(rows[8]?.decision_reasons).toBe("Điểm bình quân dưới mức đạt");
    expect(rows[2]?.decision_reasons).toBeNull();

    const decision = await t.db.selectFrom("decisions").selectAll().executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ number: HEADER.number, decided_on: HEADER.date, signer: HEADER.signer });
    const events = await t.db
      .selectFrom("submission_events")
      .select(["submission_id", "from_status", "to_status", "note", "actor_id"])
      .execute();
    expect(events).toHaveLength(9);
    expect(events.every((e) => e.from_status === "under_review" && e.actor_id === adminId)).toBe(true);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("subject")
      .where("action", "=", "decision.batch")
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.subject.decided).toHaveLength(9);

    // Every submitter told once, through the queue, listed in /broadcasts.
    const deliveries = await t.db
      .selectFrom("broadcast_deliveries as d")
      .innerJoin("broadcasts as b", "b.id", "d.broadcast_id")
      .select(["d.user_id", "b.kind"])
      .execute();
    expect(deliveries.every((d) => d.kind === "decision")).toBe(true);
    expect(deliveries.map((d) => d.user_id).sort((a, b) => a - b)).toEqual(
      submitters.filter((_, i) => i !== 1).sort((a, b) => a - b),
    );
  });

  it("reports a submission withdrawn or changed since the preview, and applies nothing until it is left out", async () => {
    // The third was endorsed but not yet given to the council: its submitter may still withdraw it.
    const { adminId, draftId, submissions, submitters } = await draftOfTen((ids) =>
      t.db
        .updateTable("submissions")
        .set({ status: "endorsed" })
        .where("id", "=", ids[2] as number)
        .execute(),
    );
    const s = service();
    await s.reasonForRefusals(adminId, draftId, "Chưa đạt");
    await new SubmissionsService(t.db, {
      timezone: "Asia/Ho_Chi_Minh",
      minShare: 10,
      decisionDueMonths: 3,
    }).withdraw(submitters[2] as number, submissions[2] as number);
    await t.db
      .updateTable("submissions")
      .set({ title: "Đã sửa", updated_at: new Date(Date.now() + 1000) })
      .where("id", "=", submissions[4] as number)
      .execute();
    // The sixth decided on its own meanwhile, through the single /decide.
    await new DecisionService(t.db).recognise(
      adminId,
      submissions[5] as number,
      { scope: "unit", number: "12/QĐ-SGDĐT", date: "2026-06-01" },
      NOW,
    );
    const error = await s.apply(adminId, draftId, NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleSubmissionsError);
    expect((error as StaleSubmissionsError).items).toEqual([
      { submissionId: submissions[2], code: code(3), problem: "status", status: "withdrawn" },
      { submissionId: submissions[4], code: code(5), problem: "changed", status: "under_review" },
      { submissionId: submissions[5], code: code(6), problem: "status", status: "recognised" },
    ]);
    expect(await t.db.selectFrom("decisions").select("number").execute()).toEqual([
      { number: "12/QĐ-SGDĐT" },
    ]);
    const statuses = await t.db.selectFrom("submissions").select("status").distinct().execute();
    expect(statuses.map((r) => r.status).sort()).toEqual(["recognised", "under_review", "withdrawn"]);

    expect(await s.excludeStale(adminId, draftId)).toBe(3);
    expect(await s.apply(adminId, draftId, NOW)).toMatchObject({ recognised: 5, refused: 1 });
  });

  it("is all or nothing: one row the database refuses leaves every submission, the decision and the queue as they were", async () => {
    const { adminId, draftId, submissions } = await draftOfTen();
    await service().reasonForRefusals(adminId, draftId, "Chưa đạt");
    // The seventh row's update fails inside the database, after the others were written in the same statement.
    await sql
      .raw(`create function refuse_one() returns trigger language plpgsql as $$
        begin if new.id = ${submissions[6]} and new.status = 'recognised' then raise exception 'refused by test'; end if;
        return new; end $$`)
      .execute(t.db);
    await sql
      .raw(
        "create trigger refuse_one before update on submissions for each row execute function refuse_one()",
      )
      .execute(t.db);
    try {
      await expect(service().apply(adminId, draftId, NOW)).rejects.toThrow(/refused by test/);
    } finally {
      await sql.raw("drop trigger refuse_one on submissions").execute(t.db);
      await sql.raw("drop function refuse_one()").execute(t.db);
    }
    expect(await t.db.selectFrom("decisions").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("broadcasts").select("id").execute()).toEqual([]);
    expect(await t.db.selectFrom("submission_events").select("id").execute()).toEqual([]);
    const statuses = await t.db.selectFrom("submissions").select("status").distinct().execute();
    expect(statuses).toEqual([{ status: "under_review" }]);
    expect((await service().summary(adminId, draftId)).draft.status).toBe("open");
    // Two confirmations at once (two devices, a redelivered update): the draft's lock lets one apply it.
    const both = await Promise.all([
      service().apply(adminId, draftId, NOW),
      service().apply(adminId, draftId, NOW),
    ]);
    expect(both.map((r) => r.again).sort()).toEqual([false, true]);
    expect(both.find((r) => !r.again)).toMatchObject({ recognised: 8, refused: 1, told: 9 });
    expect(await t.db.selectFrom("submission_events").select("id").execute()).toHaveLength(9);
    expect(await t.db.selectFrom("broadcast_deliveries").select("id").execute()).toHaveLength(9);
  });

  it("refuses a number and date an earlier decision holds, and a draft with nothing in it", async () => {
    const { adminId, draftId, campaignId, submissions } = await draftOfTen();
    await new DecisionService(t.db).recognise(
      adminId,
      submissions[9] as number,
      { scope: "unit", number: HEADER.number, date: HEADER.date },
      NOW,
    );
    const s = service();
    await s.reasonForRefusals(adminId, draftId, "Chưa đạt");
    await s.excludeStale(adminId, draftId);
    await expect(s.apply(adminId, draftId, NOW)).rejects.toBeInstanceOf(DecisionNumberTakenError);
    expect(await t.db.selectFrom("submission_events").select("id").execute()).toHaveLength(1);
    const other = await s.start(adminId, campaignId, { ...HEADER, number: "337/QĐ-SGDĐT" });
    for (const id of submissions)
      await s.setExcluded(adminId, other.draftId, id, true).catch(() => undefined);
    await expect(s.apply(adminId, other.draftId, NOW)).rejects.toBeInstanceOf(EmptyDecisionError);
    // The first draft was replaced by the second: it takes no change any more.
    await expect(s.setOutcome(adminId, draftId, submissions[0] as number, "unit")).rejects.toBeInstanceOf(
      DraftClosedError,
    );
  });

  it("lets only administrators act, each on their own draft, on every call", async () => {
    const { adminId, draftId, campaignId, submissions, units } = await draftOfTen();
    const s = service();
    const other = await admin(t.db, 901);
    const teacherId = await teacher(t.db, 700, units.u1);
    const id = submissions[0] as number;
    const calls = (actor: number) => [
      () => s.campaigns(actor),
      () => s.start(actor, campaignId, HEADER),
      () => s.summary(actor, draftId),
      () => s.page(actor, draftId, "nation", 0),
      () => s.item(actor, draftId, { submissionId: id }),
      () => s.setOutcome(actor, draftId, id, "unit"),
      () => s.setExcluded(actor, draftId, id, true),
      () => s.setReason(actor, draftId, id, "Lý do"),
      () => s.reasonForRefusals(actor, draftId, "Lý do"),
      () => s.excludeStale(actor, draftId),
      () => s.apply(actor, draftId, NOW),
    ];
    for (const call of calls(teacherId)) await expect(call()).rejects.toBeInstanceOf(ForbiddenError);
    for (const call of calls(other).slice(2)) await expect(call()).rejects.toBeInstanceOf(DraftNotFoundError);
    // A role revoked between two steps stops the next one.
    await t.db.deleteFrom("user_roles").where("user_id", "=", adminId).execute();
    await expect(s.apply(adminId, draftId, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    const { counts } = await s.start(other, campaignId, HEADER);
    expect(counts.nation).toBe(3);
  });
});
