import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORM } from "../../src/bot/form/form-buttons.js";
import type { Database } from "../../src/db/types.js";
import { admin, insertOpenCampaign, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { InProcessBot, type InProcessChat, textsOf } from "../helpers/in-process-bot.js";
import { fillInitiative } from "../helpers/initiative-answers.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

/**
 * A command tapped at any prompt of any conversation is never taken as the answer: the command runs, the
 * conversation (or form) is left, and nothing stores the command's text. One rule, checked at every prompt.
 */
describe("a /command at every prompt", () => {
  let t: TestDatabase;
  let h: InProcessBot;
  let unitId: number;
  const TEACHER = 3001;
  const HEAD = 3002;
  const REVIEWER = 3003;
  const ADMIN = 3009;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    unitId = (await seedUnits(t.db)).u1;
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: String(ADMIN) });
    await h.bot.init();
    await teacher(t.db, TEACHER, unitId);
    await teacher(t.db, HEAD, unitId);
    await teacher(t.db, REVIEWER, (await seedUnits2(t)).other);
    const adminId = await admin(t.db, ADMIN);
    await h.services.roles.grant(adminId, HEAD, "unit_head", "U1");
    await h.services.roles.grant(adminId, REVIEWER, "reviewer");
  });

  afterAll(async () => {
    await t.close();
  });

  /** Sends /my (or `command`) at the prompt; returns what the bot said. */
  async function commandAt(chat: InProcessChat, command = "/my") {
    return textsOf(await chat.send(command));
  }

  const conversationOf = async (telegramId: number) =>
    t.db
      .selectFrom("conversation_state")
      .select("state")
      .where("key", "=", `chat:${telegramId}`)
      .executeTakeFirst();

  async function expectLeft(telegramId: number) {
    const row = await conversationOf(telegramId);
    const state = (row?.state ?? {}) as { state?: Record<string, unknown> };
    expect(Object.keys(state.state ?? {})).toEqual([]);
  }

  describe("registration", () => {
    const NEW = 3100;
    it.each([
      ["full name", [] as string[]],
      ["unit", ["name:keep"]],
    ])("at the %s prompt", async (_label, presses) => {
      const chat = h.chat(NEW + presses.length, { first_name: "Lan", last_name: "Nguyễn Thị" });
      await chat.send("/start");
      for (const data of presses) await chat.press(data);
      const said = await commandAt(chat);
      expect(said).toContain("Đã dừng việc đang làm dở");
      await expectLeft(chat.user.id);
      const user = await t.db
        .selectFrom("users")
        .select(["full_name", "unit_id"])
        .where("telegram_id", "=", chat.user.id)
        .executeTakeFirstOrThrow();
      expect(user).toEqual({ full_name: null, unit_id: null });
    });
  });

  it("at the profile's name prompt", async () => {
    const chat = h.chat(TEACHER);
    await chat.press("profile:name");
    expect(await commandAt(chat, "/help")).toContain("/profile");
    // /help answers in place; any other command leaves.
    expect(await commandAt(chat)).toContain("Đã dừng việc đang làm dở");
    await expectLeft(TEACHER);
    const user = await t.db
      .selectFrom("users")
      .select("full_name")
      .where("telegram_id", "=", TEACHER)
      .executeTakeFirstOrThrow();
    expect(user.full_name).toBe(`Giáo viên ${TEACHER}`);
  });

  describe("the submission form", () => {
    const steps = [
      "title",
      "problem",
      "firstAppliedOn",
      "essence",
      "conditions",
      "benefits",
      "confidential",
      "coAuthors",
      "myShare",
      "summary",
    ];
    it.each(steps)("at the %s step", async (step) => {
      const chat = h.chat(TEACHER);
      const userId = (
        await t.db
          .selectFrom("users")
          .select("id")
          .where("telegram_id", "=", TEACHER)
          .executeTakeFirstOrThrow()
      ).id;
      const draft = await h.services.submissions.startDraft(userId, "initiative");
      const fields = step === "myShare" ? { coAuthors: [{ name: "A", unit: "B", share: 30 }] } : {};
      await t.db
        .updateTable("submissions")
        .set({ draft_step: step, fields: JSON.stringify(fields) })
        .where("id", "=", draft.id)
        .execute();
      expect(textsOf(await chat.press(`sub:go:${draft.id}`))).toMatch(
        step === "summary" ? /Tóm tắt/ : /Bước/,
      );
      const said = await commandAt(chat);
      expect(said).toContain("bản nháp vẫn được giữ");
      // /my ran: it lists the teacher's submissions (or says there are none).
      expect(said).toContain("chưa nộp hồ sơ nào");
      const after = await t.db
        .selectFrom("submissions")
        .select(["fields", "draft_step"])
        .where("id", "=", draft.id)
        .executeTakeFirstOrThrow();
      expect(after.draft_step).toBe(step);
      expect(JSON.stringify(after.fields)).not.toContain("/my");
      const user = await t.db
        .selectFrom("users")
        .select("active_draft_id")
        .where("telegram_id", "=", TEACHER)
        .executeTakeFirstOrThrow();
      expect(user.active_draft_id).toBeNull();
      // The next text is no answer to the left form.
      expect(textsOf(await chat.send("Một câu trả lời"))).not.toContain("Bước");
    });

    it("continues from /drafts where it was left", async () => {
      const chat = h.chat(TEACHER);
      const drafts = await chat.send("/drafts");
      const go = drafts
        .flatMap((r) => r.payload.reply_markup?.inline_keyboard ?? [])
        .flat()[0]?.callback_data;
      expect(textsOf(await chat.press(go))).toContain("Tóm tắt");
      await chat.press(FORM.cancel);
    });
  });

  describe("the council's and administrators' prompts", () => {
    let submissionId: number;
    let campaignId: number;

    beforeAll(async () => {
      const author = (
        await t.db
          .selectFrom("users")
          .select("id")
          .where("telegram_id", "=", TEACHER)
          .executeTakeFirstOrThrow()
      ).id;
      const s = h.services.submissions;
      await t.db.deleteFrom("submissions").execute();
      const draft = await s.startDraft(author, "initiative");
      await fillInitiative(s, author, draft.id);
      submissionId = (await s.submit(author, draft.id, new Date())).id;
      campaignId = await insertOpenCampaign(t.db);
    });

    it("at the unit head's return note", async () => {
      const chat = h.chat(HEAD);
      await chat.press(`end:ret:${submissionId}`);
      const said = await commandAt(chat, "/queue");
      expect(said).toContain("Đã dừng việc đang làm dở");
      await expectLeft(HEAD);
      const row = await t.db
        .selectFrom("submissions")
        .select("status")
        .where("id", "=", submissionId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("submitted");
    });

    it.each([
      ["the refusal reasons", (id: number) => `dec:x:${id}`],
      ["the decision number", (id: number) => `dec:r:${id}:province`],
    ])("at %s", async (_label, button) => {
      await t.db
        .updateTable("submissions")
        .set({ status: "endorsed" })
        .where("id", "=", submissionId)
        .execute();
      const chat = h.chat(ADMIN);
      await chat.press(button(submissionId));
      expect(await commandAt(chat, "/decide")).toContain("Đã dừng việc đang làm dở");
      await expectLeft(ADMIN);
      const row = await t.db
        .selectFrom("submissions")
        .select("status")
        .where("id", "=", submissionId)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("endorsed");
    });

    it.each([
      ["a score", 0],
      ["the comment", 10],
    ])("at the reviewer's %s", async (_label, scores) => {
      const adminId = (
        await t.db.selectFrom("users").select("id").where("telegram_id", "=", ADMIN).executeTakeFirstOrThrow()
      ).id;
      await t.db
        .updateTable("submissions")
        .set({ status: "endorsed", campaign_id: campaignId })
        .where("id", "=", submissionId)
        .execute();
      await h.services.council.setReviewers(adminId, campaignId, [REVIEWER]);
      await h.services.council.assign(adminId, campaignId);
      const assignment = await t.db.selectFrom("review_assignments").select("id").executeTakeFirstOrThrow();
      const chat = h.chat(REVIEWER);
      let asked = textsOf(await chat.press(`rev:s:${assignment.id}`));
      for (let i = 0; i < scores && !asked.includes("Nhận xét"); i++) asked = textsOf(await chat.send("8"));
      expect(asked).toContain(scores > 0 ? "Nhận xét" : "Bước 1/");
      expect(await commandAt(chat, "/review")).toContain("Đã dừng việc đang làm dở");
      await expectLeft(REVIEWER);
      const scored = await t.db
        .selectFrom("review_assignments")
        .select(["status", "comment"])
        .executeTakeFirstOrThrow();
      expect(scored.status).toBe("assigned");
      expect(scored.comment ?? "").not.toContain("/review");
    });

    it.each([1, 2, 5, 6, 8])("at step %i of /newcampaign", async (step) => {
      const chat = h.chat(ADMIN);
      await chat.send("/newcampaign");
      const answers: (() => Promise<unknown>)[] = [
        () => chat.send("Phong trào thử"),
        () => chat.send("Nội dung phát động"),
        () => chat.press("cc:a:i"),
        () => chat.press("aud:all"),
        () => chat.press("cc:now"),
        () => chat.send("01/01/2099 17:00"),
        () => chat.press("cc:now"),
      ];
      for (const answer of answers.slice(0, step - 1)) await answer();
      expect(await commandAt(chat, "/campaigns")).toContain("Đã dừng việc đang làm dở");
      await expectLeft(ADMIN);
      expect(
        await t.db.selectFrom("campaigns").select("id").where("title", "=", "Phong trào thử").execute(),
      ).toEqual([]);
    });

    it.each([
      ["the campaign's new title", (id: number) => `cadm:et:${id}`],
      ["the campaign's new deadline", (id: number) => `cadm:ext:${id}`],
    ])("at %s", async (_label, button) => {
      const chat = h.chat(ADMIN);
      await chat.press(button(campaignId));
      expect(await commandAt(chat, "/campaigns")).toContain("Đã dừng việc đang làm dở");
      await expectLeft(ADMIN);
      const row = await t.db
        .selectFrom("campaigns")
        .select("title")
        .where("id", "=", campaignId)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe("Đổi mới sáng tạo");
    });
  });
});

async function seedUnits2(t: { db: import("kysely").Kysely<Database> }) {
  const row = await t.db
    .insertInto("units")
    .values({
      code: "U9",
      name: "THCS Nguyễn Du",
      search_name: "thcs nguyen du",
      district: "Huyện B",
      school_level: "THCS",
      cluster: "Cụm 2",
      block: "Khối THCS",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { other: row.id };
}
