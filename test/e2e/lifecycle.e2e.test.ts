import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  spawnBot,
  startBot,
  TEST_BOT_TOKEN,
  tempDir,
  waitForOutput,
} from "../helpers/bot-process.js";
import { FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";

describe("starting and stopping the bot process", () => {
  let api: FakeTelegramApi;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
  });

  afterAll(async () => {
    await api.stop();
  });

  it("without BOT_TOKEN exits non-zero and says how to get one", async () => {
    const bot = spawnBot({});
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("BOT_TOKEN: missing");
    expect(bot.output()).toContain("@BotFather");
  });

  it("lists every invalid variable in one message", async () => {
    const bot = spawnBot({
      BOT_TOKEN: "nope",
      TIMEZONE: "Mars/Olympus",
      DEFAULT_LOCALE: "fr",
      BOT_MODE: "webhook",
      PORT: "http",
    });
    expect(await bot.exited).toBe(1);
    const out = bot.output();
    for (const name of ["BOT_TOKEN", "TIMEZONE", "DEFAULT_LOCALE", "PORT", "WEBHOOK_URL", "WEBHOOK_SECRET"]) {
      expect(out).toContain(`${name}:`);
    }
  });

  it("reads a .env file in the working directory", async () => {
    const dir = tempDir();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      `${dir}/.env`,
      `BOT_TOKEN=${TEST_BOT_TOKEN}\nTELEGRAM_API_ROOT=${api.apiRoot}\nDATA_DIR=./state\n`,
    );
    const since = api.mark();
    const bot = spawnBot({}, dir);
    await api.waitForCall((c) => c.method === "getUpdates", { since, timeoutMs: 30_000 });
    expect(await bot.stop()).toBe(0);
    const { existsSync } = await import("node:fs");
    expect(existsSync(`${dir}/state/pglite`)).toBe(true);
  });

  it("refuses a second process on the same DATA_DIR, with a clear message", async () => {
    const dataDir = tempDir();
    const first = await startBot(api, { DATA_DIR: dataDir });
    const second = spawnBot({ BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain("is in use by another running bot process");
    // The first one was not disturbed.
    expect((await new FakeChat(api, 4001).send("/help")).payload.text).toContain("/profile");
    expect(await first.stop()).toBe(0);
  });

  it("takes over a data directory left locked by a killed process", async () => {
    const dataDir = tempDir();
    const first = await startBot(api, { DATA_DIR: dataDir });
    first.child.kill("SIGKILL");
    await first.exited;
    const second = await startBot(api, { DATA_DIR: dataDir });
    expect((await new FakeChat(api, 4002).send("/help")).payload.text).toContain("/profile");
    expect(await second.stop()).toBe(0);
  });

  it("on SIGTERM lets the update in flight finish, and does not handle it twice after a restart", async () => {
    const dataDir = tempDir();
    const bot = await startBot(api, { DATA_DIR: dataDir });
    const chat = new FakeChat(api, 4003);
    api.delayNext("sendMessage", 1500);
    await chat.nextReply(chat.push("/help")); // the bot is now waiting for Telegram to answer its sendMessage
    expect(await bot.stop()).toBe(0);
    expect(bot.output()).toContain("stopped cleanly");
    expect(api.unconfirmedUpdates).toBe(0);

    const restarted = await startBot(api, { DATA_DIR: dataDir });
    const afterRestart = api.mark();
    expect((await chat.send("/help")).payload.text).toContain("/profile");
    expect(api.calls.slice(afterRestart).filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(await restarted.stop()).toBe(0);
  });

  it("says once that Telegram cannot be reached, keeps trying, and starts when it answers", {
    timeout: 90_000,
  }, async () => {
    // Nothing answers at the Bot API's address yet: a network without Telegram.
    const port = await freePort();
    const bot = spawnBot({
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      DATA_DIR: tempDir(),
    });
    let late: FakeTelegramApi | undefined;
    try {
      await waitForOutput(bot, /cannot reach the Telegram Bot API/, 30_000);
      late = await FakeTelegramApi.start(port);
      await waitForOutput(bot, /Telegram can be reached again/, 30_000);
      expect(bot.output().match(/cannot reach the Telegram Bot API/g)).toHaveLength(1);
      await waitForOutput(bot, /connected to the Telegram Bot API/, 10_000);
    } finally {
      await bot.stop();
      await late?.stop();
    }
  });

  it("stops cleanly on SIGTERM while it still waits for Telegram, and its data directory opens again", {
    timeout: 90_000,
  }, async () => {
    // docker stop or systemctl stop during a Telegram outage: the start is ended and the database closed, instead
    // of the process being killed with the embedded database open.
    const dataDir = tempDir();
    const port = await freePort();
    const waiting = spawnBot({
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
    });
    await waitForOutput(waiting, /cannot reach the Telegram Bot API/, 30_000);
    expect(await waiting.stop()).toBe(0);
    expect(waiting.output()).toContain("stopped cleanly before the start finished");

    const bot = await startBot(api, { DATA_DIR: dataDir });
    expect(bot.output()).not.toMatch(/locked|could not start/);
    expect(await bot.stop()).toBe(0);

    // A getMe in flight is cut too: a firewall that drops packets would otherwise hold it for minutes.
    const since = api.mark();
    api.delayNext("getMe", 120_000);
    const held = spawnBot({ BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dataDir });
    await api.waitForCall((c) => c.method === "getMe", { since, timeoutMs: 30_000 });
    expect(await held.stop()).toBe(0);
    expect(held.output()).toContain("stopped cleanly before the start finished");
  });

  it("exits with a clear message when Telegram rejects the token", async () => {
    api.failNext("getMe", { status: 400 });
    const bot = spawnBot({ BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: tempDir() });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain("could not start");
  });
});
