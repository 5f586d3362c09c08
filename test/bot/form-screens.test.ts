import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, type InProcessChat, textsOf } from "../helpers/in-process-bot.js";
import { fillInitiative } from "../helpers/initiative-answers.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { callbackQuery } from "../helpers/updates.js";

/** What a teacher sees around the summary: edits in place, shares rechecked, a redelivered press ignored. */
describe("the submission form's summary", () => {
  let t: TestDatabase;
  let h: InProcessBot;
  let chat: InProcessChat;
  let draftId: number;
  const TEACHER = 5001;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    const { u1 } = await seedUnits(t.db);
    h = new InProcessBot(t.db);
    await h.bot.init();
    const userId = await teacher(t.db, TEACHER, u1);
    const draft = await h.services.submissions.startDraft(userId, "initiative");
    await fillInitiative(h.services.submissions, userId, draft.id);
    draftId = draft.id;
    chat = h.chat(TEACHER);
  });

  afterAll(async () => {
    await t.close();
  });

  it("turns the summary into the question in place, and back after a button answer", async () => {
    const summary = await chat.press(`sub:go:${draftId}`);
    expect(summary.map((r) => r.method)).toEqual(["sendMessage"]);
    expect(textsOf(summary)).toContain("Tóm tắt");
    const question = await chat.press("e:field");
    expect(question.map((r) => r.method)).toEqual(["editMessageText"]);
    expect(textsOf(question)).toContain("Lĩnh vực áp dụng");
    const back = await chat.press("a:ict");
    expect(back.map((r) => r.method)).toEqual(["editMessageText"]);
    expect(textsOf(back)).toContain("Tóm tắt");
    expect(textsOf(back)).toContain("Ứng dụng công nghệ thông tin");
  });

  it("asks the own share again when edited co-authors no longer make 100%, and rechecks at submit", async () => {
    await chat.press("e:coAuthors");
    // Co-authors from 30% to 10%: the own share of 70% no longer fits, so it is asked before the summary.
    const asked = await chat.send("Trần Văn Bình; THPT Lê Lợi; 10");
    expect(textsOf(asked)).toContain("Tỷ lệ đóng góp của thầy/cô");
    const hint = await chat.send("70");
    expect(textsOf(hint)).toContain("phần của thầy/cô là 90%");
    expect(textsOf(await chat.send("90"))).toContain("Tóm tắt");
    // Made wrong behind the form's back (an old draft, a changed rule): submit refuses and opens the share.
    await t.db
      .updateTable("submissions")
      .set({ fields: JSON.stringify({ ...(await fieldsOf(t, draftId)), myShare: 70 }) })
      .where("id", "=", draftId)
      .execute();
    const refused = await chat.press("f:submit");
    expect(textsOf(refused)).toContain("Tổng tỷ lệ đóng góp đang là 80%");
    expect(textsOf(refused)).toContain("Tỷ lệ đóng góp của thầy/cô");
    expect((await t.db.selectFrom("submissions").select("status").executeTakeFirstOrThrow()).status).toBe(
      "draft",
    );
  });

  it("submits once: a second press shows the same receipt, and a redelivered update changes nothing", async () => {
    await chat.send("90");
    const first = await chat.press("f:submit");
    const code = /SK-\d{4}-\d{5}/.exec(textsOf(first))?.[0];
    expect(code).toBeDefined();
    const events = () =>
      t.db.selectFrom("submission_events").select("to_status").where("submission_id", "=", draftId).execute();
    expect(await events()).toEqual([{ to_status: "submitted" }]);
    // The same update handled again (a re-run after a crash): the receipt again, nothing else.
    const row = await t.db
      .selectFrom("submissions")
      .select("last_update_id")
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("users")
      .set({ active_draft_id: draftId })
      .where("telegram_id", "=", TEACHER)
      .execute();
    const since = h.calls.length;
    await h.handle(callbackQuery(chat.user, "f:submit"), row.last_update_id ?? 0);
    const again = h.calls.slice(since).filter((c) => c.method === "sendMessage");
    expect(again.map((c) => /SK-\d{4}-\d{5}/.exec(String(c.payload.text))?.[0])).toEqual([code]);
    expect(await events()).toEqual([{ to_status: "submitted" }]);
    // No form button; only the author's choice to share the files in the library (default yes), which holds.
    expect(buttonsOf(again).map((b) => b.data)).toEqual([`my:sh:${draftId}:0`]);
    await chat.press(`my:sh:${draftId}:0`);
    const shared = await t.db
      .selectFrom("submissions")
      .select("share_files")
      .where("id", "=", draftId)
      .executeTakeFirstOrThrow();
    expect(shared.share_files).toBe(false);
    // A form left open on a sent submission (a crash before it was closed) lets go of the next message.
    await t.db
      .updateTable("users")
      .set({ active_draft_id: draftId })
      .where("telegram_id", "=", TEACHER)
      .execute();
    expect(textsOf(await chat.send("xin chào"))).not.toMatch(/Tóm tắt|Bước/);
    const user = await t.db
      .selectFrom("users")
      .select("active_draft_id")
      .where("telegram_id", "=", TEACHER)
      .executeTakeFirstOrThrow();
    expect(user.active_draft_id).toBeNull();
  });
});

async function fieldsOf(t: TestDatabase, id: number) {
  const row = await t.db
    .selectFrom("submissions")
    .select("fields")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.fields as Record<string, unknown>;
}
