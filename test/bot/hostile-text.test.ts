import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignMessageRenderer } from "../../src/bot/broadcast-messages.js";
import { FORM } from "../../src/bot/form/form-buttons.js";
import { parseTelegramHtml } from "../../src/shared/telegram-html.js";
import { admin, campaignInput, insertPerson, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { telegramRefusal } from "../helpers/telegram-refusals.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

/**
 * The findings of the hostile-input review, through the real bot: each made Telegram refuse a message (the fake
 * refuses what Telegram refuses, and any refusal fails the test), and so silenced a campaign, ended a conversation
 * or locked someone out. Emoji sit exactly where a cut used to split them.
 */
describe("text Telegram would refuse never goes out", () => {
  let t: TestDatabase;
  let h: InProcessBot;
  let unitId: number;
  let adminId: number;
  const ADMIN = 4009;
  const EMOJI = "😀";

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    unitId = (await seedUnits(t.db)).u1;
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: String(ADMIN) });
    await h.bot.init();
    adminId = await admin(t.db, ADMIN);
    await t.db
      .updateTable("users")
      .set({ unit_id: unitId, full_name: "Quản trị" })
      .where("id", "=", adminId)
      .execute();
  });

  afterAll(async () => {
    await t.close();
  });

  it("sends an announcement typed without formatting as the text it is, to the preview and to everyone", async () => {
    const chat = h.chat(ADMIN);
    await chat.send("/newcampaign");
    await chat.send("Phong trào a < b");
    await chat.send("Điểm < 5 và > 3 & hơn thế. Gõ <b>đậm</b> và &amp; vẫn hiện nguyên.");
    await chat.press("cc:a:i");
    await chat.press("aud:all");
    await chat.press("cc:now");
    await chat.send("01/01/2099 17:00");
    const preview = await chat.press("cc:now").then(() => chat.press("cc:r:none"));
    expect(textsOf(preview)).toContain(
      "Điểm &lt; 5 và &gt; 3 &amp; hơn thế. Gõ &lt;b&gt;đậm&lt;/b&gt; và &amp;amp;",
    );
    await chat.press("cc:confirm");
    const saved = await t.db
      .selectFrom("campaigns")
      .selectAll()
      .where("title", "=", "Phong trào a < b")
      .executeTakeFirstOrThrow();
    const render = campaignMessageRenderer(h.bot.i18n, h.config.timezone, "vi");
    const announcement = render(
      { locale: "vi", variant: null } as never,
      { broadcast: { kind: "announcement", payload: {} }, campaign: saved } as never,
    );
    expect(
      announcement && telegramRefusal("sendMessage", { ...announcement, parse_mode: "HTML" }),
    ).toBeUndefined();
    const shown = parseTelegramHtml(announcement?.text ?? "");
    expect(shown.ok && shown.text).toContain(
      "Điểm < 5 và > 3 & hơn thế. Gõ <b>đậm</b> và &amp; vẫn hiện nguyên.",
    );
  });

  it("lets a person whose Telegram name ends with an emoji past the cut register", async () => {
    const chat = h.chat(4101, { first_name: `${"A".repeat(38)}${EMOJI}`, last_name: undefined });
    const replies = await chat.send("/start");
    expect(buttonsOf(replies).length).toBeGreaterThan(0);
  });

  it("lists campaigns, drafts and the campaign choice with an emoji where titles are cut", async () => {
    const now = new Date();
    for (const at of [28, 29, 38, 39]) {
      await h.services.campaigns.create(
        adminId,
        campaignInput(now, { title: `${"Đ".repeat(at)}${EMOJI} phong trào ${at}` }),
        now,
      );
    }
    expect(textsOf(await h.chat(ADMIN).send("/campaigns"))).toContain("phong trào");
    const person = 4102;
    await teacher(t.db, person, unitId);
    const chat = h.chat(person);
    await chat.send("/submit");
    const choice = await chat.press("sub:kind:initiative");
    expect(buttonsOf(choice).some((b) => b.data.startsWith(FORM.answer))).toBe(true);
    await chat.press(buttonsOf(choice).find((b) => b.data.startsWith(FORM.answer))?.data ?? "");
    await chat.send(`${"T".repeat(29)}${EMOJI} tiêu đề`);
    expect(buttonsOf(await chat.send("/drafts")).length).toBeGreaterThan(0);
  });

  it("keeps an answer with an emoji at the preview's cut and shows the step again", async () => {
    const person = 4103;
    await teacher(t.db, person, unitId);
    const chat = h.chat(person);
    await chat.send("/submit");
    await chat.press("sub:kind:initiative");
    await chat.press(`${FORM.answer}none`);
    await chat.send("Tiêu đề có thật");
    const fields = await chat.press(`${FORM.answer}initiative`);
    await chat.press(buttonsOf(fields).find((b) => b.data.startsWith(FORM.answer))?.data ?? "");
    await chat.send(`${"x".repeat(498)}${EMOJI}${"y".repeat(100)}`);
    const back = await chat.press(FORM.back);
    expect(textsOf(back)).toContain("x".repeat(400));
  });

  it("answers a forged 20-digit id as not found, and stores an answer with a NUL character", async () => {
    const person = 4104;
    await teacher(t.db, person, unitId);
    const chat = h.chat(person);
    for (const data of [
      "my:99999999999999999999",
      "end:o:99999999999999999999",
      "sub:go:99999999999999999999",
    ])
      expect(`${data}: ${textsOf(await chat.press(data))}`).not.toContain("Xin lỗi");
    await chat.send("/submit");
    await chat.press("sub:kind:initiative");
    await chat.press(`${FORM.answer}none`);
    const saved = await chat.send("Tiêu đề\u0000 có NUL");
    expect(textsOf(saved)).not.toContain("Xin lỗi");
    expect(textsOf(saved)).toContain("Bước 3/");
  });

  it("splits /my details over 4,096 characters, the buttons still under the last part", async () => {
    const person = 4105;
    const userId = await insertPerson(t.db, person, unitId, "Người có ghi chú dài");
    const submission = await t.db
      .insertInto("submissions")
      .values({
        submitter_id: userId,
        unit_id: unitId,
        kind: "initiative",
        status: "returned",
        code: "SK-2026-99999",
        title: `Sáng kiến "dài" & <khó>`,
        fields: {},
        submitted_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const note of ["a", "b"])
      await t.db
        .insertInto("submission_events")
        .values({
          submission_id: submission.id,
          actor_id: adminId,
          from_status: "submitted",
          to_status: "returned",
          note: `${note.repeat(1980)} "<&>" ${EMOJI}`,
        })
        .execute();
    const replies = await h.chat(person).press(`my:${submission.id}`);
    expect(replies.length).toBeGreaterThan(1);
    expect(buttonsOf(replies.slice(-1)).map((b) => b.data)).toEqual([
      `sub:go:${submission.id}`,
      `my:w:${submission.id}`,
      `my:sh:${submission.id}:0`, // the library's file sharing, on (the default): the button turns it off
    ]);
  });
});
