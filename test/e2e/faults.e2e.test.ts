import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot, tempDir, waitForOutput } from "../helpers/bot-process.js";
import { FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";

describe("the running bot when Telegram answers with errors", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    // The command menus fail at start: the bot must log a warning and run on.
    api.failNext("setMyCommands", { status: 400, description: "Bad Request: BOT_COMMANDS_TOO_MUCH" });
    bot = await startBot(api, { DATA_DIR: tempDir() });
  });

  afterAll(async () => {
    await bot.stop();
    await api.stop();
  });

  it("runs on when setMyCommands fails, with a warning in the log", async () => {
    await waitForOutput(bot, /could not set the command menus/);
    const chat = new FakeChat(api, 3001);
    expect((await chat.send("/help")).payload.text).toContain("/profile");
  });

  it("waits out a 429 and delivers the message (auto-retry)", async () => {
    const chat = new FakeChat(api, 3002);
    api.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const since = api.mark();
    await chat.send("/help");
    const isHelp = (c: { method: string; payload: { chat_id?: unknown } }) =>
      c.method === "sendMessage" && c.payload.chat_id === 3002;
    const first = await api.waitForCall(isHelp, { since });
    const delivered = await api.waitForCall(isHelp, { since: api.calls.indexOf(first) + 1 });
    expect(delivered.payload.text).toContain("/profile");
    const attempts = api.calls.slice(since).filter(isHelp);
    expect(attempts).toHaveLength(2);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
  });

  it("retries a 5xx inside a conversation and the conversation goes on", async () => {
    const chat = new FakeChat(api, 3003);
    await chat.press("profile:name");
    api.failNext("sendMessage", { status: 502 });
    const since = api.mark();
    await chat.send("Phạm Thu Hà");
    const isConfirm = (c: { method: string; payload: { chat_id?: unknown; text?: unknown } }) =>
      c.method === "sendMessage" && c.payload.chat_id === 3003 && String(c.payload.text).includes("Bước 2/2");
    const failed = await api.waitForCall(isConfirm, { since });
    const retried = await api.waitForCall(isConfirm, {
      since: api.calls.indexOf(failed) + 1,
      timeoutMs: 20_000,
    });
    expect(retried.payload.text).toContain("Phạm Thu Hà");
    expect((await chat.press("pn:save")).payload.text).toContain("Đã lưu họ tên");
  });

  it("apologizes in the user's language when handling fails, and keeps working", async () => {
    const chat = new FakeChat(api, 3004, { language_code: "en" });
    api.failNext("sendMessage", { status: 400, description: "Bad Request: can't parse entities" });
    const since = chat.push("/help");
    const apology = await api.waitForCall(
      (c) =>
        c.method === "sendMessage" && c.payload.chat_id === 3004 && String(c.payload.text).startsWith("😔"),
      { since },
    );
    expect(apology.payload.text).toContain("Sorry, something went wrong");
    await waitForOutput(bot, /"update_id":\d+.*"msg":"update failed"/);
    expect((await chat.send("/help")).payload.text).toContain("You can:");
  });

  it("survives a user who blocked the bot (403) and serves the next one", async () => {
    const blocked = new FakeChat(api, 3005);
    api.failNext("sendMessage", { status: 403 }, 2);
    const since = blocked.push("hi");
    await api.waitForCall((c) => c.method === "sendMessage" && c.payload.chat_id === 3005, { since });
    const next = new FakeChat(api, 3006);
    expect((await next.send("/help")).payload.text).toContain("/profile");
  });
});
