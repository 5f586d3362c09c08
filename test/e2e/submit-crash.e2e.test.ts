import { afterAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../helpers/bot-process.js";
import { FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi, type RecordedCall } from "../helpers/fake-telegram-api.js";
import { type BotDatabase, botDatabase, seedDraftsAtSummary } from "../helpers/form-fixture.js";
import { hasPostgres } from "../helpers/test-database.js";
import { callbackQuery, telegramUser } from "../helpers/updates.js";

const TRIES = 20;
const FIRST_CHAT = 810_000;
const HEAD = 819_999;
const teachers = Array.from({ length: TRIES }, (_, i) => FIRST_CHAT + i);
/**
 * Telegram has no idempotent send: a message sent in the instant before a kill, before the bot could record that
 * it was sent, is sent again after the restart. Only such a message may come twice.
 */
const IN_FLIGHT_WINDOW_MS = 300;

/**
 * kill -9 at a random instant around each of 20 presses of 📨 Gửi, a restart after each: every stored submission's
 * receipt and the unit head's notice arrive once, and the chat is usable at once.
 */
describe("a kill -9 around 📨 Gửi", () => {
  let api: FakeTelegramApi;
  let database: BotDatabase;
  let bot: BotProcess | undefined;

  afterAll(async () => {
    await bot?.stop("SIGKILL");
    await api?.stop();
    await database?.drop();
  });

  it("loses no receipt or notice and repeats only what was in flight", { timeout: 240_000 }, async () => {
    database = await botDatabase(hasPostgres ? "postgres" : "pglite");
    await seedDraftsAtSummary(database, teachers, HEAD);
    api = await FakeTelegramApi.start();
    const env = { ...database.env, UPDATE_LEASE_SECONDS: "2" };
    bot = await startBot(api, env);
    const kills: number[] = [];
    for (const chatId of teachers) {
      api.pushUpdate(callbackQuery(telegramUser(chatId), "f:submit"));
      await new Promise((r) => setTimeout(r, Math.random() * 80));
      kills.push(api.elapsed);
      bot.child.kill("SIGKILL");
      await bot.exited;
      bot = await startBot(api, env);
    }

    const receipts = (chatId: number) =>
      api
        .callsOf("sendMessage")
        .filter((c) => c.payload.chat_id === chatId && String(c.payload.text).includes("Mã hồ sơ"));
    const notices = () =>
      api
        .callsOf("sendMessage")
        .filter((c) => c.payload.chat_id === HEAD && String(c.payload.text).includes("Hồ sơ mới"));
    const codeOf = (c: RecordedCall) => /SK-\d{4}-\d{5}/.exec(String(c.payload.text))?.[0];
    const deadline = Date.now() + 90_000;
    while (
      !(teachers.every((t) => receipts(t).length > 0) && new Set(notices().map(codeOf)).size === TRIES) &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 100));

    const repeatedOutsideACrash = (copies: RecordedCall[]) =>
      copies.length > 1 &&
      !copies.slice(0, -1).every((c) => kills.some((k) => k >= c.at && k - c.at <= IN_FLIGHT_WINDOW_MS));
    for (const chatId of teachers) {
      const got = receipts(chatId);
      expect(got.length, `receipts of ${chatId}`).toBeGreaterThan(0);
      expect(
        repeatedOutsideACrash(got),
        `receipts of ${chatId} repeated: sent at ${got.map((c) => c.at).join(", ")} ms; kills at ${kills.join(", ")} ms`,
      ).toBe(false);
      // One submission, one code, whatever was repeated.
      expect(new Set(got.map(codeOf)).size).toBe(1);
    }
    const byCode = new Map<string, RecordedCall[]>();
    for (const n of notices()) byCode.set(codeOf(n) ?? "", [...(byCode.get(codeOf(n) ?? "") ?? []), n]);
    expect(byCode.size).toBe(TRIES);
    for (const [code, copies] of byCode)
      expect(
        repeatedOutsideACrash(copies),
        `notice ${code} repeated: sent at ${copies.map((c) => c.at).join(", ")} ms; kills at ${kills.join(", ")} ms`,
      ).toBe(false);

    // The chat is usable at once: /my lists the submission, no leftover form intercepts it.
    for (const chatId of teachers) {
      const list = await new FakeChat(api, chatId).send("/my");
      expect(list.payload.text).toContain(codeOf(receipts(chatId)[0] as RecordedCall));
    }
  });
});
