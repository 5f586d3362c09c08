import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/create-database.js";
import { type BotProcess, seedDemoUnits, startBot, tempDir } from "../helpers/bot-process.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { registerThroughStart } from "../helpers/register.js";

const UNIT_HEAD = 7999;

describe("a teacher submits an initiative from a phone", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    env = { DATA_DIR: tempDir() };
    seedDemoUnits(env);
    // The head of THPT Lê Lợi, who reads English, is to be told of each new submission from the unit.
    const database = await createDatabase({ kind: "pglite", dataDir: env.DATA_DIR as string });
    const unit = await database.db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "THPT Lê Lợi")
      .executeTakeFirstOrThrow();
    const head = await database.db
      .insertInto("users")
      .values({
        telegram_id: UNIT_HEAD,
        full_name: "Hiệu trưởng",
        telegram_name: "HT",
        unit_id: unit.id,
        locale: "en",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto("user_roles")
      .values({ user_id: head.id, role: "unit_head", unit_id: unit.id, granted_by: null })
      .execute();
    // A campaign open to everyone that takes nominations (not initiatives).
    await database.db
      .insertInto("campaigns")
      .values({
        title: "Người tốt việc tốt 2026–2027",
        school_year: "2026-2027",
        accepts_initiatives: false,
        accepts_nominations: true,
        opens_at: new Date(Date.now() - 86_400_000),
        deadline_at: new Date(Date.now() + 30 * 86_400_000),
        status: "open",
      })
      .execute();
    await database.close();
    bot = await startBot(api, env);
  });

  afterAll(async () => {
    await bot.stop();
    await api.stop();
  });

  /** Sends a wrong answer: returns the hint, after the bot has asked the same question again. */
  async function sendWrong(chat: FakeChat, text: string): Promise<string> {
    const hint = await chat.send(text);
    const again = await chat.nextReply(api.calls.indexOf(hint) + 1);
    expect(again.payload.text).toMatch(/Bước \d+\/\d+/);
    return String(hint.payload.text);
  }

  it("fills in every step with hints on mistakes, survives a restart, edits from the summary, submits and withdraws", async () => {
    const chat = new FakeChat(api, 7001, { first_name: "Lan", last_name: "Nguyễn Thị" });
    expect((await chat.send("/submit")).payload.text).toContain("cần đăng ký");
    await registerThroughStart(api, chat);

    await chat.send("/submit");
    const title = await chat.press("sub:kind:initiative");
    expect(title.payload.text).toContain("Bước 1/12");
    expect(title.payload.text).toContain("Tên sáng kiến");

    // A refused answer gets a hint, then the same question again.
    const sticker = await chat.sendSticker();
    expect(sticker.payload.text).toContain("cần câu trả lời bằng chữ");
    expect((await chat.nextReply(api.calls.indexOf(sticker) + 1)).payload.text).toContain("Bước 1/12");
    expect(await sendWrong(chat, "x".repeat(301))).toContain("dài 301 ký tự, quá giới hạn 300");

    const type = await chat.send("Ứng dụng <trò chơi> trong dạy học Toán 10");
    expect(type.payload.text).toContain("Bước 2/12");
    expect(await sendWrong(chat, "sáng kiến")).toContain("chọn một trong các nút");
    expect((await chat.press("a:initiative")).payload.text).toContain("Bước 3/12");
    const backToType = await chat.press("f:back");
    expect(buttons(backToType).map((b) => b.text)).toContain("✓ Sáng kiến");
    await chat.press("a:initiative");

    expect((await chat.press("a:other")).payload.text).toContain("Bước 3/12</b> — <b>Lĩnh vực khác</b>");
    expect((await chat.send("Giáo dục STEM")).payload.text).toContain("Bước 4/12");

    // A long text split by the phone into parts is joined.
    const part = await chat.send(`Thực trạng: ${"a".repeat(3990)}`);
    expect(part.payload.text).toContain("Đã nhận 4.002 ký tự");
    expect((await chat.send("phần cuối.")).payload.text).toContain(
      "Bước 5/12</b> — <b>Ngày áp dụng lần đầu</b>",
    );

    expect(await sendWrong(chat, "31/02/2025")).toContain("Ngày chưa đúng");
    expect(await sendWrong(chat, "01/01/2099")).toContain("không thể ở tương lai");
    expect((await chat.send("05/09/2025")).payload.text).toContain("Bước 6/12");
    await chat.send("Tổ chức trò chơi học tập theo nhóm.");
    await chat.send("Máy chiếu, phiếu học tập.");
    expect((await chat.send("Tỷ lệ khá giỏi tăng từ 40% lên 55%.")).payload.text).toContain("Bước 9/12");
    expect((await chat.press("f:skip")).payload.text).toContain("Bước 10/12</b> — <b>Đồng tác giả</b>");

    expect(await sendWrong(chat, "Trần Văn Bình, THPT Lê Lợi, 30")).toContain("Dòng 1 chưa đúng mẫu");
    expect((await chat.send("Trần Văn Bình; THPT Lê Lợi; 30")).payload.text).toContain(
      "Bước 10/12</b> — <b>Tỷ lệ",
    );
    expect(await sendWrong(chat, "60")).toContain("Tổng tỷ lệ đóng góp đang là 90%");
    expect((await chat.send("70")).payload.text).toContain("Bước 11/12");

    // The bot restarts in the middle of the form: the next answer is taken where it left off.
    expect(await bot.stop()).toBe(0);
    bot = await startBot(api, env);
    expect((await chat.press("a:province")).payload.text).toContain("Bước 12/12</b> — <b>Tệp đính kèm</b>");

    expect(
      (await chat.sendDocument({ name: "virus.exe", mimeType: "application/x-msdownload", sizeBytes: 10 }))
        .payload.text,
    ).toContain("không được nhận");
    expect(
      (
        await chat.sendDocument({
          name: "video.pdf",
          mimeType: "application/pdf",
          sizeBytes: 25 * 1024 * 1024,
        })
      ).payload.text,
    ).toContain("lớn hơn 20 MB");
    expect(
      (
        await chat.sendDocument({
          name: "bao-cao-sang-kien.pdf",
          mimeType: "application/pdf",
          sizeBytes: 300_000,
        })
      ).payload.text,
    ).toContain("Đã nhận tệp (1/10)");

    const since = api.mark();
    const summary = await chat.pressUntilButton("f:done", "f:submit");
    const summaryText = chat.textsSince(since).join("\n");
    expect(summaryText).toContain("Ứng dụng &lt;trò chơi&gt; trong dạy học Toán 10");
    // Both parts are there, in order (the summary itself may split the long line between messages).
    expect(summaryText.replaceAll("\n", "")).toContain(`Thực trạng: ${"a".repeat(3990)}phần cuối.`);
    expect(summaryText).toContain("05/09/2025");
    expect(summaryText).toContain("• Trần Văn Bình — THPT Lê Lợi — 30%");
    expect(summaryText).toContain("70%");
    expect(summaryText).toContain("• bao-cao-sang-kien.pdf");
    expect(summaryText).toContain("Cấp tỉnh");
    // Longer than one Telegram message: split, every part within the limit.
    expect(chat.textsSince(since).length).toBeGreaterThan(1);
    expect(chat.textsSince(since).every((t) => t.length <= 4096)).toBe(true);
    expect(buttons(summary).map((b) => b.data)).toEqual(
      expect.arrayContaining(["e:title", "e:benefits", "f:submit"]),
    );

    // Short ✏️ labels, three to a row, so none is cut on a phone.
    expect(buttons(summary).map((b) => b.text)).toEqual(expect.arrayContaining(["✏️ Tên", "✏️ Hiệu quả"]));
    const edit = await chat.press("e:title");
    // The summary's message turns into the question in place: no new copy of a long summary per edit.
    expect(edit.method).toBe("editMessageText");
    expect(buttons(edit).map((b) => b.data)).toContain("f:back");
    expect(edit.payload.text).toContain("Câu trả lời trước");
    const edited = await chat.pressUntilButton("f:keep", "f:submit");
    expect(edited).toBeDefined();

    const receiptSince = api.mark();
    const receipt = await chat.press("f:submit");
    expect(receipt.payload.text).toMatch(/Mã hồ sơ: <b>SK-\d{4}-00001<\/b>/);
    expect(receipt.payload.text).toContain("Hạn có kết quả xét:");
    expect(chat.textsSince(receiptSince)).toHaveLength(1);
    const notice = await api.waitForCall(
      (c) => c.method === "sendMessage" && c.payload.chat_id === UNIT_HEAD,
      { since: receiptSince },
    );
    expect(notice.payload.text).toContain("A new submission from your unit");
    expect(notice.payload.text).toMatch(/Initiative <b>SK-\d{4}-00001<\/b>: Ứng dụng &lt;trò chơi&gt;/);
    expect(notice.payload.text).toContain("Submitted by: Lan Nguyễn Thị");

    const list = await chat.send("/my");
    expect(list.payload.text).toContain("Ứng dụng &lt;trò chơi&gt; trong dạy học Toán 10");
    expect(list.payload.text).toContain("Đã nộp, chờ đơn vị xác nhận");
    const open = buttons(list)[0]?.data ?? "";
    const details = await chat.press(open);
    expect(details.payload.text).toContain("Lịch sử");
    expect(details.payload.text).toContain("Đã nộp");
    const withdraw = buttons(details).find((b) => b.data.startsWith("my:w:"))?.data ?? "";
    const confirm = await chat.press(withdraw);
    const yes = buttons(confirm).find((b) => b.data.startsWith("my:wy:"))?.data ?? "";
    expect((await chat.press(yes)).payload.text).toBe("Đã rút hồ sơ.");
    expect((await chat.send("/my")).payload.text).toContain("Đã rút");

    // Forged ids in callback data are refused.
    expect((await chat.press("my:999999")).payload.text).toContain("Không tìm thấy hồ sơ");
    expect((await chat.press("my:wy:999999")).payload.text).toContain("Không tìm thấy hồ sơ");
    expect((await chat.press("sub:go:999999")).payload.text).toContain("Không tìm thấy hồ sơ");
  });

  it("keeps the draft through /cancel and offers to continue it", async () => {
    const chat = new FakeChat(api, 7002, { first_name: "Bình", last_name: "Trần Văn" });
    await registerThroughStart(api, chat, "thcs tran phu");
    await chat.send("/submit");
    await chat.press("sub:kind:initiative");
    await chat.send("Câu lạc bộ đọc sách");
    expect((await chat.send("/cancel")).payload.text).toContain("Đã lưu bản nháp");

    const drafts = await chat.send("/drafts");
    expect(buttons(drafts)[0]?.text).toContain("Câu lạc bộ đọc sách — Bước 2/12");
    expect((await chat.press(buttons(drafts)[0]?.data ?? "")).payload.text).toContain("Bước 2/12");
    expect((await chat.press("f:cancel")).payload.text).toContain("Đã lưu bản nháp");

    await chat.send("/submit");
    const offer = await chat.press("sub:kind:initiative");
    expect(offer.payload.text).toContain("Bước 2/12");
    expect((await chat.press("sub:go:0")).payload.text).toContain("Không tìm thấy");
    expect((await chat.press(buttons(offer)[0]?.data ?? "")).payload.text).toContain("Bước 2/12");
    await chat.press("f:cancel");
    const fresh = await chat.press("sub:fresh:initiative");
    expect(fresh.payload.text).toContain("Bước 1/12");
    expect(fresh.payload.text).not.toContain("Câu lạc bộ đọc sách");
  });

  it("submits a nomination of someone else", async () => {
    const chat = new FakeChat(api, 7003, { first_name: "Hoa", last_name: "Lê Thị", language_code: "en" });
    await registerThroughStart(api, chat, "tan hoa");
    await chat.send("/submit");
    const campaignStep = await chat.press("sub:kind:nomination");
    expect(campaignStep.payload.text).toContain("Step 1/8</b> — <b>Campaign</b>");
    const campaignButton = buttons(campaignStep)[0];
    expect(campaignButton?.text).toMatch(/^Người tốt việc tốt 2026–2027 — due \d{2}\/\d{2}\/\d{4}$/);
    expect(buttons(campaignStep).map((b) => b.text)).toContain("🚫 Not for a campaign");
    expect((await chat.press(campaignButton?.data ?? "")).payload.text).toContain("Step 2/8");
    await chat.press("a:sudden");
    expect((await chat.press("a:other")).payload.text).toContain("Step 3/8</b> — <b>Nominee's full name</b>");
    await chat.send("Nguyễn Văn An");
    await chat.send("Giáo viên Thể dục");
    await chat.send("THPT Tân Hòa");
    await chat.press("a:giay_khen");
    await chat.send("Cứu hai học sinh bị đuối nước ngày 12/10/2025");
    expect((await chat.send("Ngày 12/10/2025, thầy An đã cứu hai học sinh.")).payload.text).toContain(
      "Step 8/8",
    );
    await chat.pressUntilButton("f:done", "f:submit");
    expect((await chat.press("f:submit")).payload.text).toMatch(/Code: <b>DC-\d{4}-00001<\/b>/);
  });
});
