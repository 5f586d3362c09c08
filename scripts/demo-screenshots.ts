import { execFileSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../test/helpers/bot-process.js";
import {
  CHROMIUM,
  chatPage,
  HAS_CHROMIUM,
  openDemoBrowser,
  startDemo,
} from "../test/helpers/demo-process.js";

// npm run docs:screenshots: starts `npm run demo`, plays each role through the page in headless Chromium and saves
// the pictures of README.md and docs/huong-dan-su-dung.md to docs/img/. Needs pdftotext (poppler-utils) to read the
// verification code off the certificate.

const OUT = join(ROOT, "docs", "img");

if (!HAS_CHROMIUM) {
  console.error(`No Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const demo = await startDemo();
const browser = await openDemoBrowser({ width: 390, height: 720 });
const { page } = browser;
const chat = chatPage(page);

async function shot(name: string, target: Page = page) {
  // Buttons pressed a moment ago are dimmed for a second; the picture waits for them.
  await target.waitForTimeout(1200);
  const path = join(OUT, `${name}.png`);
  await target.screenshot({ path });
  console.log(`${path} (${Math.round(statSync(path).size / 1024)} KB)`);
}

/** Today's date in Vietnam as dd/mm/yyyy: a decision may not be dated in the future. */
function todayInVietnam() {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
}

try {
  await page.goto(demo.url);
  await page.waitForSelector("body[data-ready=true]");

  // A new teacher registers and submits an initiative with a file.
  await chat.be("newcomer");
  await page.click("#start-button");
  await chat.botSays("Bước 1/3");
  await chat.press("name:keep");
  await chat.botSays("Bước 2/3");
  await chat.type("le loi");
  await chat.botSays("THPT Lê Lợi");
  await chat
    .lastBot()
    .locator("[data-callback^='unit:']", { hasText: /^THPT Lê Lợi$/ })
    .click();
  await chat.botSays("Bước 3/3");
  await shot("gv-dang-ky");
  await chat.press("reg:save");
  await chat.botSays("Đăng ký xong");
  await chat.type("/submit");
  await chat.botSays("Thầy/cô muốn nộp gì?");
  await chat.press("sub:kind:initiative");
  await chat.botSays("Bước 1/13");
  await chat.lastBot().locator("[data-callback^='a:']:not([data-callback='a:none'])").first().click();
  await chat.botSays("Bước 2/13");
  await chat.type("Dạy học Hóa học gắn với thực tiễn địa phương");
  await chat.botSays("Bước 3/13");
  await chat.press("a:initiative");
  await chat.botSays("Bước 4/13");
  await shot("demo");
  await chat.press("a:teaching");
  for (const [n, answer] of [
    "Học sinh thấy môn Hóa khô khan, xa rời thực tế.",
    "15/09/2025",
    "Mỗi chương có một bài thực hành khảo sát nguồn nước tại địa phương.",
    "Phòng thí nghiệm cơ bản.",
    "Điểm trung bình môn tăng 0,8.",
  ].entries()) {
    await chat.botSays(`Bước ${5 + n}/13`);
    await chat.type(answer);
  }
  await chat.botSays("Bước 10/13");
  await chat.press("f:skip");
  await chat.botSays("Bước 11/13");
  await chat.press("f:skip");
  await chat.botSays("Bước 12/13");
  await chat.press("a:province");
  await chat.botSays("Bước 13/13");
  const evidence = join(tmpdir(), "bao-cao-sang-kien.pdf");
  writeFileSync(evidence, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  await page.setInputFiles("#file-input", evidence);
  await chat.botSays("1/10");
  await chat.press("f:done");
  await chat.botSays("Tóm tắt");
  await chat.press("f:submit");
  await chat.botSays("Đã nhận hồ sơ");
  await shot("gv-bien-nhan");

  // A teacher of the demo year follows her submissions.
  await chat.be("teacher");
  await chat.type("/my");
  await chat.botSays("Hồ sơ của thầy/cô");
  await shot("gv-ho-so");

  // The unit head opens the new submission from the notice.
  await chat.be("unit_head");
  await page
    .locator(".row.bot", { hasText: "Dạy học Hóa học" })
    .filter({ hasText: "Hồ sơ mới của đơn vị" })
    .locator("[data-callback^='end:o:']")
    .click();
  await chat.botSays("Thầy/cô xác nhận hồ sơ");
  await shot("tt-xac-nhan");

  // The council member scores what was assigned to her.
  await chat.be("reviewer");
  await chat.type("/review");
  await chat.botSays("Hồ sơ chờ chấm");
  const opened = await chat
    .lastBot()
    .locator("[data-callback^='rev:o:']")
    .first()
    .getAttribute("data-callback");
  await chat.press(opened as string);
  await chat.botSays("Chấm điểm hồ sơ này");
  await chat.lastBot().locator("[data-callback^='rev:s:']").click();
  for (const [n, score] of ["8", "7.5", "9", "7"].entries()) {
    await chat.botSays(`Bước ${n + 1}/6`);
    await chat.type(score);
  }
  await chat.botSays("Bước 5/6");
  await chat.type("Câu lạc bộ hoạt động đều, có số liệu mượn sách rõ ràng.");
  await chat.botSays("Bước 6/6");
  await shot("hd-cham-diem");
  await chat.press("rs:r:recognise_unit");
  await chat.botSays("Đã lưu");

  // The administrator: the role's command menu, a decision, the figures.
  await chat.be("admin");
  await page.click("#menu-button");
  await shot("qt-menu");
  await page.click('#command-list li[data-command="decide"]');
  await chat.botSays("Hồ sơ chờ quyết định");
  await chat.lastBot().locator("[data-callback^='dec:o:']").first().click();
  await chat.botSays("Quyết định cho hồ sơ");
  await shot("qt-quyet-dinh");
  await chat.type("/stats");
  await page.locator(".row.bot .photo").last().waitFor({ timeout: 20_000 });
  await page
    .locator(".row.bot .photo")
    .last()
    .evaluate((img) => (img as { decode(): Promise<void> }).decode());
  await shot("qt-thong-ke");

  // One decision for the whole past campaign: number and date, signer, the proposed counts.
  await chat.type("/decide");
  await chat.botSays("Hồ sơ chờ quyết định");
  await chat.press("bd:p:campaigns");
  await chat.lastBot().locator("[data-callback^='bd:c:']", { hasText: "Sáng kiến, đề tài" }).click();
  await chat.botSays("Bước 1/2");
  await chat.type(`1650/QĐ-SGDĐT ${todayInVietnam()}`);
  await chat.botSays("Bước 2/2");
  await chat.type("Nguyễn Văn An");
  await chat.botSays("công nhận");
  await shot("qt-quyet-dinh-chung");
  await chat.lastBot().locator("[data-callback^='bd:ok:']").click();
  await chat.botSays("Ban hành Quyết định số");
  await chat.lastBot().locator("[data-callback^='bd:go:']").click();
  await page.locator(".row.bot", { hasText: "Đã ban hành Quyết định số" }).waitFor();
  // The submitters are told through the broadcast queue; its summary comes when all are sent.
  await chat.botSays("Đã gửi xong một đợt thông báo", 30_000);

  // Its documents from /decisions.
  await chat.type("/decisions");
  await chat.botSays("Các quyết định");
  await chat.lastBot().locator("[data-callback^='dd:o:']", { hasText: "1650/" }).click();
  await chat.botSays("Người ký: Nguyễn Văn An");
  await shot("qt-cac-quyet-dinh");

  // A teacher's certificate from /my, and the answer to the code printed under its QR code.
  await chat.be("teacher");
  await chat.type("/my");
  await chat.botSays("Hồ sơ của thầy/cô");
  const recognised = /(\S+-\d{5}) — [^\n]*\n\s*Được công nhận/.exec(await chat.lastBot().innerText())?.[1];
  await chat
    .lastBot()
    .locator("[data-callback^='my:']", { hasText: recognised as string })
    .click();
  await chat.botSays("Giấy chứng nhận sáng kiến");
  await chat.lastBot().locator("[data-callback^='my:cert:']").click();
  const certificate = page.locator(".row.bot a.document").last();
  await certificate.waitFor({ timeout: 30_000 });
  const pdf = join(tmpdir(), "giay-chung-nhan.pdf");
  const href = (await certificate.getAttribute("href")) as string;
  writeFileSync(pdf, Buffer.from(await (await fetch(new URL(href, demo.url))).arrayBuffer()));
  const link = /start=(v_[A-Z2-7]+)/.exec(execFileSync("pdftotext", [pdf, "-"]).toString("utf8"))?.[1];
  await chat.type(`/start ${link}`);
  await chat.botSays("Giấy chứng nhận hợp lệ");
  await shot("gv-kiem-tra-giay");

  // The library, typed without diacritics, as a unit head who may mark the initiative applied in her unit.
  await chat.be("unit_head");
  await chat.type("/library so do tu duy");
  await chat.botSays("Thư viện sáng kiến");
  await chat.lastBot().locator("[data-callback]").first().click();
  await chat.botSays("Mã:");
  await shot("tt-thu-vien");

  // The clock: the campaign to come is announced.
  await page.click("#clock-button");
  await shot("dong-ho");
  await page.locator(".milestones button", { hasText: "Công bố phong trào" }).click();
  await page.click("#clock-button");
  await chat.botSays("Trường học xanh", 15_000);
  await shot("qt-cong-bo");
} finally {
  await browser.close();
  await demo.stop();
}
