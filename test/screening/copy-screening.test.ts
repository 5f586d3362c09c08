import { beforeAll, describe, expect, it } from "vitest";
import * as screeningMigration from "../../migrations/20261206_0016_copy_screening.js";
import { createI18n } from "../../src/bot/i18n.js";
import { screeningReportText } from "../../src/bot/screening-report.js";
import { CampaignsService } from "../../src/campaigns/campaigns.service.js";
import { createLogger } from "../../src/logger.js";
import { CouncilService } from "../../src/review/council.service.js";
import { screenSubmission } from "../../src/screening/screener.js";
import { claimScreeningJob, enqueueScreening } from "../../src/screening/screening.repository.js";
import { ScreeningService } from "../../src/screening/screening.service.js";
import { runScreeningQueue, SCREENING_LEASE_MS } from "../../src/screening/screening-queue.js";
import { parseTelegramHtml } from "../../src/shared/telegram-html.js";
import { SubmissionsService } from "../../src/submissions/submissions.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { RolesService } from "../../src/users/roles.service.js";
import { admin, campaignInput, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { fillInitiative } from "../helpers/initiative-answers.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";
import { initiative, nearCopy } from "../helpers/vietnamese-initiatives.js";

const logger = createLogger("silent");
const t = createI18n("vi", () => "vi").fluent.withLocale("vi");
/** A sentence with markup and an ampersand, copied word for word: it must come back escaped. */
const HOSTILE =
  'Cuối mỗi tuần học, học sinh tự ghi <b>điểm</b> & nhận xét của bạn cùng nhóm vào sổ "tiến bộ" của lớp 5A, ' +
  "giáo viên chủ nhiệm đọc lại từng trang, khen ngợi những em cố gắng và hẹn gặp riêng những em còn chậm để " +
  "cùng các em đặt mục tiêu nhỏ, dễ đạt cho tuần kế tiếp trước khi gửi sổ về cho phụ huynh ký xác nhận.";

describe.each(DIALECTS)("copy screening (%s)", (dialect) => {
  const db = useTestDatabase(dialect);
  const source = initiative(101);
  const copy = nearCopy(source, 202);
  const unrelated = initiative(303);
  const ids = { source: 0, copy: 0, unrelated: 0 };
  const people = { admin: 0, reviewerOfCopy: 0, otherReviewer: 0, copier: 0 };
  let sourceCode = "";

  beforeAll(async () => {
    const units = await seedUnits(db.db);
    people.admin = await admin(db.db, 900);
    const roles = new RolesService(db.db);
    const r1 = await teacher(db.db, 611, units.u2);
    const r2 = await teacher(db.db, 612, units.u3);
    for (const id of [611, 612]) await roles.grant(people.admin, id, "reviewer");
    const earlier = await teacher(db.db, 601, units.u1);
    people.copier = await teacher(db.db, 602, units.u1);
    const other = await teacher(db.db, 603, units.u1);
    const submissions = new SubmissionsService(db.db, {
      timezone: "Asia/Ho_Chi_Minh",
      minShare: 10,
      decisionDueMonths: 3,
    });
    const now = new Date();

    // An earlier year's initiative, sent before any campaign, then a campaign that skips the unit head's step.
    const a = await submissions.startDraft(earlier, "initiative");
    await fillInitiative(submissions, earlier, a.id, `${source.title} <i>&amp;</i>`, {
      problem: source.problem,
      essence: `${source.essence} ${HOSTILE}`,
    });
    sourceCode = (await submissions.submit(earlier, a.id, new Date(now.getTime() - 365 * 86_400_000))).code;
    const campaigns = new CampaignsService(db.db, "Asia/Ho_Chi_Minh");
    const campaign = await campaigns.create(people.admin, campaignInput(now), now);
    await campaigns.setRequiresEndorsement(people.admin, campaign.id, false);
    const send = async (userId: number, title: string, problem: string, essence: string) => {
      const d = await submissions.startDraftForCampaign(userId, campaign.id, "initiative", now);
      await fillInitiative(submissions, userId, d.id, title, { problem, essence });
      await submissions.submit(userId, d.id, now);
      return d.id;
    };
    ids.source = a.id;
    ids.copy = await send(people.copier, copy.title, copy.problem, `${HOSTILE} ${copy.essence}`);
    ids.unrelated = await send(other, unrelated.title, unrelated.problem, unrelated.essence);

    const council = new CouncilService(db.db);
    await council.setReviewers(people.admin, campaign.id, [611, 612]);
    await council.assign(people.admin, campaign.id);
    const assignment = await db.db
      .selectFrom("review_assignments")
      .select("reviewer_id")
      .where("submission_id", "=", ids.copy)
      .executeTakeFirstOrThrow();
    people.reviewerOfCopy = assignment.reviewer_id;
    people.otherReviewer = assignment.reviewer_id === r1 ? r2 : r1;
  });

  const jobs = () =>
    db.db
      .selectFrom("screening_jobs")
      .select(["submission_id", "status", "generation", "attempts"])
      .execute();
  const indexRows = () =>
    db.db
      .selectFrom("screening_fingerprints")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it("queues one job per sent submission, runs it in the background once, and survives a failed run", async () => {
    // Sent: generation 1; given to the council: generation 2 (the campaign's others are in by then).
    expect((await jobs()).map((j) => [j.submission_id, j.status, j.generation]).sort()).toEqual(
      [
        [ids.source, "pending", 1],
        [ids.copy, "pending", 2],
        [ids.unrelated, "pending", 2],
      ].sort(),
    );
    const start = new Date(Date.now() + 1000);
    let calls = 0;
    const failing = {
      screen: (...args: Parameters<typeof screenSubmission>) => {
        calls++;
        if (calls === 1) throw new Error("database went away");
        return screenSubmission(...args);
      },
    };
    const first = await runScreeningQueue(db.db, logger, { now: () => start, ...failing });
    expect(first).toEqual({ done: 2, failed: 0 });
    const failed = (await jobs()).find((j) => j.status === "pending");
    expect(failed).toMatchObject({ attempts: 1 });
    // Retried once its delay has passed, and then done.
    const later = new Date(start.getTime() + 10 * 60_000);
    expect(await runScreeningQueue(db.db, logger, { now: () => later })).toEqual({ done: 1, failed: 0 });
    expect((await jobs()).every((j) => j.status === "done")).toBe(true);
    const rows = await indexRows();
    expect(rows).toBeGreaterThan(0);

    // Once per submission: a second pass has nothing to do and changes nothing.
    expect(await runScreeningQueue(db.db, logger, { now: () => later })).toEqual({ done: 0, failed: 0 });
    expect(await indexRows()).toBe(rows);
    const reports = await db.db.selectFrom("screening_reports").select("submission_id").execute();
    expect(reports.map((r) => r.submission_id).sort()).toEqual([ids.source, ids.copy, ids.unrelated].sort());
  });

  it("reports the near-copy with its source, a similarity figure and passages side by side; not the unrelated text", async () => {
    const reports = new ScreeningService(db.db);
    const report = await reports.report(people.reviewerOfCopy, ids.copy);
    expect(report.state).toBe("ready");
    if (report.state !== "ready") return;
    expect(report.sources.map((s) => s.code)).toEqual([sourceCode]);
    const [found] = report.sources;
    // A third of the essence rewritten and a new problem: about half of the text is still the source's.
    expect(found?.similarity).toBeGreaterThan(0.3);
    expect(found?.similarity).toBeLessThan(0.8);
    expect(found?.passages.length).toBeGreaterThan(0);
    for (const p of found?.passages ?? []) {
      expect(`${source.essence} ${HOSTILE}`).toContain(p.theirs);
      expect(`${HOSTILE} ${copy.essence}`).toContain(p.mine);
    }

    const none = await reports.report(people.admin, ids.unrelated);
    expect(none).toMatchObject({ state: "ready", sources: [] });
    // The earlier one was sent first: the later copy is not its source.
    expect(await reports.report(people.admin, ids.source)).toMatchObject({ state: "ready", sources: [] });

    const text = screeningReportText(t, "Asia/Ho_Chi_Minh", report);
    expect(text).toContain(sourceCode);
    expect(text).toContain(`${Math.round((found?.similarity ?? 0) * 100)}%`);
    expect(text).toContain("&lt;b&gt;điểm&lt;/b&gt; &amp; nhận xét");
    expect(text).toContain("&lt;i&gt;&amp;amp;&lt;/i&gt;");
    expect(text).not.toContain("<b>điểm");
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(() => parseTelegramHtml(text)).not.toThrow();
  });

  it("lets only the reviewers it is assigned to and administrators read a report", async () => {
    const reports = new ScreeningService(db.db);
    await expect(reports.report(people.admin, ids.copy)).resolves.toMatchObject({ state: "ready" });
    await expect(reports.report(people.reviewerOfCopy, ids.copy)).resolves.toMatchObject({ state: "ready" });
    await expect(reports.report(people.otherReviewer, ids.copy)).rejects.toBeInstanceOf(ForbiddenError);
    // Its author is never shown it.
    await expect(reports.report(people.copier, ids.copy)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("takes over a run whose worker died once its lease ends", async () => {
    const at = new Date(Date.now() + 1000);
    await enqueueScreening(db.db, ids.unrelated, at);
    expect(await claimScreeningJob(db.db, at, SCREENING_LEASE_MS)).toMatchObject({
      submissionId: ids.unrelated,
    });
    // The worker that claimed it is gone: no one else takes it while its lease holds...
    expect(await runScreeningQueue(db.db, logger, { now: () => at })).toEqual({ done: 0, failed: 0 });
    // ...and the next run after the lease does.
    const after = new Date(at.getTime() + SCREENING_LEASE_MS + 1);
    expect(await runScreeningQueue(db.db, logger, { now: () => after })).toEqual({ done: 1, failed: 0 });
    expect((await jobs()).find((j) => j.submission_id === ids.unrelated)).toMatchObject({
      status: "done",
      attempts: 2,
    });
  });

  it("shows the report's button on the reviewer's and the decision card and sends the report when pressed", async () => {
    const harness = new InProcessBot(db.db);
    const assignment = await db.db
      .selectFrom("review_assignments")
      .select("id")
      .where("submission_id", "=", ids.copy)
      .where("reviewer_id", "=", people.reviewerOfCopy)
      .executeTakeFirstOrThrow();
    const telegramId = await db.db
      .selectFrom("users")
      .select("telegram_id")
      .where("id", "=", people.reviewerOfCopy)
      .executeTakeFirstOrThrow();
    const chat = harness.chat(telegramId.telegram_id);
    const card = await chat.press(`rev:o:${assignment.id}`);
    expect(buttonsOf(card)).toContainEqual({ text: "🔎 Báo cáo trùng lặp (1)", data: `scr:${ids.copy}` });
    const sent = textsOf(await chat.press(`scr:${ids.copy}`));
    expect(sent).toContain(sourceCode);
    expect(sent).toContain("không phải kết luận");

    // The administrator's decision card carries it too.
    const decisionCard = await harness.chat(900).press(`dec:o:${ids.copy}`);
    expect(buttonsOf(decisionCard)).toContainEqual({
      text: "🔎 Báo cáo trùng lặp (1)",
      data: `scr:${ids.copy}`,
    });

    // The other reviewer's forged button is refused by the service.
    const otherId = await db.db
      .selectFrom("users")
      .select("telegram_id")
      .where("id", "=", people.otherReviewer)
      .executeTakeFirstOrThrow();
    const refused = textsOf(await harness.chat(otherId.telegram_id).press(`scr:${ids.copy}`));
    expect(refused).not.toContain(sourceCode);
    expect(refused).toBe(t("not-allowed"));
  });
});

describe.each(DIALECTS)("copy screening of what was sent before it existed (%s)", (dialect) => {
  const db = useTestDatabase(dialect);

  it("queues every sent submission when migrated, oldest first, and its job indexes and screens it", async () => {
    await screeningMigration.down(db.db);
    const units = await seedUnits(db.db);
    const author = await teacher(db.db, 601, units.u1);
    const source = initiative(41);
    const copy = nearCopy(source, 42);
    const sent = (code: string, doc: typeof source, at: string) =>
      db.db
        .insertInto("submissions")
        .values({
          kind: "initiative",
          status: "recognised",
          code,
          submitter_id: author,
          unit_id: units.u1,
          title: doc.title,
          fields: JSON.stringify({ problem: doc.problem, essence: doc.essence }),
          submitted_at: new Date(at),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    // The copy was inserted first, the source sent first: the queue follows the sending order.
    const later = await sent("SK-2025-00002", copy, "2025-10-01T00:00:00Z");
    const earlier = await sent("SK-2024-00001", source, "2024-10-01T00:00:00Z");
    await db.db.insertInto("submissions").values({ kind: "initiative", submitter_id: author }).execute();
    await screeningMigration.up(db.db);

    const queued = await db.db.selectFrom("screening_jobs").select("submission_id").execute();
    expect(queued.map((j) => j.submission_id).sort()).toEqual([earlier.id, later.id].sort());
    expect(await runScreeningQueue(db.db, logger, { now: () => new Date() })).toEqual({ done: 2, failed: 0 });
    const report = await new ScreeningService(db.db).report(await admin(db.db, 900), later.id);
    expect(report).toMatchObject({ state: "ready", sources: [{ code: "SK-2024-00001" }] });
  });
});
