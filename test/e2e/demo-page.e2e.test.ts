import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/bot-process.js";
import {
  CHROMIUM,
  chatPage,
  type DemoBrowser,
  HAS_CHROMIUM,
  openDemoBrowser,
  type RunningDemo,
  startDemo,
} from "../helpers/demo-process.js";

const ARTIFACTS = join(ROOT, "test-artifacts");
if (!HAS_CHROMIUM)
  console.warn(
    `demo page test skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
  );

/**
 * `npm run demo` as a visitor uses it: the real demo process (the bot, its embedded database and the Bot API
 * stand-in serving the page) driven by a real browser, from a new teacher's /start to the receipt of an initiative
 * with a file, then as the unit head, who is told of it and opens it, file included.
 */
describe.skipIf(!HAS_CHROMIUM)("the demo page in a browser", () => {
  let demo: RunningDemo;
  let browser: DemoBrowser;

  beforeAll(async () => {
    [demo, browser] = await Promise.all([startDemo(), openDemoBrowser()]);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it("takes a new teacher from /start through registration and the form to the receipt, then shows it to the unit head", async () => {
    const { page } = browser;
    const chat = chatPage(page);
    await page.goto(demo.url);
    await page.waitForSelector("body[data-ready=true]");
    // The page shows Telegram's formatting tags and nothing else: no other element, attribute or script URL.
    const hostile =
      '<b>b</b><i>i</i><u>u</u><s>s</s><code>c</code><pre>p</pre><a href="https://t.me/x">a</a><blockquote>q</blockquote><tg-spoiler>x</tg-spoiler><img src=x onerror="alert(1)"><a href="javascript:alert(1)">j</a><div onclick="alert(1)">d</div>';
    // A string, run in the page (the project's TypeScript has no DOM types).
    const shown = await page.evaluate(
      `(() => { const box = document.createElement("div"); box.append(sanitize(${JSON.stringify(hostile)})); return box.innerHTML; })()`,
    );
    expect(shown).toBe(
      '<b>b</b><i>i</i><u>u</u><s>s</s><code>c</code><pre>p</pre><a href="https://t.me/x" target="_blank" rel="noopener noreferrer">a</a><blockquote>q</blockquote><span class="spoiler" title="Bấm để xem">x</span><a>j</a>d',
    );

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
    await chat.press("reg:save");
    await chat.botSays("Đăng ký xong");

    // The command menu is the one the bot set with setMyCommands; a tap sends the command.
    await page.click("#menu-button");
    await page.click('#command-list li[data-command="submit"]');
    await chat.botSays("Thầy/cô muốn nộp gì?");
    await chat.press("sub:kind:initiative");
    await chat.botSays("Bước 1/13");
    await chat.lastBot().locator("[data-callback^='a:']:not([data-callback='a:none'])").first().click();
    await chat.botSays("Bước 2/13");
    const title = "Dạy học Hóa học gắn với thực tiễn địa phương";
    await chat.type(title);
    await chat.botSays("Bước 3/13");
    await chat.press("a:initiative");
    await chat.botSays("Bước 4/13");
    await chat.press("a:teaching");
    const answers = [
      "Học sinh thấy môn Hóa khô khan, xa rời thực tế.",
      "15/09/2025",
      "Mỗi chương có một bài thực hành khảo sát nguồn nước tại địa phương.",
      "Phòng thí nghiệm cơ bản.",
      "Điểm trung bình môn tăng 0,8.",
    ];
    for (const [n, answer] of answers.entries()) {
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
    // A file from the page reaches the bot as a document message it accepts (type and size checked).
    const evidence = join(ARTIFACTS, "bao-cao-sang-kien.pdf");
    writeFileSync(evidence, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await page.setInputFiles("#file-input", evidence);
    await chat.botSays("1/10");
    await chat.press("f:done");
    await chat.botSays(title);
    await chat.press("f:submit");
    await chat.botSays("Đã nhận hồ sơ");
    const code = /SK-\d{4}-\d{5}/.exec(await chat.lastBot().innerText())?.[0];
    expect(code).toBeDefined();
    await page.screenshot({ path: join(ARTIFACTS, "demo-receipt.png") });

    // One click to be the unit head, who was told of the submission and opens it, file and all.
    await chat.be("unit_head");
    const notice = page.locator(".row.bot", { hasText: code }).filter({ hasText: "Hồ sơ mới của đơn vị" });
    await notice.locator("[data-callback^='end:o:']").click({ timeout: 10_000 });
    await page
      .locator(".row.bot .document", { hasText: "bao-cao-sang-kien.pdf" })
      .waitFor({ timeout: 10_000 });
    await chat.botSays("Thầy/cô xác nhận hồ sơ");
    await page.screenshot({ path: join(ARTIFACTS, "demo-unit-head.png") });

    // The clock runs the campaign tick at the announcement time of the campaign to come: its announcement arrives.
    await page.click("#clock-button");
    await page.locator(".milestones button", { hasText: "Công bố phong trào" }).click();
    await chat.botSays("Trường học xanh – sạch – đẹp – an toàn", 15_000);

    // Ctrl-C stops it cleanly.
    expect(await demo.stop(), demo.output()).toBe(0);
    expect(demo.output()).toContain("Stopping the demo");
  });
});
