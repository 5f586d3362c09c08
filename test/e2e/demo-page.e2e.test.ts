import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, TSX } from "../helpers/bot-process.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, "test-artifacts");
if (!HAS_CHROMIUM)
  console.warn(
    `demo page test skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
  );

/**
 * `npm run demo` as a visitor uses it: the real demo process (the bot, its embedded database and the Bot API
 * stand-in serving the page) driven by a real browser, from a new teacher's /start to the receipt of an initiative
 * with a file, then as the unit head, who is told of it and opens it with its file.
 */
describe.skipIf(!HAS_CHROMIUM)("the demo page in a browser", () => {
  let demo: ChildProcess;
  let output = "";
  let url: string;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    demo = spawn(process.execPath, ["--import", TSX, join(ROOT, "src", "demo", "main.ts"), "--port", "0"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    demo.stdout?.on("data", (d: Buffer) => {
      output += d.toString("utf8");
    });
    demo.stderr?.on("data", (d: Buffer) => {
      output += d.toString("utf8");
    });
    url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = /The demo is ready: (http:\/\/localhost:\d+)/.exec(output);
        if (found?.[1]) {
          clearInterval(timer);
          resolve(found[1]);
        } else if (demo.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the demo exited before it was ready:\n${output}`));
        }
      }, 100);
    });
    profile = mkdtempSync(join(tmpdir(), "demo-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 390, height: 780 },
      // Without the background-networking flags Chromium stalls on a closed network.
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (demo && demo.exitCode === null) {
      // Asked to stop, the demo deletes its data directory; killed only if it does not.
      const exited = new Promise((resolve) => demo.once("exit", resolve));
      demo.kill("SIGINT");
      const timer = setTimeout(() => demo.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const lastBot = () => page.locator(".row.bot").last();
  /** Waits until the bot's latest message says `text`. */
  const botSays = (text: string | RegExp) => lastBot().filter({ hasText: text }).waitFor({ timeout: 10_000 });
  const press = (data: string) => lastBot().locator(`[data-callback="${data}"]`).click();
  const type = async (text: string) => {
    await page.fill("#input", text);
    await page.press("#input", "Enter");
  };

  it("takes a new teacher from /start through registration and the form to the receipt, then shows it to the unit head", async () => {
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await page.click('.person[data-role="newcomer"]');
    await page.click("#start-button");
    await botSays("Bước 1/3");
    await press("name:keep");
    await botSays("Bước 2/3");
    await type("le loi");
    await botSays("THPT Lê Lợi");
    await lastBot()
      .locator("[data-callback^='unit:']", { hasText: /^THPT Lê Lợi$/ })
      .click();
    await botSays("Bước 3/3");
    await press("reg:save");
    await botSays("Đăng ký xong");

    // The command menu is Telegram's: the bot's setMyCommands, one tap sends the command.
    await page.click("#menu-button");
    await page.click('#command-list li[data-command="submit"]');
    await botSays("Thầy/cô muốn nộp gì?");
    await press("sub:kind:initiative");
    await botSays("Bước 1/13");
    await lastBot().locator("[data-callback^='a:']:not([data-callback='a:none'])").first().click();
    await botSays("Bước 2/13");
    const title = "Dạy học Hóa học gắn với thực tiễn địa phương";
    await type(title);
    await botSays("Bước 3/13");
    await press("a:initiative");
    await botSays("Bước 4/13");
    await press("a:teaching");
    const texts = [
      "Học sinh thấy môn Hóa khô khan, xa rời thực tế.",
      "15/09/2025",
      "Mỗi chương có một bài thực hành khảo sát nguồn nước tại địa phương.",
      "Phòng thí nghiệm cơ bản.",
      "Điểm trung bình môn tăng 0,8.",
    ];
    for (const [n, text] of texts.entries()) {
      await botSays(`Bước ${5 + n}/13`);
      await type(text);
    }
    await botSays("Bước 10/13");
    await press("f:skip");
    await botSays("Bước 11/13");
    await press("f:skip");
    await botSays("Bước 12/13");
    await press("a:province");
    await botSays("Bước 13/13");
    const evidence = join(profile, "bao-cao-sang-kien.pdf");
    writeFileSync(evidence, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    await page.setInputFiles("#file-input", evidence);
    await botSays("1/10");
    await press("f:done");
    await botSays(title);
    await press("f:submit");
    await botSays("Đã nhận hồ sơ");
    const receipt = await lastBot().innerText();
    expect(receipt).toMatch(/SK-\d{4}-\d{5}/);
    const code = /SK-\d{4}-\d{5}/.exec(receipt)?.[0] as string;
    await page.screenshot({ path: join(ARTIFACTS, "demo-receipt.png") });

    // One click to be the unit head, who was told of the submission and opens it, file and all.
    await page.click('.person[data-role="unit_head"]');
    const notice = page.locator(".row.bot", { hasText: code }).filter({ hasText: "Hồ sơ mới của đơn vị" });
    await notice.locator("[data-callback^='end:o:']").click({ timeout: 10_000 });
    await page
      .locator(".row.bot .document", { hasText: "bao-cao-sang-kien.pdf" })
      .waitFor({ timeout: 10_000 });
    await botSays("Thầy/cô xác nhận hồ sơ");
    await page.screenshot({ path: join(ARTIFACTS, "demo-unit-head.png") });

    demo.kill("SIGINT");
    const code0 = await new Promise<number | null>((resolve) => demo.once("exit", resolve));
    expect(code0, output).toBe(0);
    expect(output).toContain("Stopping the demo");
  });
});
