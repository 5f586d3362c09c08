import { afterAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../helpers/bot-process.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import {
  type BotDatabase,
  botDatabase,
  draftsByChat,
  formAnswers,
  seedOpenForms,
} from "../helpers/form-fixture.js";
import { hasPostgres } from "../helpers/test-database.js";

const TEACHERS = 20;
const FIRST_CHAT = 820_000;
const teachers = Array.from({ length: TEACHERS }, (_, i) => FIRST_CHAT + i);

/**
 * The Bot API answers 429 (retry_after 3) for 30 s and then 502 for 30 s, in the middle of 20 teachers' forms: the
 * answers given meanwhile are kept, each chat is asked its next question once Telegram answers again, and every
 * form goes on without /drafts.
 */
describe("a minute of Bot API outage in the middle of 20 forms", () => {
  let api: FakeTelegramApi;
  let database: BotDatabase;
  let bot: BotProcess | undefined;

  afterAll(async () => {
    await bot?.stop("SIGKILL");
    await api?.stop();
    await database?.drop();
  });

  const asked = (chatId: number, step: string) =>
    api
      .callsOf("sendMessage")
      .some((c) => c.payload.chat_id === chatId && String(c.payload.text).includes(step));

  async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("keeps every conversation, and each chat goes on when Telegram answers again", {
    timeout: 240_000,
  }, async () => {
    database = await botDatabase(hasPostgres ? "postgres" : "pglite");
    await seedOpenForms(database, teachers);
    api = await FakeTelegramApi.start();
    bot = await startBot(api, database.env);
    const answers = new Map(teachers.map((t) => [t, formAnswers(t)]));
    const answer = (chatId: number, i: number) => api.pushUpdate(answers.get(chatId)?.[i] as never);

    // Before the outage: the title.
    for (const t of teachers) answer(t, 0);
    await until(() => teachers.every((t) => asked(t, "Bước 2/12")), "the type question", 30_000);

    // The outage: everything but getUpdates fails. Meanwhile each teacher answers the type and the field.
    api.failFor({ status: 429, retryAfter: 3 }, 30_000);
    const outageStart = api.mark();
    for (const t of teachers) answer(t, 1);
    await new Promise((r) => setTimeout(r, 1_000));
    for (const t of teachers) answer(t, 2);
    await new Promise((r) => setTimeout(r, 29_000));
    api.failFor({ status: 502 }, 30_000);
    await new Promise((r) => setTimeout(r, 30_000));
    // Tried during the outage (and refused), the chats' later answers waiting behind in order.
    expect(api.calls.slice(outageStart).filter((c) => c.method !== "getUpdates").length).toBeGreaterThan(0);

    // Telegram answers again: each chat is asked the question after its last answer, without /drafts.
    const since = api.mark();
    const askedSince = (chatId: number, step: string) =>
      api.calls
        .slice(since)
        .some(
          (c) =>
            c.method === "sendMessage" &&
            c.payload.chat_id === chatId &&
            String(c.payload.text).includes(step),
        );
    await until(
      () => teachers.every((t) => askedSince(t, "Bước 4/12")),
      "the problem question after the outage",
      60_000,
    );
    for (const t of teachers) answer(t, 3);
    await until(() => teachers.every((t) => askedSince(t, "Bước 5/12")), "the date question", 30_000);
    expect(api.calls.slice(since).some((c) => String(c.payload.text).includes("/drafts"))).toBe(false);

    expect(await bot.stop()).toBe(0);
    bot = undefined;
    const drafts = await draftsByChat(database);
    for (const t of teachers) {
      expect(drafts.get(t)?.draft_step).toBe("firstAppliedOn");
      expect(drafts.get(t)?.fields).toMatchObject({
        initiativeType: "initiative",
        field: "teaching",
        problem: `Thực trạng ${t}`,
      });
    }
  });
});
