import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsqr from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTON, type ButtonKind } from "../../src/bot/callback-data.js";
import { printedCode } from "../../src/certificates/certificate-code.js";
import { councilScoresCampaign, sendDecisionNotices } from "../helpers/batch-fixtures.js";
import { admin, insertOpenCampaign, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { docxText, pdfInfo, pdfText } from "../helpers/decision-fixtures.js";
import { FakeTelegramApi, type RecordedCall } from "../helpers/fake-telegram-api.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const run = promisify(execFile);
// jsqr is CommonJS: Node hands its module.exports to the default import, and its function is `.default` there.
const jsQR = jsqr.default;

/** poppler-utils reads the PDFs back (text, pages, the rendered QR code); CI installs it (.ci/run). */
function hasPoppler(): boolean {
  for (const tool of ["pdftotext", "pdftoppm", "pdfinfo"])
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch (error) {
      // Some versions exit non-zero after printing their version: only a missing program counts.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    }
  return true;
}
const POPPLER = hasPoppler();
if (!POPPLER)
  console.warn(
    "decision-journey.test.ts: the certificate steps are skipped: pdftotext/pdftoppm/pdfinfo (poppler-utils) are not installed",
  );

const N = 30;
const ADMIN = 900;
const submitterOf = (i: number) => 7001 + i;
const code = (i: number) => `SK-2026-${String(i + 1).padStart(5, "0")}`;
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"];
const MIDDLE = ["Thị", "Văn", "Ngọc"];
const GIVEN = ["Ánh Tuyết", "Đức Thắng", "Thu Hương", "Quỳnh Như", "Hữu Phước", "Bích Ngọc"];
const TOPICS = [
  "Ứng dụng trí tuệ nhân tạo để nâng cao hiệu quả dạy học môn Ngữ văn lớp 10",
  "Dạy học STEM qua dự án “Nhà kính mini” ở lớp 7",
  "Quản lý hồ sơ học sinh bằng bảng tính dùng chung",
  "Rèn kỹ năng đọc hiểu văn bản nghị luận cho học sinh trung học phổ thông",
  "Tổ chức hoạt động trải nghiệm hướng nghiệp gắn với làng nghề địa phương",
  "Đổi mới kiểm tra, đánh giá môn Lịch sử và Địa lý theo năng lực",
];
/** Every author's name is unique, none inside another: a name found in a document is that person. */
const author = (i: number) => `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10)]} ${GIVEN[i % 6]}`;
const title = (i: number) => `${TOPICS[i % 6]} (đề tài số ${i + 1})`;
/** Every fourth initiative has a co-author from another unit, who gets a certificate too. */
const coAuthor = (i: number) =>
  i % 4 === 1 ? `${FAMILY[(i + 5) % 10]} ${MIDDLE[(Math.floor(i / 10) + 1) % 3]} Minh Khôi` : undefined;
const authorsOf = (i: number) => [author(i), coAuthor(i)].filter((a): a is string => a !== undefined);

/** The council's score and recommendation for the i-th submission (as in batch-decision.flow.test.ts). */
const verdict = (i: number) =>
  i < 5
    ? { score: 9, recommendation: "recognise_nation" as const }
    : i < 20
      ? { score: 7, recommendation: "recognise_province" as const }
      : i < 27
        ? { score: 6, recommendation: "recognise_unit" as const }
        : { score: 3, recommendation: "refuse" as const };
/** The administrator's changes: the 6th raised to national, the 21st refused, the 28th left out. */
const RAISED = 5;
const REFUSED_BY_HAND = 20;
const EXCLUDED = 27;
const recognised = (i: number) => i !== REFUSED_BY_HAND && i < 27;
const notRecognised = Array.from({ length: N }, (_, i) => i).filter((i) => !recognised(i));

/** The data of the button of this kind the bot offered in these replies (it must have offered one). */
function offered<V extends unknown[]>(
  replies: RecordedCall[],
  kind: ButtonKind<V>,
  which: (values: V) => boolean = () => true,
): string {
  const data = buttonsOf(replies)
    .map((b) => b.data)
    .find((d) => {
      const match = d !== undefined ? kind.filter.exec(d) : null;
      return match !== null && which(kind.read(match));
    });
  expect(data, `a ${kind.filter} button among ${JSON.stringify(buttonsOf(replies))}`).toBeDefined();
  return data as string;
}
const valuesOf = <V extends unknown[]>(kind: ButtonKind<V>, data: string) =>
  kind.read(kind.filter.exec(data) as RegExpExecArray);

/**
 * Issue 12's closing test, as the people involved would live it: a council scores 30 initiatives; the administrator
 * makes one decision over the campaign in the chat (two outcomes changed, one left out); the queue tells every
 * submitter once; /decisions gives the .docx and all certificates; an author takes their certificate from /my;
 * somebody else scans its QR code (decoded from the rendered page) and is told it is genuine, a forged code is
 * unknown, and once the decision is revoked the same code says so.
 */
describe.each(DIALECTS)(
  "a decision's journey, from the council's scores to a scanned certificate (%s)",
  (dialect) => {
    let t: TestDatabase;
    let h: InProcessBot;
    let telegram: FakeTelegramApi;
    let dir: string;
    const submissionIds = new Map<number, number>();
    let decisionId: number;
    let certificateCode: string;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      h = new InProcessBot(t.db, {
        ADMIN_TELEGRAM_IDS: String(ADMIN),
        DECISION_ISSUER_PARENT: "UBND TỈNH LÂM ĐỒNG",
        DECISION_PLACE: "Đà Lạt",
      });
      await h.bot.init();
      telegram = await FakeTelegramApi.start();
      dir = await mkdtemp(join(tmpdir(), "decision-journey-"));
    });
    afterAll(async () => {
      await telegram?.stop();
      await t?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it("the council scores 30 initiatives; one decision with two changes and one left out; each submitter told once", async () => {
      // The ground: registered teachers with their initiatives (and co-authors), endorsed, in an open campaign.
      const units = await seedUnits(t.db);
      const adminId = await admin(t.db, ADMIN);
      const campaignId = await insertOpenCampaign(t.db);
      for (const id of [801, 802, 803]) {
        await teacher(t.db, id, units.u3);
        await h.services.roles.grant(adminId, id, "reviewer");
      }
      for (let i = 0; i < N; i++) {
        const submitterId = await teacher(t.db, submitterOf(i), units.u1, i === 3 ? "en" : null);
        const { id } = await t.db
          .insertInto("submissions")
          .values({
            code: code(i),
            kind: "initiative",
            status: "endorsed",
            campaign_id: campaignId,
            submitter_id: submitterId,
            unit_id: units.u1,
            title: title(i),
            school_year: "2026-2027",
            submitted_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        submissionIds.set(i, id);
        await t.db
          .insertInto("submission_authors")
          .values(
            authorsOf(i).map((name, position) => ({
              submission_id: id,
              position: position + 1,
              user_id: position === 0 ? submitterId : null,
              full_name: name,
              unit_name: position === 0 ? null : "THCS Kim Đồng",
              share: authorsOf(i).length === 1 ? 100 : position === 0 ? 60 : 40,
            })),
          )
          .execute();
      }

      // 1. The council, named and given the submissions evenly; each member scores their queue.
      expect(
        await councilScoresCampaign(
          t.db,
          h.services.council,
          { adminId, campaignId, members: [801, 802, 803] },
          verdict,
        ),
      ).toBe(N);

      // 2. The administrator, in the chat, pressing only the buttons the bot offers.
      const chat = h.chat(ADMIN);
      const decide = await chat.send("/decide");
      const campaigns = await chat.press(offered(decide, BUTTON.batchPick));
      await chat.press(offered(campaigns, BUTTON.batchStart, ([id]) => id === campaignId));
      await chat.send("336/QĐ-SGDĐT 15/06/2026");
      const proposed = await chat.send("Nguyễn Văn An");
      expect(textsOf(proposed)).toContain(
        "27 công nhận</b>: 5 toàn quốc, 15 cấp tỉnh, 7 cấp cơ sở; <b>3 không công nhận",
      );
      // The 6th, found by its typed code, raised to national.
      const byCode = offered(proposed, BUTTON.batchCode);
      await chat.press(byCode);
      const sixth = await chat.send(code(RAISED).toLowerCase());
      expect(textsOf(sixth)).toContain(code(RAISED));
      await chat.press(
        offered(
          sixth,
          BUTTON.batchSet,
          ([, id, outcome]) => id === submissionIds.get(RAISED) && outcome === "nation",
        ),
      );
      // The 21st, by its code too, refused.
      await chat.press(byCode);
      const twentyFirst = await chat.send(code(REFUSED_BY_HAND));
      const refusedCard = await chat.press(
        offered(
          twentyFirst,
          BUTTON.batchSet,
          ([, id, outcome]) => id === submissionIds.get(REFUSED_BY_HAND) && outcome === "refuse",
        ),
      );
      // The 28th, from the paged list of refusals, left out of the decision.
      const home = await chat.press(offered(refusedCard, BUTTON.batchHome));
      const refusals = await chat.press(offered(home, BUTTON.batchList, ([, bucket]) => bucket === "refuse"));
      const card = await chat.press(
        offered(refusals, BUTTON.batchItem, ([, id]) => id === submissionIds.get(EXCLUDED)),
      );
      const left = await chat.press(offered(card, BUTTON.batchExclude, ([, , way]) => way === "out"));
      // Confirming asks for the refusals' reasons first: one reason for all three.
      const summary = await chat.press(offered(left, BUTTON.batchHome));
      const missing = await chat.press(offered(summary, BUTTON.batchConfirm));
      expect(textsOf(missing)).toContain("3 hồ sơ không công nhận chưa có lý do");
      await chat.press(offered(missing, BUTTON.batchReasonAll));
      const reasoned = await chat.send("Điểm bình quân dưới mức đạt");
      expect(textsOf(reasoned)).toContain("Đã ghi lý do cho 3 hồ sơ");
      const confirm = await chat.press(offered(reasoned, BUTTON.batchConfirm));
      expect(textsOf(confirm)).toContain(
        "26 công nhận</b>: 6 toàn quốc, 14 cấp tỉnh, 6 cấp cơ sở; <b>3 không công nhận",
      );
      const apply = offered(confirm, BUTTON.batchApply);
      expect(textsOf(await chat.press(apply))).toContain(
        "Đã ban hành Quyết định số <b>336/QĐ-SGDĐT</b>: 26 công nhận, 3 không công nhận",
      );
      // A second tap (a double tap, a retried update) makes nothing twice.
      expect(textsOf(await chat.press(apply))).toContain("đã được ban hành");
      // The bot itself sent the submitters nothing: their messages go through the durable queue.
      const submitterChats = new Set(Array.from({ length: N }, (_, i) => submitterOf(i)));
      expect(h.calls.filter((c) => submitterChats.has(Number(c.payload.chat_id)))).toEqual([]);

      // 3. The queue's real sender, with the bot's renderer, against a fake Bot API.
      await sendDecisionNotices(t, h, telegram);
      const told = new Map<number, string[]>();
      for (const c of telegram.callsOf("sendMessage")) {
        const chatId = Number(c.payload.chat_id);
        told.set(chatId, [...(told.get(chatId) ?? []), String(c.payload.text)]);
      }
      // Everyone in the decision exactly once; the one left out not at all (it is still under review).
      const expectedChats = Array.from({ length: N }, (_, i) => i)
        .filter((i) => i !== EXCLUDED)
        .map(submitterOf);
      expect([...told.keys()].sort((a, b) => a - b)).toEqual(expectedChats);
      for (const chatId of expectedChats) expect(told.get(chatId), `chat ${chatId}`).toHaveLength(1);
      expect(told.get(submitterOf(RAISED))?.[0]).toContain(
        `${code(RAISED)}</b> (${title(RAISED)}): được công nhận, phạm vi toàn quốc`,
      );
      expect(told.get(submitterOf(3))?.[0]).toContain(
        `${code(3)}</b> (${title(3)}): recognised, nation scope`,
      );
      expect(told.get(submitterOf(REFUSED_BY_HAND))?.[0]).toContain(
        "không được công nhận. Lý do: Điểm bình quân dưới mức đạt",
      );
      expect(textsOf(await chat.send("/broadcasts"))).toContain("Kết quả quyết định");
    });

    it("gives the administrator the decision as a .docx naming the recognised authors and no one else", async () => {
      const chat = h.chat(ADMIN);
      const list = await chat.send("/decisions");
      const open = offered(list, BUTTON.decisionOpen);
      [decisionId] = valuesOf(BUTTON.decisionOpen, open);
      const card = await chat.press(open);
      expect(textsOf(card)).toContain("Người ký: Nguyễn Văn An");
      const since = h.uploads.length;
      await chat.press(offered(card, BUTTON.decisionFile, ([, file]) => file === "docx"));
      const [docx] = h.uploads.slice(since);
      expect(docx?.name).toBe("quyet-dinh-336-qd-sgddt.docx");
      const text = docxText(docx?.bytes as Buffer).replace(/\s+/g, " ");
      for (const expected of [
        "Số: 336/QĐ-SGDĐT",
        "Đà Lạt, ngày 15 tháng 6 năm 2026",
        "Nguyễn Văn An",
        "Điều 1. Công nhận 26 sáng kiến",
      ])
        expect(text).toContain(expected);
      // The appendix's row of the raised initiative: its authors and shares, its new scope, the council's mean.
      expect(text).toContain(
        `${code(RAISED)} ${title(RAISED)} ${author(RAISED)} (60%) ${coAuthor(RAISED)} (40%) THPT Lê Lợi toàn quốc 7 `,
      );
      for (let i = 0; i < N; i++)
        if (recognised(i)) {
          expect(text).toContain(code(i));
          expect(text).toContain(title(i));
          for (const name of authorsOf(i)) expect(text).toContain(name);
        } else {
          expect(text).not.toContain(code(i));
          expect(text).not.toContain(title(i));
          for (const name of authorsOf(i)) expect(text).not.toContain(name);
        }
    });

    it.skipIf(!POPPLER)(
      "gives an author their certificate from /my, and the administrator one page per recognised author",
      async () => {
        // The author of the initiative raised to national: its certificate (theirs first, then the co-author's).
        const authorChat = h.chat(submitterOf(RAISED));
        const mine = await authorChat.send("/my");
        const details = await authorChat.press(
          offered(mine, BUTTON.myDetails, ([id]) => id === submissionIds.get(RAISED)),
        );
        let since = h.uploads.length;
        await authorChat.press(offered(details, BUTTON.myCertificate));
        const [certificate] = h.uploads.slice(since);
        expect(certificate?.name).toBe(`giay-chung-nhan-${code(RAISED).toLowerCase()}.pdf`);
        const pdf = certificate?.bytes as Buffer;
        await writeFile(join(dir, "mine.pdf"), pdf);
        expect((await pdfInfo(pdf, dir)).Pages).toBe("2");
        const text = await pdfText(pdf, dir);
        for (const expected of [
          author(RAISED),
          coAuthor(RAISED) as string,
          `“${title(RAISED)}”`,
          `Mã hồ sơ: ${code(RAISED)} · Phạm vi ảnh hưởng: toàn quốc`,
          "Được công nhận theo Quyết định số 336/QĐ-SGDĐT ngày 15/06/2026.",
        ])
          expect(text).toContain(expected);
        // A refused author is offered no certificate.
        const refusedChat = h.chat(submitterOf(REFUSED_BY_HAND));
        const refusedDetails = await refusedChat.press(
          offered(await refusedChat.send("/my"), BUTTON.myDetails),
        );
        expect(buttonsOf(refusedDetails).map((b) => b.data)).not.toContain(
          BUTTON.myCertificate.data(submissionIds.get(REFUSED_BY_HAND) as number),
        );

        // All the decision's certificates for printing: a page for each author of each recognised initiative.
        const chat = h.chat(ADMIN);
        const card = await chat.press(BUTTON.decisionOpen.data(decisionId));
        since = h.uploads.length;
        await chat.press(offered(card, BUTTON.decisionFile, ([, file]) => file === "certs"));
        const [all] = h.uploads.slice(since);
        const everyone = Array.from({ length: N }, (_, i) => i)
          .filter(recognised)
          .flatMap(authorsOf);
        expect(everyone).toHaveLength(33);
        expect((await pdfInfo(all?.bytes as Buffer, dir)).Pages).toBe(String(everyone.length));
        const allText = await pdfText(all?.bytes as Buffer, dir, "all.pdf");
        for (const name of everyone) expect(allText).toContain(name);
        for (const i of notRecognised) for (const name of authorsOf(i)) expect(allText).not.toContain(name);
      },
    );

    it.skipIf(!POPPLER)(
      "reads the QR code off the rendered certificate: genuine for anyone, a forged code unknown, revoked after /decisions revoke",
      async () => {
        // The printed page as a phone's camera sees it: rendered at 150 dpi, the QR code found and decoded.
        await run("pdftoppm", [
          "-png",
          "-r",
          "150",
          "-f",
          "1",
          "-l",
          "1",
          "-singlefile",
          join(dir, "mine.pdf"),
          join(dir, "page"),
        ]);
        const png = PNG.sync.read(await readFile(join(dir, "page.png")));
        const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(qr, "a QR code on the certificate's page").not.toBeNull();
        const link = new URL(qr?.data as string);
        expect(`${link.origin}${link.pathname}`).toBe(`https://t.me/${h.bot.botInfo.username}`);
        const start = link.searchParams.get("start") as string;
        expect(start).toMatch(/^v_[A-Z2-7]{20}$/);
        certificateCode = start.slice(2);
        // The code printed beside it, on the same page, is the one the QR code carries.
        const page = (
          await run("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", join(dir, "mine.pdf"), "-"])
        ).stdout;
        expect(page).toContain(printedCode(certificateCode));

        // Someone else scans it: Telegram opens the bot with /start v_<code>.
        const genuine = textsOf(await h.chat(5501).send(`/start ${start}`));
        expect(genuine).toContain("✅ <b>Giấy chứng nhận hợp lệ</b>");
        expect(genuine).toContain(`Chứng nhận <b>${author(RAISED)}</b> là tác giả sáng kiến`);
        expect(genuine).toContain(`“${title(RAISED)}” (mã hồ sơ ${code(RAISED)})`);
        expect(genuine).toContain(
          "phạm vi ảnh hưởng <b>toàn quốc</b> theo Quyết định số <b>336/QĐ-SGDĐT</b>",
        );

        // One character changed: no certificate, and nothing of the genuine one's.
        const last = certificateCode.at(-1);
        const forged = `${certificateCode.slice(0, -1)}${last === "A" ? "B" : "A"}`;
        const unknown = textsOf(await h.chat(5502).send(`/start v_${forged}`));
        expect(unknown).toContain("Không tìm thấy giấy chứng nhận nào có mã này");
        expect(unknown).not.toContain(author(RAISED));

        // 7. The decision revoked: the same code now says so, and the library no longer shows its initiatives.
        const search = `/library ${TOPICS[RAISED % 6]}`;
        expect(textsOf(await h.chat(submitterOf(REFUSED_BY_HAND)).send(search))).toContain(code(RAISED));
        const revoked = await h.chat(ADMIN).send(`/decisions revoke ${decisionId} Ban hành nhầm danh sách`);
        expect(textsOf(await h.chat(submitterOf(REFUSED_BY_HAND)).send(search))).not.toContain(code(RAISED));
        expect(textsOf(revoked)).toContain("Đã thu hồi Quyết định số <b>336/QĐ-SGDĐT</b> ngày 15/06/2026");
        const afterwards = textsOf(await h.chat(5503).send(`/start ${start}`));
        expect(afterwards).toContain("⛔ <b>Giấy chứng nhận đã bị thu hồi</b>");
        expect(afterwards).not.toContain("hợp lệ");
        // The administrator's button for all certificates, pressed after the revocation, prints none.
        const since = h.uploads.length;
        const late = await h.chat(ADMIN).press(BUTTON.decisionFile.data(decisionId, "certs"));
        expect(textsOf(late)).toContain("đã bị thu hồi, nên không cấp giấy chứng nhận");
        expect(h.uploads.length).toBe(since);
      },
    );
  },
);
