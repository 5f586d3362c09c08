import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { ROOT, TSX } from "./bot-process.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export interface RunningDemo {
  url: string;
  output(): string;
  /** Ctrl-C, as a visitor stops it; resolves with the exit code (killed if it does not stop within 10 s). */
  stop(): Promise<number | null>;
}

/** `npm run demo` on a free port: the real process, from its source, as the npm script runs it. */
export async function startDemo(): Promise<RunningDemo> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", TSX, join(ROOT, "src", "demo", "main.ts"), "--port", "0"],
    { cwd: ROOT, env: { PATH: process.env.PATH, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const found = /The demo is ready: (http:\/\/localhost:\d+)/.exec(out);
      if (found?.[1]) {
        clearInterval(timer);
        resolve(found[1]);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the demo exited before it was ready:\n${out}`));
      }
    }, 100);
  });
  return {
    url,
    output: () => out,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGINT");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface DemoBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, at a phone's size. */
export async function openDemoBrowser(viewport = { width: 390, height: 780 }): Promise<DemoBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "demo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    viewport,
    // As a teacher's phone in Vietnam shows dates and times (the clock's date picker).
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
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
  const page = await context.newPage();
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** How a visitor works the chat page: the bot's latest message, its buttons, the input, the people. */
export function chatPage(page: Page) {
  const lastBot = () => page.locator(".row.bot").last();
  return {
    lastBot,
    /** Waits until the bot's latest message says `text`. */
    botSays: (text: string | RegExp, timeout = 10_000) =>
      lastBot().filter({ hasText: text }).waitFor({ timeout }),
    press: (data: string) => lastBot().locator(`[data-callback="${data}"]`).click(),
    async type(text: string) {
      await page.fill("#input", text);
      await page.press("#input", "Enter");
    },
    async be(role: string) {
      const person = page.locator(`.person[data-role="${role}"]`);
      await person.click();
      await page.locator(`#chat[data-chat="${await person.getAttribute("data-person")}"]`).waitFor();
    },
  };
}
