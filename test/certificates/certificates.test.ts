import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import QRCode from "qrcode";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BUTTON } from "../../src/bot/callback-data.js";
import { verificationLink } from "../../src/certificates/certificate-code.js";
import { NotCertifiableError, TooManyLookupsError } from "../../src/certificates/certificate-errors.js";
import { QR_BOX } from "../../src/certificates/certificate-pdf.js";
import { LOOKUPS_PER_MINUTE } from "../../src/certificates/certificates.service.js";
import { SubmissionNotFoundError } from "../../src/submissions/errors.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import {
  batchDecision,
  endorsedSubmission,
  pdfFonts,
  pdfInfo,
  pdfText,
  qrOnFirstPage,
  recogniseOne,
  TITLE,
} from "../helpers/decision-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const AUTHOR = 7401;
const OTHER = 7402;
const ADMIN = 7900;
const DECISION = { scope: "province" as const, number: "336/QĐ-SGDĐT", date: "2026-07-14" };
const CODE_IN_LINK = /start=v_([A-Z2-7]{20})/;

describe.each(DIALECTS)("certificates of recognised initiatives (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "certificates-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeEach(() => truncateAll(t.db));

  /** An author (with a co-author from another unit) whose initiative the single /decide recognised. */
  async function world() {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, ADMIN);
    const authorId = await teacher(t.db, AUTHOR, units.u1);
    const otherId = await teacher(t.db, OTHER, units.u1);
    const submissionId = await endorsedSubmission(t.db, {
      submitterId: authorId,
      unitId: units.u1,
      code: "SK-2026-00042",
      authors: [
        { name: "Nguyễn Thị Ánh Tuyết", share: 62.5, self: true },
        { name: "Lê Văn Đức", share: 37.5, unit: "THCS Kim Đồng" },
      ],
    });
    const decisionId = await recogniseOne(t.db, adminId, submissionId, DECISION);
    const h = new InProcessBot(t.db, {
      DECISION_ISSUER_PARENT: "UBND TỈNH LÂM ĐỒNG",
      DECISION_PLACE: "Đà Lạt",
    });
    await h.bot.init();
    return { h, units, adminId, authorId, otherId, submissionId, decisionId };
  }

  /** The author's certificates, from /my: the PDF's bytes. */
  async function certificateFromMy(h: InProcessBot, submissionId: number) {
    const details = await h.chat(AUTHOR).press(BUTTON.myDetails.data(submissionId));
    expect(buttonsOf(details).map((b) => b.data)).toContain(BUTTON.myCertificate.data(submissionId));
    const since = h.uploads.length;
    const sent = await h.chat(AUTHOR).press(BUTTON.myCertificate.data(submissionId));
    expect(sent.map((c) => c.method)).toEqual(["sendDocument"]);
    const [upload] = h.uploads.slice(since);
    expect(upload?.name).toBe("giay-chung-nhan-sk-2026-00042.pdf");
    return upload?.bytes as Buffer;
  }

  it("gives the author, from /my, a certificate per author naming the person, initiative and decision", async () => {
    const { h, submissionId } = await world();
    // The list says the scope and the decision beside the status.
    expect(textsOf(await h.chat(AUTHOR).send("/my"))).toContain(
      "Được công nhận, cấp tỉnh — Quyết định số 336/QĐ-SGDĐT ngày 14/07/2026",
    );
    const details = textsOf(await h.chat(AUTHOR).press(BUTTON.myDetails.data(submissionId)));
    expect(details).toContain(
      "Phạm vi ảnh hưởng: <b>cấp tỉnh</b> — Quyết định số <b>336/QĐ-SGDĐT</b> ngày 14/07/2026",
    );

    const pdf = await certificateFromMy(h, submissionId);
    const info = await pdfInfo(pdf, dir);
    expect(info.Pages).toBe("2");
    expect(info["Page size"]).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    // The font is embedded (a subset of DejaVu Serif), so the Vietnamese prints the same everywhere.
    expect(await pdfFonts(pdf, dir)).toMatch(/DejaVuSerif\S*\s+(CID )?TrueType\S*\s+\S+\s+yes/);
    const text = await pdfText(pdf, dir);
    for (const expected of [
      "UBND TỈNH LÂM ĐỒNG",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "GIẤY CHỨNG NHẬN",
      "Nguyễn Thị Ánh Tuyết",
      "Đơn vị: THPT Lê Lợi",
      "Là tác giả (tỷ lệ đóng góp 62,5%) của sáng kiến",
      `“${TITLE}”`,
      "Lê Văn Đức",
      "Đơn vị: THCS Kim Đồng",
      "(tỷ lệ đóng góp 37,5%)",
      "Mã hồ sơ: SK-2026-00042 · Phạm vi ảnh hưởng: cấp tỉnh",
      "Được công nhận theo Quyết định số 336/QĐ-SGDĐT ngày 14/07/2026.",
      "Đà Lạt, ngày 14 tháng 7 năm 2026",
      "https://t.me/bench_bot?start=v_",
    ])
      expect(text).toContain(expected);
    // Asked again: the same codes (one certificate per author, made once).
    const again = await pdfText(await certificateFromMy(h, submissionId), dir);
    expect(again.match(new RegExp(CODE_IN_LINK, "g"))).toEqual(text.match(new RegExp(CODE_IN_LINK, "g")));
    const rows = await t.db.selectFrom("certificates").select(["code", "submission_id"]).execute();
    expect(rows).toHaveLength(2);
  });

  it("answers /start v_<code> with what the certificate certifies; a forged code is unknown; a revoked decision shows", async () => {
    const { h, submissionId, decisionId } = await world();
    const pdf = await certificateFromMy(h, submissionId);
    const text = await pdfText(pdf, dir);
    const code = CODE_IN_LINK.exec(text)?.[1] as string;
    // The QR code drawn on the page is exactly the verification link's: scanning it sends /start v_<code>.
    const expected = QRCode.create(verificationLink("bench_bot", code), {
      errorCorrectionLevel: "M",
    }).modules;
    const rows = Array.from({ length: expected.size }, (_, r) =>
      Array.from({ length: expected.size }, (_, c) => (expected.get(r, c) ? "1" : "0")).join(""),
    );
    expect(await qrOnFirstPage(pdf, dir, QR_BOX, expected.size)).toEqual(rows);

    // Anyone, registered or not: a stranger scans the QR code.
    const genuine = textsOf(await h.chat(7501).send(`/start v_${code}`));
    expect(genuine).toContain("✅ <b>Giấy chứng nhận hợp lệ</b>");
    expect(genuine).toContain("Chứng nhận <b>Nguyễn Thị Ánh Tuyết</b> là tác giả sáng kiến");
    expect(genuine).toContain(`“${TITLE}” (mã hồ sơ SK-2026-00042)`);
    expect(genuine).toContain(
      "phạm vi ảnh hưởng <b>cấp tỉnh</b> theo Quyết định số <b>336/QĐ-SGDĐT</b> ngày 14/07/2026",
    );
    // The person checking is not asked to register.
    expect(genuine).not.toContain("13/2023/NĐ-CP");
    const inEnglish = textsOf(await h.chat(7502, { language_code: "en" }).send(`/start v_${code}`));
    expect(inEnglish).toContain("✅ <b>Genuine certificate</b>");

    const forged = `${code.slice(0, -1)}${code.endsWith("A") ? "B" : "A"}`;
    const unknown = textsOf(await h.chat(7503).send(`/start v_${forged}`));
    expect(unknown).toContain("Không tìm thấy giấy chứng nhận nào có mã này");
    expect(unknown).not.toContain("Nguyễn Thị Ánh Tuyết");
    expect(textsOf(await h.chat(7503).send("/start v_not-a-code"))).toContain(
      "Không tìm thấy giấy chứng nhận",
    );

    // Not an administrator: the revocation is refused and changes nothing.
    expect(textsOf(await h.chat(AUTHOR).send(`/decisions revoke ${decisionId} thử`))).toContain(
      "không có quyền",
    );
    expect(textsOf(await h.chat(ADMIN).send(`/decisions revoke ${decisionId}`))).toContain(
      "Cần ghi lý do thu hồi",
    );
    const revoked = textsOf(
      await h.chat(ADMIN).send(`/decisions revoke ${decisionId} Ban hành nhầm danh sách`),
    );
    expect(revoked).toContain("Đã thu hồi Quyết định số <b>336/QĐ-SGDĐT</b> ngày 14/07/2026");
    expect(textsOf(await h.chat(ADMIN).send(`/decisions revoke ${decisionId} lần nữa`))).toContain(
      "đã được thu hồi trước đó",
    );
    const audit = await t.db
      .selectFrom("audit_log")
      .select("subject")
      .where("action", "=", "decision.revoked")
      .execute();
    expect(audit.map((a) => a.subject)).toEqual([
      { decisionId, number: "336/QĐ-SGDĐT", decidedOn: "2026-07-14", note: "Ban hành nhầm danh sách" },
    ]);

    const afterRevocation = textsOf(await h.chat(7504).send(`/start v_${code}`));
    expect(afterRevocation).toContain("⛔ <b>Giấy chứng nhận đã bị thu hồi</b>");
    expect(afterRevocation).toContain("Quyết định số <b>336/QĐ-SGDĐT</b> ngày 14/07/2026 không còn giá trị");
    expect(afterRevocation).not.toContain("hợp lệ");
    // The author's details say so, without the certificate button.
    const details = await h.chat(AUTHOR).press(BUTTON.myDetails.data(submissionId));
    expect(textsOf(details)).toMatch(/⛔ Quyết định này đã bị thu hồi ngày \d\d\/\d\d\/\d{4}\./);
    expect(buttonsOf(details).map((b) => b.data)).not.toContain(BUTTON.myCertificate.data(submissionId));
    // And no new certificate is issued under it (a button pressed before the revocation).
    expect(textsOf(await h.chat(AUTHOR).press(BUTTON.myCertificate.data(submissionId)))).toContain(
      "đã bị thu hồi, nên không cấp giấy chứng nhận",
    );
  });

  it("limits lookups to a few a minute per person, in the database, and says so in the person's language", async () => {
    const { h, submissionId, authorId } = await world();
    const { certificates } = await h.services.certificates.forSubmission(authorId, submissionId);
    const code = certificates[0]?.code as string;
    const minute = new Date("2026-12-06T10:00:00Z");
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++)
      await expect(h.services.certificates.verify(7601, `WRONG${i}`, minute)).resolves.toEqual({
        status: "unknown",
      });
    // Even the right code is refused now: guessing cannot go on.
    await expect(
      h.services.certificates.verify(7601, code, new Date(minute.getTime() + 59_000)),
    ).rejects.toBeInstanceOf(TooManyLookupsError);
    // Another person is not affected; the next minute starts afresh.
    await expect(h.services.certificates.verify(7602, code, minute)).resolves.toMatchObject({
      status: "genuine",
    });
    await expect(
      h.services.certificates.verify(7601, code, new Date(minute.getTime() + 60_000)),
    ).resolves.toMatchObject({
      status: "genuine",
    });

    // Through the bot: the limit reached in this minute, the answer is the polite refusal.
    await waitClearOfMinuteEnd();
    await t.db
      .insertInto("verification_attempts")
      .values({ telegram_id: 7603, window_start: startOfMinute(new Date()), attempts: LOOKUPS_PER_MINUTE })
      .execute();
    const refused = textsOf(await h.chat(7603).send(`/start v_${code}`));
    expect(refused).toContain("tra cứu quá nhiều lần trong một phút");
    expect(refused).not.toContain("hợp lệ");
  });

  it("gives certificates only to the authors of a recognised initiative", async () => {
    const { h, units, adminId, authorId, otherId, submissionId } = await world();
    const certificates = h.services.certificates;
    // Someone else's submission, named in a forged button: not even acknowledged.
    await expect(certificates.forSubmission(otherId, submissionId)).rejects.toBeInstanceOf(
      SubmissionNotFoundError,
    );
    expect(textsOf(await h.chat(OTHER).press(BUTTON.myCertificate.data(submissionId)))).toContain(
      "Không tìm thấy hồ sơ này",
    );
    // Not recognised (yet): no certificate, and no button.
    const pending = await endorsedSubmission(t.db, {
      submitterId: authorId,
      unitId: units.u1,
      code: "SK-2026-00043",
      authors: [{ name: "Nguyễn Thị Ánh Tuyết", share: 100, self: true }],
    });
    await expect(certificates.forSubmission(authorId, pending)).rejects.toBeInstanceOf(NotCertifiableError);
    const details = await h.chat(AUTHOR).press(BUTTON.myDetails.data(pending));
    expect(buttonsOf(details).map((b) => b.data)).not.toContain(BUTTON.myCertificate.data(pending));
    // A recognised nomination is not an initiative: no initiative certificate.
    const nomination = await endorsedSubmission(t.db, {
      submitterId: authorId,
      unitId: units.u1,
      code: "DC-2026-00001",
      kind: "nomination",
      authors: [{ name: "Nguyễn Thị Ánh Tuyết", share: 100, self: true }],
    });
    await recogniseOne(t.db, adminId, nomination, DECISION);
    await expect(certificates.forSubmission(authorId, nomination)).rejects.toMatchObject({
      reason: "not-recognised",
    });
    expect(await t.db.selectFrom("certificates").select("id").execute()).toEqual([]);
  });

  it("gives administrators, and only them, a decision's .docx, its list as XLSX and all its certificates", async () => {
    const { h, units, adminId, authorId, decisionId } = await world();
    // A decision over several submissions, as a batch makes it (with its signer).
    const ids: number[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        await endorsedSubmission(t.db, {
          submitterId: authorId,
          unitId: i === 2 ? units.u3 : units.u1,
          code: `SK-2026-0010${i}`,
          title: `Sáng kiến số ${i}: đổi mới kiểm tra, đánh giá`,
          authors: [
            { name: `Tác giả ${i}`, share: 100 - i * 10, self: true },
            ...(i > 0 ? [{ name: `Đồng tác giả ${i}`, share: i * 10 }] : []),
          ],
        }),
      );
    const batch = await batchDecision(t.db, {
      adminId,
      number: "771/QĐ-SGDĐT",
      date: "2026-08-01",
      signer: "Trần Văn Bình",
      submissions: ids.map((id, i) => ({ id, scope: i === 0 ? "nation" : "province" })),
    });

    const s = h.services;
    for (const refused of [
      () => s.documents.list(authorId, 0),
      () => s.documents.decisionDocx(authorId, batch),
      () => s.documents.decisionXlsx(authorId, batch, join(dir, "x.xlsx")),
      () => s.documents.revoke(authorId, batch, "x", new Date()),
      () => s.certificates.forDecision(authorId, batch),
    ])
      await expect(refused()).rejects.toBeInstanceOf(ForbiddenError);
    expect(textsOf(await h.chat(AUTHOR).send("/decisions"))).toContain("không có quyền");

    const list = await h.chat(ADMIN).send("/decisions");
    expect(buttonsOf(list).map((b) => [b.text, b.data])).toEqual([
      ["771/QĐ-SGDĐT — 01/08/2026 (3)", BUTTON.decisionOpen.data(batch)],
      ["336/QĐ-SGDĐT — 14/07/2026 (1)", BUTTON.decisionOpen.data(decisionId)],
    ]);
    const card = await h.chat(ADMIN).press(BUTTON.decisionOpen.data(batch));
    expect(textsOf(card)).toContain("Người ký: Trần Văn Bình");
    expect(buttonsOf(card).map((b) => b.data)).toEqual([
      BUTTON.decisionFile.data(batch, "docx"),
      BUTTON.decisionFile.data(batch, "xlsx"),
      BUTTON.decisionFile.data(batch, "certs"),
      BUTTON.decisionRevoke.data(batch),
    ]);

    let since = h.uploads.length;
    await h.chat(ADMIN).press(BUTTON.decisionFile.data(batch, "certs"));
    const [certs] = h.uploads.slice(since);
    expect(certs?.name).toBe("giay-chung-nhan-771-qd-sgddt.pdf");
    const pdf = certs?.bytes as Buffer;
    expect((await pdfInfo(pdf, dir)).Pages).toBe("5"); // 1 + 2 + 2 authors
    const text = await pdfText(pdf, dir);
    for (const name of [
      "Tác giả 0",
      "Tác giả 1",
      "Đồng tác giả 1",
      "Tác giả 2",
      "Đồng tác giả 2",
      "Trần Văn Bình",
    ])
      expect(text).toContain(name);
    expect(text).toContain("Phạm vi ảnh hưởng: toàn quốc");
    expect(text).toContain("Đơn vị: THPT Trần Phú");

    since = h.uploads.length;
    await h.chat(ADMIN).press(BUTTON.decisionFile.data(batch, "xlsx"));
    const [xlsx] = h.uploads.slice(since);
    const book = new ExcelJS.Workbook();
    await writeFile(join(dir, "list.xlsx"), xlsx?.bytes as Buffer);
    await book.xlsx.readFile(join(dir, "list.xlsx"));
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      1,
      "SK-2026-00100",
      "Sáng kiến số 0: đổi mới kiểm tra, đánh giá",
      "Tác giả 0 (100%)",
      "THPT Lê Lợi",
      "toàn quốc",
      undefined,
      "771/QĐ-SGDĐT",
      new Date("2026-08-01T00:00:00Z"),
    ]);
    expect(sheet.getRow(2).getCell(9).numFmt).toBe("dd/mm/yyyy");

    since = h.uploads.length;
    await h.chat(ADMIN).press(BUTTON.decisionFile.data(batch, "docx"));
    const [docx] = h.uploads.slice(since);
    expect(docx?.name).toBe("quyet-dinh-771-qd-sgddt.docx");
    // A .docx is a zip whose first entry is [Content_Types].xml (its text is checked in decision-docx.test.ts).
    expect(docx?.bytes.subarray(0, 2).toString()).toBe("PK");

    // The revoke button says how, with the command ready to copy; the reason is a message of its own.
    const how = await h.chat(ADMIN).press(BUTTON.decisionRevoke.data(batch));
    expect(textsOf(how)).toContain(`<code>/decisions revoke ${batch} &lt;lý do&gt;</code>`);
    expect(how[0]?.payload.reply_markup.inline_keyboard[0][0].copy_text).toEqual({
      text: `/decisions revoke ${batch} `,
    });
  });

  it("pages the decisions, newest first, eight at a time", async () => {
    const { h, adminId } = await world();
    for (let day = 1; day <= 9; day++)
      await batchDecision(t.db, {
        adminId,
        number: `${100 + day}/QĐ-SGDĐT`,
        date: `2026-09-${String(day).padStart(2, "0")}`,
        signer: "Trần Văn Bình",
        submissions: [],
      });
    const first = buttonsOf(await h.chat(ADMIN).send("/decisions"));
    expect(first.map((b) => b.text)).toEqual([
      ...[9, 8, 7, 6, 5, 4, 3, 2].map((d) => `${100 + d}/QĐ-SGDĐT — 0${d}/09/2026 (0)`),
      "Trang sau ▶️",
    ]);
    const second = buttonsOf(await h.chat(ADMIN).press(BUTTON.decisionsPage.data(1)));
    expect(second.map((b) => b.text)).toEqual([
      "101/QĐ-SGDĐT — 01/09/2026 (0)",
      "336/QĐ-SGDĐT — 14/07/2026 (1)",
      "◀️ Trang trước",
    ]);
    expect(second.at(-1)?.data).toBe(BUTTON.decisionsPage.data(0));
  });
});

const startOfMinute = (at: Date) => new Date(Math.floor(at.getTime() / 60_000) * 60_000);

/** A lookup set up in one minute must be made in the same minute. */
async function waitClearOfMinuteEnd(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
