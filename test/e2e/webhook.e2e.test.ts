import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, freePort, startBot, tempDir } from "../helpers/bot-process.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { telegramUser, textMessage } from "../helpers/updates.js";

describe("webhook mode", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;
  let base: string;
  const secret = "s3cret-token_for-tests";

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = {
      DATA_DIR: tempDir(),
      BOT_MODE: "webhook",
      PORT: String(port),
      WEBHOOK_URL: `${base}/telegram/hook`,
      WEBHOOK_SECRET: secret,
    };
    bot = await startBot(api, env, { readyOn: "setWebhook" });
  });

  afterAll(async () => {
    expect(await bot.stop()).toBe(0);
    await api.stop();
  });

  it("registers the webhook with its secret token", () => {
    const call = api.callsOf("setWebhook")[0];
    expect(call?.payload.url).toBe(`${base}/telegram/hook`);
    expect(call?.payload.secret_token).toBe(secret);
  });

  it("GET /healthz answers 200 while the database is reachable", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("rejects an update without the right secret token", async () => {
    const body = JSON.stringify({ update_id: 1, ...textMessage(telegramUser(5001), "/help") });
    const res = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" },
      body,
    });
    expect(res.status).toBe(401);
    expect(api.callsOf("sendMessage").filter((c) => c.payload.chat_id === 5001)).toHaveLength(0);
  });

  it("handles an update that carries the secret token", async () => {
    const since = api.mark();
    const body = JSON.stringify({ update_id: 2, ...textMessage(telegramUser(5002), "/help") });
    const res = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
      body,
    });
    expect(res.status).toBe(200);
    const reply = await api.waitForCall((c) => c.method === "sendMessage" && c.payload.chat_id === 5002, {
      since,
    });
    expect(reply.payload.text).toContain("/profile");
  });
});
