import type { InlineQueryResultArticle } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARY_BUTTON } from "../../src/bot/library-callback-data.js";
import { foldForSearch } from "../../src/shared/text.js";
import { seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { insertInitiative } from "../helpers/library-fixtures.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";
import { telegramUser } from "../helpers/updates.js";

const ADMIN = 9101;
const AUTHOR = 9102;
const READER = 9103;
const HEAD = 9104;
const STRANGER = 9105;

/** The library through the real bot: /library, its buttons, the files rule, inline mode, /find and "we apply it". */
describe.each(DIALECTS)("the initiative library in the bot (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;
  const ids = { shared: 0, kept: 0, pending: 0 };

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    h = new InProcessBot(t.db);
    await h.bot.init();
    const units = await seedUnits(t.db);
    await h.services.users.bootstrapAdmins([ADMIN]);
    const author = await teacher(t.db, AUTHOR, units.u1);
    await teacher(t.db, READER, units.u2);
    await teacher(t.db, HEAD, units.u2);
    await h.chat(ADMIN).send("/start");
    const adminId = (await h.services.users.identify({ id: ADMIN, first_name: "Admin" })).id;
    await h.services.roles.grant(adminId, HEAD, "unit_head", "U2");
    ids.shared = await insertInitiative(t.db, {
      code: "SK-2026-00001",
      title: "Đổi mới phương pháp dạy học môn Toán bằng trò chơi",
      essence: "Trò chơi học tập <b>không</b> phải là thẻ & ký hiệu.",
      unitId: units.u1,
      submitterId: author,
      files: 2,
    });
    ids.kept = await insertInitiative(t.db, {
      code: "SK-2026-00002",
      title: "Đổi mới sinh hoạt chuyên môn",
      unitId: units.u1,
      submitterId: author,
      files: 1,
      shareFiles: false,
    });
    ids.pending = await insertInitiative(t.db, {
      code: "SK-2026-00003",
      title: "Đổi mới công tác thư viện",
      status: "submitted",
      unitId: units.u1,
      submitterId: author,
      authorName: "Phạm Đức Anh",
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it("finds initiatives by words with or without diacritics and opens one with its shared files", async () => {
    const reader = h.chat(READER);
    const withMarks = await reader.send("/library đổi mới");
    const without = await reader.send("/library doi moi");
    const opened = (replies: typeof withMarks) =>
      buttonsOf(replies)
        .map((b) => b.data)
        .filter((d) => d.startsWith("lib:o:"));
    expect(opened(withMarks)).toEqual(opened(without));
    // Words past the limit are cut, never inside an emoji: they are shown back, and Telegram refuses half of one.
    expect(textsOf(await reader.send(`/library ${"đ".repeat(199)}😀 <b>`))).toContain("Thư viện sáng kiến");
    expect(opened(withMarks).sort()).toEqual(
      [LIBRARY_BUTTON.open.data(ids.shared), LIBRARY_BUTTON.open.data(ids.kept)].sort(),
    );
    expect(textsOf(withMarks)).toContain("Đổi mới phương pháp dạy học môn Toán bằng trò chơi");
    expect(textsOf(withMarks)).not.toContain("thư viện");
    for (const b of buttonsOf([...withMarks, ...without]))
      expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);

    const summary = await reader.press(LIBRARY_BUTTON.open.data(ids.shared));
    expect(textsOf(summary)).toContain("SK-2026-00001");
    expect(textsOf(summary)).toContain("QĐ-SK-2026-00001");
    const files = await reader.press(LIBRARY_BUTTON.files.data(ids.shared));
    expect(files.map((f) => [f.method, f.payload.document])).toEqual([
      ["sendDocument", `lib-file-${ids.shared}-0`],
      ["sendDocument", `lib-file-${ids.shared}-1`],
    ]);
  });

  it("never sends the files of authors who did not agree, even for a forged button", async () => {
    const reader = h.chat(READER);
    const summary = await reader.press(LIBRARY_BUTTON.open.data(ids.kept));
    expect(buttonsOf(summary).map((b) => b.data)).not.toContain(LIBRARY_BUTTON.files.data(ids.kept));
    expect(textsOf(summary)).toContain("không chia sẻ");
    const since = h.calls.length;
    const forged = await reader.press(LIBRARY_BUTTON.files.data(ids.kept));
    expect(textsOf(forged)).toContain("không chia sẻ");
    expect(
      h.calls.slice(since).filter((c) => c.method === "sendDocument" || c.method === "sendPhoto"),
    ).toEqual([]);
    // A submission not recognised is not in the library at all.
    const hidden = await reader.press(LIBRARY_BUTTON.files.data(ids.pending));
    expect(hidden.map((r) => r.method)).toEqual(["sendMessage"]);
    expect(h.calls.slice(since).filter((c) => c.method === "sendDocument")).toEqual([]);
  });

  it("lets the author stop sharing from /my", async () => {
    const author = h.chat(AUTHOR);
    const details = await author.press(`my:${ids.shared}`);
    expect(buttonsOf(details).map((b) => b.data)).toContain(LIBRARY_BUTTON.share.data(ids.shared, false));
    await author.press(LIBRARY_BUTTON.share.data(ids.shared, false));
    const since = h.calls.length;
    await h.chat(READER).press(LIBRARY_BUTTON.files.data(ids.shared));
    expect(h.calls.slice(since).filter((c) => c.method === "sendDocument")).toEqual([]);
    await author.press(LIBRARY_BUTTON.share.data(ids.shared, true));
  });

  it("applies filters from buttons and pages through a saved search", async () => {
    const reader = h.chat(READER);
    const first = await reader.send("/library đổi mới");
    const menuData = buttonsOf(first).find(
      (b) => b.data.startsWith("lib:fm:") && b.data.endsWith(":y"),
    )?.data;
    expect(menuData).toBeDefined();
    const menu = await reader.press(menuData as string);
    const year = buttonsOf(menu).find((b) => b.text.includes("2025-2026"));
    const filtered = await reader.press(year?.data as string);
    expect(filtered[0]?.method).toBe("editMessageText");
    expect(textsOf(filtered)).toContain("Năm học: 2025-2026");
  });

  it("answers inline mode within Telegram's limits, sharing a readable summary", async () => {
    const since = h.calls.length;
    await h.handle({
      inline_query: { id: "iq-1", from: telegramUser(READER), query: "doi moi", offset: "" },
    });
    const answer = h.calls.slice(since).find((c) => c.method === "answerInlineQuery");
    const results = answer?.payload.results as InlineQueryResultArticle[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(50);
    for (const r of results) expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
    const shared = results.find((r) => r.id === `sk${ids.shared}`);
    const text = (shared?.input_message_content as { message_text?: string } | undefined)?.message_text;
    expect(text).toContain("Đổi mới phương pháp dạy học môn Toán bằng trò chơi");
    expect(results.map((r) => r.id)).not.toContain(`sk${ids.pending}`);
    // Someone unknown to the bot is offered registration instead of results.
    const before = h.calls.length;
    await h.handle({
      inline_query: { id: "iq-2", from: telegramUser(STRANGER), query: foldForSearch("đổi"), offset: "" },
    });
    const refused = h.calls.slice(before).find((c) => c.method === "answerInlineQuery");
    expect(refused?.payload.results).toEqual([]);
    expect(refused?.payload.button).toBeDefined();
  });

  it("keeps /find for administrators", async () => {
    const teacherReplies = await h.chat(READER).send("/find SK-2026-00003");
    expect(textsOf(teacherReplies)).not.toContain("SK-2026-00003");
    const found = await h.chat(ADMIN).send("/find pham duc anh");
    expect(textsOf(found)).toContain("SK-2026-00003");
    const opened = await h.chat(ADMIN).press(LIBRARY_BUTTON.findOpen.data(ids.pending));
    expect(textsOf(opened)).toContain("Đã nộp");
    const forged = await h.chat(READER).press(LIBRARY_BUTTON.findOpen.data(ids.pending));
    expect(textsOf(forged)).not.toContain("Đổi mới công tác thư viện");
  });

  it("records a unit head's 'we apply it' once and tells the author once", async () => {
    const head = h.chat(HEAD);
    const summary = await head.press(LIBRARY_BUTTON.open.data(ids.shared));
    expect(buttonsOf(summary).map((b) => b.data)).toContain(LIBRARY_BUTTON.apply.data(ids.shared));
    expect(
      buttonsOf(await h.chat(READER).press(LIBRARY_BUTTON.open.data(ids.shared))).map((b) => b.data),
    ).not.toContain(LIBRARY_BUTTON.apply.data(ids.shared));
    await head.press(LIBRARY_BUTTON.apply.data(ids.shared));
    expect(textsOf(await head.send("hôm qua"))).toContain("dd/mm/yyyy");
    expect(textsOf(await head.send("01/09/2026; áp dụng cho khối 6"))).toContain("Đã ghi nhận");
    await head.press(LIBRARY_BUTTON.apply.data(ids.shared));
    expect(textsOf(await head.send("02/09/2026"))).toContain("từ trước");
    const notices = await t.db
      .selectFrom("broadcasts as b")
      .innerJoin("broadcast_deliveries as d", "d.broadcast_id", "b.id")
      .innerJoin("users as u", "u.id", "d.user_id")
      .select(["b.kind", "u.telegram_id"])
      .where("b.kind", "=", "initiative-applied")
      .execute();
    expect(notices.map((n) => Number(n.telegram_id))).toEqual([AUTHOR]);
    const shown = await h.chat(READER).press(LIBRARY_BUTTON.open.data(ids.shared));
    expect(textsOf(shown)).toContain("THCS Kim Đồng (từ 01/09/2026)");
    // A teacher who heads no unit is refused, by the service as well as by the missing button.
    const forged = await h.chat(READER).press(LIBRARY_BUTTON.apply.data(ids.shared));
    expect(textsOf(forged)).not.toContain("dd/mm/yyyy");
  });
});
