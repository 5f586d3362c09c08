import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTON } from "../../src/bot/callback-data.js";
import { councilScoresCampaign, sendDecisionNotices } from "../helpers/batch-fixtures.js";
import { admin, insertOpenCampaign, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const N = 30;
const code = (i: number) => `SK-2026-${String(i + 1).padStart(5, "0")}`;
/** The i-th submission's score and the recommendation its reviewer gives. */
const verdict = (i: number) =>
  i < 5
    ? { score: 9, recommendation: "recognise_nation" as const }
    : i < 20
      ? { score: 7, recommendation: "recognise_province" as const }
      : i < 27
        ? { score: 6, recommendation: "recognise_unit" as const }
        : { score: 3, recommendation: "refuse" as const };

/**
 * From the council's scores to every submitter's message: three members score 30 submissions through the council
 * service; the administrator, in the chat, makes one decision with two overrides and one exclusion; the queue's
 * real sender delivers to a fake Bot API, and every submitter is told exactly once, in their language.
 */
describe.each(DIALECTS)("a campaign decided at once, end to end (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;
  let telegram: FakeTelegramApi;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: "900" });
    await h.bot.init();
    telegram = await FakeTelegramApi.start();
  });
  afterAll(async () => {
    await telegram?.stop();
    await t?.close();
  });

  it("scores, decides with overrides and an exclusion, and tells each submitter once", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const campaignId = await insertOpenCampaign(t.db);
    for (const id of [801, 802, 803]) {
      await teacher(t.db, id, units.u3);
      await h.services.roles.grant(adminId, id, "reviewer");
    }
    const submitters: number[] = [];
    for (let i = 0; i < N; i++)
      submitters.push(await teacher(t.db, 7001 + i, units.u1, i === 3 ? "en" : null));
    const inserted = await t.db
      .insertInto("submissions")
      .values(
        submitters.map((submitterId, i) => ({
          code: code(i),
          kind: "initiative" as const,
          status: "endorsed" as const,
          campaign_id: campaignId,
          submitter_id: submitterId,
          unit_id: units.u1,
          title: `Sáng kiến ${i + 1}`,
          school_year: "2026-2027",
          submitted_at: new Date(),
        })),
      )
      .returning(["id", "code"])
      .execute();
    const idOf = (i: number) => inserted.find((r) => r.code === code(i))?.id as number;

    // The council: named, given the submissions evenly, each member scores their queue.
    expect(
      await councilScoresCampaign(
        t.db,
        h.services.council,
        { adminId, campaignId, members: [801, 802, 803] },
        verdict,
      ),
    ).toBe(N);

    // The administrator's decision, in the chat.
    const chat = h.chat(900);
    await chat.send("/decide");
    await chat.press(BUTTON.batchPick.data("campaigns"));
    await chat.press(BUTTON.batchStart.data(campaignId));
    await chat.send("336/QĐ-SGDĐT 15/06/2026");
    expect(textsOf(await chat.send("Nguyễn Văn An"))).toContain(
      "27 công nhận</b>: 5 toàn quốc, 15 cấp tỉnh, 7 cấp cơ sở; <b>3 không công nhận",
    );
    const { id: draftId } = await t.db
      .selectFrom("decision_drafts")
      .select("id")
      .where("status", "=", "open")
      .executeTakeFirstOrThrow();
    // Two overrides (the 6th raised to national, the 21st refused) and one exclusion (the 28th).
    await chat.press(BUTTON.batchCode.data(draftId));
    await chat.send(code(5));
    await chat.press(BUTTON.batchSet.data(draftId, idOf(5), "nation"));
    await chat.press(BUTTON.batchSet.data(draftId, idOf(20), "refuse"));
    await chat.press(BUTTON.batchExclude.data(draftId, idOf(27), "out"));
    await chat.press(BUTTON.batchReasonAll.data(draftId));
    await chat.send("Điểm bình quân dưới mức đạt");
    expect(textsOf(await chat.press(BUTTON.batchConfirm.data(draftId)))).toContain(
      "26 công nhận</b>: 6 toàn quốc, 14 cấp tỉnh, 6 cấp cơ sở; <b>3 không công nhận",
    );
    await chat.press(BUTTON.batchApply.data(draftId));
    await chat.press(BUTTON.batchApply.data(draftId));

    const rows = await t.db
      .selectFrom("submissions as s")
      .leftJoin("decisions as d", "d.id", "s.decision_id")
      .select(["s.code", "s.status", "s.scope_recognised", "d.number", "d.signer", "s.decision_reasons"])
      .orderBy("s.code")
      .execute();
    const expected = (i: number) =>
      i === 27
        ? ["under_review", null]
        : i === 5
          ? ["recognised", "nation"]
          : i === 20 || i >= 27
            ? ["refused", null]
            : ["recognised", verdict(i).recommendation.replace("recognise_", "")];
    expect(rows.map((r) => [r.status, r.scope_recognised])).toEqual(rows.map((_, i) => expected(i)));
    expect(rows.filter((r) => r.status !== "under_review").every((r) => r.number === "336/QĐ-SGDĐT")).toBe(
      true,
    );
    expect(rows[0]?.signer).toBe("Nguyễn Văn An");
    expect(await t.db.selectFrom("decisions").select("id").execute()).toHaveLength(1);

    // The queue's sender, with the bot's renderer, against a fake Bot API.
    await sendDecisionNotices(t, h, telegram);
    const sent = telegram.callsOf("sendMessage");
    const perChat = new Map<number, string[]>();
    for (const c of sent)
      perChat.set(Number(c.payload.chat_id), [
        ...(perChat.get(Number(c.payload.chat_id)) ?? []),
        String(c.payload.text),
      ]);
    expect([...perChat.keys()].sort()).toEqual(
      Array.from({ length: N }, (_, i) => 7001 + i).filter((chatId) => chatId !== 7001 + 27),
    );
    expect([...perChat.values()].every((texts) => texts.length === 1)).toBe(true);
    expect(perChat.get(7001)?.[0]).toContain(
      `${code(0)}</b> (Sáng kiến 1): được công nhận, phạm vi toàn quốc`,
    );
    expect(perChat.get(7004)?.[0]).toContain(`${code(3)}</b> (Sáng kiến 4): recognised, nation scope`);
    expect(perChat.get(7021)?.[0]).toContain("không được công nhận. Lý do: Điểm bình quân dưới mức đạt");
  });
});
