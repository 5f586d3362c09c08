import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { dateIn, schoolYearOf } from "../../src/shared/time.js";
import { SubmissionsService } from "../../src/submissions/submissions.service.js";
import { type BotProcess, seedDemoUnits, startBot, tempDir } from "../helpers/bot-process.js";
import { insertOpenCampaign, insertPerson, unitIdByName } from "../helpers/campaign-fixtures.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { fillInitiative } from "../helpers/initiative-answers.js";

const ADMIN = 9101;
const AUTHOR = 5201;
const HEAD = 5202; // head of THPT Lê Lợi
const OTHER_HEAD = 5203; // head of THPT Nguyễn Du
const REVIEWER = 5204; // a council member from THPT Nguyễn Du

describe("a unit head endorses or returns, an administrator decides, the author is told at once", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;
  let env: Record<string, string>;
  const ids: Record<"a" | "b" | "c" | "campaign", number> = { a: 0, b: 0, c: 0, campaign: 0 };
  const chat = (id: number) => new FakeChat(api, id);
  const adminTextsSince = (since: number) =>
    api.calls
      .slice(since)
      .filter((c) => c.method === "sendMessage" && Number(c.payload.chat_id) === ADMIN)
      .map((c) => String(c.payload.text))
      .join("\n");
  const toAuthor = (since: number, pattern: string) =>
    api.waitForCall((c) => Number(c.payload.chat_id) === AUTHOR && String(c.payload.text).includes(pattern), {
      since,
    });

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    env = { DATA_DIR: tempDir(), ADMIN_TELEGRAM_IDS: String(ADMIN) };
    seedDemoUnits(env);
    const database: DatabaseHandle = await createDatabase({
      kind: "pglite",
      dataDir: env.DATA_DIR as string,
    });
    const db = database.db;
    const leLoi = await unitIdByName(db, "THPT Lê Lợi");
    const nguyenDu = await unitIdByName(db, "THPT Nguyễn Du");
    const author = await insertPerson(db, AUTHOR, leLoi, "Nguyễn Thị Lan");
    // The author reads English; the administrator and the heads, Vietnamese: each is told in their own language.
    await db.updateTable("users").set({ locale: "en" }).where("id", "=", author).execute();
    const head = await insertPerson(db, HEAD, leLoi, "Hiệu trưởng Lê Lợi");
    const otherHead = await insertPerson(db, OTHER_HEAD, nguyenDu, "Hiệu trưởng Nguyễn Du");
    await db
      .insertInto("user_roles")
      .values([
        { user_id: head, role: "unit_head", unit_id: leLoi, granted_by: null },
        { user_id: otherHead, role: "unit_head", unit_id: nguyenDu, granted_by: null },
      ])
      .execute();
    for (const [key, code] of [
      ["a", "SK-2026-00001"],
      ["b", "SK-2026-00002"],
    ] as const) {
      const row = await db
        .insertInto("submissions")
        .values({
          kind: "initiative",
          status: "submitted",
          code,
          title: `Sáng kiến ${code}`,
          submitter_id: author,
          unit_id: leLoi,
          submitted_at: new Date(),
          school_year: schoolYearOf(dateIn("Asia/Ho_Chi_Minh", new Date())),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      ids[key] = row.id;
      await db
        .insertInto("submission_authors")
        .values({ submission_id: row.id, position: 1, full_name: "Nguyễn Thị Lan", share: 100 })
        .execute();
    }
    // The one to be returned holds a complete form, as the bot's conversation would have written it, so the author
    // can edit it and send it again.
    await db
      .updateTable("submissions")
      .set({ status: "draft", draft_step: "title" })
      .where("id", "=", ids.b)
      .execute();
    const forms = new SubmissionsService(db, {
      timezone: "Asia/Ho_Chi_Minh",
      minShare: 10,
      decisionDueMonths: 3,
    });
    await fillInitiative(forms, author, ids.b, "Sáng kiến SK-2026-00002");
    await db
      .updateTable("submissions")
      .set({ status: "submitted", draft_step: null })
      .where("id", "=", ids.b)
      .execute();
    await db
      .insertInto("attachments")
      .values({
        submission_id: ids.a,
        kind: "document",
        telegram_file_id: "file-id-of-the-report",
        telegram_file_unique_id: "u1",
        file_name: "bao-cao.pdf",
        mime_type: "application/pdf",
        size_bytes: 1000,
      })
      .execute();
    // For the council: a reviewer, and a submission endorsed within a campaign.
    const reviewer = await insertPerson(db, REVIEWER, nguyenDu, "Thành viên hội đồng");
    await db
      .insertInto("user_roles")
      .values({ user_id: reviewer, role: "reviewer", unit_id: null, granted_by: null })
      .execute();
    ids.campaign = await insertOpenCampaign(db);
    ids.c = (
      await db
        .insertInto("submissions")
        .values({
          kind: "initiative",
          status: "endorsed",
          code: "SK-2026-00003",
          title: "Sáng kiến SK-2026-00003",
          submitter_id: author,
          unit_id: leLoi,
          campaign_id: ids.campaign,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await database.close();
    bot = await startBot(api, env);
  });

  afterAll(async () => {
    await bot?.stop();
    await api?.stop();
  });

  it("refuses the head's buttons to the author and to another unit's head (forged callback data)", async () => {
    expect((await chat(AUTHOR).press(`end:ok:${ids.a}`)).payload.text).toContain("⛔");
    expect((await chat(OTHER_HEAD).press(`end:ok:${ids.a}`)).payload.text).toContain("⛔");
    expect((await chat(OTHER_HEAD).send("/queue")).payload.text).toContain("Không có hồ sơ");
    expect((await chat(AUTHOR).send("/queue")).payload.text).toContain("⛔");
    expect((await chat(HEAD).send("/decide")).payload.text).toContain("⛔");
    expect((await chat(HEAD).press(`dec:r:${ids.a}:nation`)).payload.text).toContain("⛔");
  });

  it("shows the head the queue and a submission with its files sent again by file_id, then endorses it", async () => {
    const head = chat(HEAD);
    const queue = await head.send("/queue");
    expect(buttons(queue).map((b) => b.data)).toEqual([`end:o:${ids.a}`, `end:o:${ids.b}`]);
    const since = api.mark();
    await head.pressUntilButton(`end:o:${ids.a}`, `end:ok:${ids.a}`);
    const doc = api.callsOf("sendDocument").find((c) => api.calls.indexOf(c) >= since);
    expect(doc?.payload.document).toBe("file-id-of-the-report");
    expect(doc?.payload.caption).toBe("SK-2026-00001 — bao-cao.pdf (1/1)");
    const toldSince = api.mark();
    expect((await head.press(`end:ok:${ids.a}`)).payload.text).toContain("SK-2026-00001");
    expect((await toAuthor(toldSince, "SK-2026-00001")).payload.text).toContain("✅");
    // Pressed again (a second device, an old message): already done.
    expect((await head.press(`end:ok:${ids.a}`)).payload.text).toContain("Đơn vị đã xác nhận");
  });

  it("returns a submission with a note the author receives, escaped", async () => {
    const head = chat(HEAD);
    expect((await head.press(`end:ret:${ids.b}`)).payload.text).toContain("bổ sung");
    expect((await head.send("   ")).payload.text).toContain("không được để trống");
    const since = api.mark();
    expect((await head.send("Bổ sung <minh chứng> áp dụng")).payload.text).toContain("↩️");
    const told = await toAuthor(since, "SK-2026-00002");
    expect(told.payload.text).toContain("Bổ sung &lt;minh chứng&gt; áp dụng");

    // The author taps the notice's button, changes one answer and sends it again; the head is told anew.
    expect(buttons(told)).toEqual([{ text: "✏️ Edit and resubmit", data: `sub:go:${ids.b}` }]);
    const author = chat(AUTHOR);
    const summary = await author.pressUntilButton(`sub:go:${ids.b}`, "f:submit");
    const editBenefits = buttons(summary).find((b) => b.data === "e:benefits")?.data as string;
    await author.press(editBenefits);
    expect(
      buttons(await author.send("Kết quả học tập tăng 15%; minh chứng: biên bản dự giờ.")).map((b) => b.data),
    ).toContain("f:submit");
    const resent = api.mark();
    await author.press("f:submit");
    const headTold = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === HEAD && String(c.payload.text).includes("SK-2026-00002"),
      { since: resent },
    );
    expect(headTold.payload.text).toContain("Sáng kiến SK-2026-00002");
    // Announced as the completion the head asked for, not as a new submission.
    expect(headTold.payload.text).toContain("Hồ sơ đã bổ sung theo yêu cầu");
    expect(buttons(await chat(HEAD).send("/queue")).map((b) => b.data)).toEqual([`end:o:${ids.b}`]);
  });

  it("lets the administrator recognise it with a scope and a decision; the author is told", async () => {
    const admin = chat(ADMIN);
    const queue = await admin.send("/decide");
    expect(buttons(queue).map((b) => b.data)).toEqual(["bd:p:campaigns", `dec:o:${ids.a}`, `dec:o:${ids.c}`]);
    const opened = api.mark();
    await admin.pressUntilButton(`dec:o:${ids.a}`, `dec:r:${ids.a}:province`);
    expect(adminTextsSince(opened)).toContain("Nguyễn Thị Lan — 100%");
    expect((await admin.press(`dec:r:${ids.a}:province`)).payload.text).toContain("số và ngày quyết định");
    expect((await admin.send("ngày mai")).payload.text).toContain("Chưa đúng dạng");
    expect((await admin.send("1234/QĐ-SGDĐT 30/02/2026")).payload.text).toContain("không hợp lệ");
    const since = api.mark();
    expect((await admin.send("1234/QĐ-SGDĐT 15/12/2026")).payload.text).toContain("🏅");
    const told = await toAuthor(since, "SK-2026-00001");
    expect(told.payload.text).toContain("recognised at province scope");
    expect(told.payload.text).toContain("decision no. 1234/QĐ-SGDĐT of 15/12/2026");
    expect(buttons(await admin.send("/decide")).map((b) => b.data)).toEqual([
      "bd:p:campaigns",
      `dec:o:${ids.c}`,
    ]);
  });

  it("gives the administrator the year's figures, phrased like the department's report", async () => {
    expect((await chat(AUTHOR).send("/stats")).payload.text).toContain("⛔");
    const since = api.mark();
    const text = String((await chat(ADMIN).send("/stats")).payload.text);
    expect(text).toContain("Tiếp nhận <b>2</b> hồ sơ (2 sáng kiến, 0 đề cử)");
    expect(text).toContain("Công nhận <b>1</b>: 0 có phạm vi ảnh hưởng toàn quốc, 1 toàn tỉnh");
    expect(text).toContain("• THPT Lê Lợi: 2 / 1");
    const chart = await api.waitForCall((c) => c.method === "sendPhoto", { since });
    expect(chart.payload.caption).toContain("Biểu đồ năm học");
    expect(chart.payload.photo.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect((await chat(ADMIN).send("/stats năm nay")).payload.text).toContain("/stats 2025-2026");
  });

  it("sends the administrator the appendix as XLSX and CSV", async () => {
    expect((await chat(HEAD).send("/export")).payload.text).toContain("⛔");
    const since = api.mark();
    chat(ADMIN).push("/export");
    const csv = await api.waitForCall(
      (c) => c.method === "sendDocument" && String(c.payload.document?.name).endsWith(".csv"),
      { since },
    );
    const xlsx = api.calls.slice(since).find((c) => c.method === "sendDocument" && c !== csv);
    expect(xlsx?.payload.caption).toContain("2 hồ sơ");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx?.payload.document.bytes);
    const sheet = book.getWorksheet("Hồ sơ") as ExcelJS.Worksheet;
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual([
      "SK-2026-00001",
      "Sáng kiến SK-2026-00001",
      "Nguyễn Thị Lan (100%)",
    ]);
    expect(sheet.getRow(2).getCell(13).value).toBe("cấp tỉnh");
    expect(String(csv.payload.document.bytes)).toContain("SK-2026-00002");
  });

  it("lets the administrator form the council and assign; the reviewer scores on the rubric", async () => {
    const admin = chat(ADMIN);
    expect((await chat(AUTHOR).send("/review")).payload.text).toContain("⛔");
    expect((await admin.send(`/council c${ids.campaign} ${AUTHOR}`)).payload.text).toContain(String(AUTHOR));
    expect((await admin.send(`/council c${ids.campaign} ${REVIEWER}`)).payload.text).toContain(
      "1 thành viên",
    );
    // The campaign's own criteria: shown, refused with the faulty line named, then saved.
    const shown = String((await admin.send(`/council c${ids.campaign} rubric`)).payload.text);
    expect(shown).toContain("(mặc định)");
    expect(shown).toContain("1. Tính mới — trọng số 1 (25%)");
    const rubric = `/council c${ids.campaign} rubric initiative`;
    expect((await admin.send(`${rubric}\nTính <mới> 30\nHiệu quả`)).payload.text).toContain(
      "Dòng 2 thiếu trọng số",
    );
    const saved = String((await admin.send(`${rubric}\nTính <mới> 30\nHiệu quả 10`)).payload.text);
    expect(saved).toContain("(riêng của phong trào)");
    expect(saved).toContain("1. Tính &lt;mới&gt; — trọng số 30 (75%)");
    expect((await admin.send(`/council c${ids.campaign} rubric nomination\nA 1`)).payload.text).toContain(
      "không nhận hồ sơ Đề cử",
    );
    expect((await admin.send(`/council c${ids.campaign} assign`)).payload.text).toContain("1 hồ sơ");
    const r = chat(REVIEWER);
    const queue = await r.send("/review");
    const open = buttons(queue)[0]?.data as string;
    const assignment = open.slice("rev:o:".length);
    await r.pressUntilButton(open, `rev:s:${assignment}`);
    expect((await chat(OTHER_HEAD).press(`rev:s:${assignment}`)).payload.text).toContain("⛔");
    expect((await r.press(`rev:s:${assignment}`)).payload.text).toContain(
      "Bước 1/4</b> — <b>Tính &lt;mới&gt;",
    );
    expect((await r.send("11")).payload.text).toContain("từ 0 đến 10");
    expect((await r.send("8")).payload.text).toContain("Bước 2/4</b> — <b>Hiệu quả");
    // Meanwhile the administrator adds a criterion: these scores no longer fit, and the reviewer is told so.
    expect((await admin.send(`${rubric}\nTính <mới> 30\nHiệu quả 10\nMinh chứng 10`)).payload.text).toContain(
      "Đã lưu",
    );
    expect((await r.send("4,0")).payload.text).toContain("Nhận xét");
    expect((await r.send("x".repeat(2001))).payload.text).toContain("dài quá 2.000 ký tự");
    expect(buttons(await r.send("Có tính mới")).map((b) => b.data)).toContain("rs:r:recognise_province");
    expect((await r.press("rs:r:recognise_province")).payload.text).toContain("vừa được thay đổi");
    expect((await admin.send(`${rubric}\nTính <mới> 30\nHiệu quả 10`)).payload.text).toContain("Đã lưu");
    // Scored again on the criteria as they now stand.
    await r.press(`rev:s:${assignment}`);
    await r.send("8");
    expect((await r.send("4")).payload.text).toContain("Nhận xét");
    expect(buttons(await r.send("Có tính mới")).map((b) => b.data)).toContain("rs:r:recognise_province");
    // (8 × 30 + 4 × 10) / 40
    expect((await r.press("rs:r:recognise_province")).payload.text).toContain("<b>7</b>/10");
    expect((await admin.send(`${rubric} default`)).payload.text).toContain("không đổi được nữa");
    expect((await r.send("/review")).payload.text).toContain("Không có hồ sơ");
    // The administrator decides with the council's score, recommendation and comment in view.
    const opened = api.mark();
    await chat(ADMIN).pressUntilButton(`dec:o:${ids.c}`, `dec:x:${ids.c}`);
    const card = adminTextsSince(opened);
    expect(card).toContain("Thành viên hội đồng: 7/10, đề xuất: Công nhận — cấp tỉnh — <i>Có tính mới</i>");
    expect(card).toContain("Bình quân: <b>7</b>/10 (điểm đạt 5) → đề xuất: <b>Cấp tỉnh</b>");
  });
});
