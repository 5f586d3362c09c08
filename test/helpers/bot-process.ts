import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FakeTelegramApi } from "./fake-telegram-api.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const MAIN = join(ROOT, "src", "main.ts");
// The tsx loader by absolute URL, because the bot runs in a scratch directory without node_modules.
export const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export const TEST_BOT_TOKEN = "123456789:TEST-token-for-the-fake-bot-api";

/** The environment that points a bot process at the fake Bot API, quietly (`LOG_LEVEL` warn) unless overridden. */
export function fakeApiEnv(api: FakeTelegramApi): Record<string, string> {
  return { BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, LOG_LEVEL: "warn" };
}

export function tempDir(prefix = "thidua-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process printed (pino JSON lines and any plain text). */
  output(): string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  /** Sends SIGTERM (or `signal`) and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `src/main.ts` as `npm run dev` does (node --import tsx: the tests run the source), in a scratch directory so no
 * developer .env is read.
 */
export function spawnBot(env: Record<string, string | undefined>, cwd = tempDir()): BotProcess {
  const child = spawn(process.execPath, ["--import", TSX, MAIN], {
    cwd,
    env: { PATH: process.env.PATH, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const bot: BotProcess = {
    child,
    output: () => out,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  return bot;
}

/** Waits until the process has printed something matching `pattern` (output reaches us through a pipe, later). */
export async function waitForOutput(bot: BotProcess, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(bot.output())) {
    if (Date.now() > deadline) throw new Error(`bot never printed ${pattern}:\n${bot.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Starts the bot against the fake API and waits until it takes updates: its first getUpdates, or `readyOn`
 * (setWebhook in webhook mode).
 */
export async function startBot(
  api: FakeTelegramApi,
  env: Record<string, string | undefined> = {},
  { cwd, readyOn = "getUpdates" }: { cwd?: string; readyOn?: string } = {},
): Promise<BotProcess> {
  const since = api.mark();
  const bot = spawnBot({ BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, ...env }, cwd);
  const ready = api.waitForCall((c) => c.method === readyOn, { since, timeoutMs: 30_000 });
  const died = bot.exited.then((code) => {
    throw new Error(`bot exited with ${code} before polling:\n${bot.output()}`);
  });
  await Promise.race([ready, died]);
  died.catch(() => {});
  return bot;
}

/** Loads the demo unit catalogue into the database the bot will use (`npm run db:seed`). */
export function seedDemoUnits(env: Record<string, string | undefined>): void {
  const result = spawnSync(process.execPath, ["--import", TSX, join(ROOT, "src", "db", "seed-cli.ts")], {
    cwd: tempDir(),
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`db:seed failed:\n${result.stdout}${result.stderr}`);
}

/** `npm run jobs -- tick [--now …]` against the database in `env`; returns what it printed. */
export function runJobsTick(env: Record<string, string | undefined>, now?: Date): string {
  const args = [
    join(ROOT, "src", "jobs", "jobs-cli.ts"),
    "tick",
    ...(now ? ["--now", now.toISOString()] : []),
  ];
  const result = spawnSync(process.execPath, ["--import", TSX, ...args], {
    cwd: tempDir(),
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`jobs tick failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** A TCP port free at this moment on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Environment for webhook mode on `port`. */
export function webhookEnv(port: number, secret = "s3cret-token_for-tests"): Record<string, string> {
  return {
    BOT_MODE: "webhook",
    PORT: String(port),
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
    WEBHOOK_SECRET: secret,
  };
}

/**
 * Delivers an update to a bot's webhook as Telegram does: again and again until it is answered 200 (a refused
 * connection, an error or no answer within Telegram's timeout all mean "deliver again").
 */
export async function deliverToWebhook(
  port: number,
  update: object,
  { secret = "s3cret-token_for-tests", timeoutMs = 60_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/telegram/hook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
        body: JSON.stringify(update),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 200) return;
    } catch {
      // Not answered: delivered again below, as Telegram would.
    }
    if (Date.now() > deadline)
      throw new Error(`webhook never accepted update ${JSON.stringify(update).slice(0, 80)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
