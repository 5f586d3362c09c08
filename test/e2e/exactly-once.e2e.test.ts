import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, deliverToWebhook, freePort, startBot, webhookEnv } from "../helpers/bot-process.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import {
  type BotDatabase,
  botDatabase,
  draftsByChat,
  expectedDraft,
  formAnswers,
  seedOpenForms,
} from "../helpers/form-fixture.js";
import { DIALECTS, hasPostgres } from "../helpers/test-database.js";

const CHATS = 100;
const FIRST_CHAT = 800_000;
const chatIds = Array.from({ length: CHATS }, (_, i) => FIRST_CHAT + i);
/** Short leases, so on PostgreSQL the updates a killed process had claimed are taken over within the test. */
const LEASE = { UPDATE_LEASE_SECONDS: "2" };

let api: FakeTelegramApi | undefined;
const bots: BotProcess[] = [];
let database: BotDatabase | undefined;

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop("SIGKILL");
  await api?.stop();
  await database?.drop();
});

/** Each chat's ten answers, numbered round by round: chat after chat, so every chat has updates in flight. */
function interleaved(firstId = 1): { updates: Update[]; lastOf: Map<number, number> } {
  const updates: Update[] = [];
  const lastOf = new Map<number, number>();
  let id = firstId;
  for (let round = 0; round < 10; round++) {
    for (const chatId of chatIds) {
      updates.push({ update_id: id, ...formAnswers(chatId)[round] } as Update);
      lastOf.set(chatId, id++);
    }
  }
  return { updates, lastOf };
}

const sentMessages = (fake: FakeTelegramApi) => fake.callsOf("sendMessage").length;

async function until(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every chat was asked the step after the last answer (the proposed scope, "Bước 11/12"). */
const allFinished = (fake: FakeTelegramApi) => () => {
  const done = new Set(
    fake
      .callsOf("sendMessage")
      .filter((c) => String(c.payload.text).includes("Bước 11/12"))
      .map((c) => Number(c.payload.chat_id)),
  );
  return chatIds.every((id) => done.has(id));
};

async function expectEveryAnswerOnceInOrder(lastOf: Map<number, number>): Promise<void> {
  const drafts = await draftsByChat(database as BotDatabase);
  for (const chatId of chatIds) {
    const draft = drafts.get(chatId);
    expect({ draft_step: draft?.draft_step, fields: draft?.fields }).toEqual(expectedDraft(chatId));
    expect(draft?.last_update_id).toBe(lastOf.get(chatId));
  }
}

describe.each(DIALECTS)("every update's effect exactly once, in each chat's order (%s)", (dialect) => {
  it("polling: kill -9 with 1,000 updates of 100 chats in flight, some delivered twice", async () => {
    database = await botDatabase(dialect);
    await seedOpenForms(database, chatIds);
    api = await FakeTelegramApi.start();
    const { updates, lastOf } = interleaved();
    for (const [i, update] of updates.entries()) {
      api.pushRawUpdate(update);
      // Every seventh update comes twice, as Telegram may deliver after a network error.
      if (i % 7 === 3) api.pushRawUpdate(update);
    }
    const env = { ...database.env, ...LEASE };
    const first = await startBot(api, env);
    bots.push(first);
    await until(() => sentMessages(api as FakeTelegramApi) >= 300, "300 replies");
    first.child.kill("SIGKILL");
    await first.exited;
    const second = await startBot(api, env);
    bots.push(second);
    await until(allFinished(api), "every chat's last answer");
    expect(await second.stop()).toBe(0);
    await expectEveryAnswerOnceInOrder(lastOf);
    // Two starts and 1,000 updates on the embedded database take about a minute on this 2-core machine.
  }, 180_000);

  // Webhook intake differs from polling only before the inbox: one database suffices (PostgreSQL when there is one).
  it.runIf(dialect === (hasPostgres ? "postgres" : "pglite"))(
    "webhook: kill -9 mid-stream; Telegram redelivers what was not answered 200",
    async () => {
      database = await botDatabase(dialect);
      await seedOpenForms(database, chatIds);
      api = await FakeTelegramApi.start();
      const port = await freePort();
      const env = { ...database.env, ...LEASE, ...webhookEnv(port) };
      const first = await startBot(api, env, { readyOn: "setWebhook" });
      bots.push(first);
      const { updates, lastOf } = interleaved();
      // Telegram's side: one chat's updates one after another, chats side by side, each retried until answered 200.
      const delivering = Promise.all(
        chatIds.map(async (chatId) => {
          for (const update of updates.filter((u) => lastOf.has(chatId) && chatOf(u) === chatId))
            await deliverToWebhook(port, update);
        }),
      );
      await until(() => sentMessages(api as FakeTelegramApi) >= 300, "300 replies");
      first.child.kill("SIGKILL");
      await first.exited;
      const second = await startBot(api, env, { readyOn: "setWebhook" });
      bots.push(second);
      await delivering;
      await until(allFinished(api), "every chat's last answer");
      expect(await second.stop()).toBe(0);
      await expectEveryAnswerOnceInOrder(lastOf);
    },
  );
});

describe.runIf(hasPostgres)("webhook redelivery and several instances (postgres)", () => {
  it("two instances on one database, one chat's updates alternating between them: handled in order", async () => {
    database = await botDatabase("postgres");
    await seedOpenForms(database, chatIds.slice(0, 10));
    api = await FakeTelegramApi.start();
    const ports = [await freePort(), await freePort()] as const;
    for (const port of ports) {
      const bot = await startBot(api, { ...database.env, ...webhookEnv(port) }, { readyOn: "setWebhook" });
      bots.push(bot);
    }
    const lastOf = new Map<number, number>();
    let id = 1;
    const perChat = chatIds.slice(0, 10).map((chatId) =>
      formAnswers(chatId).map((u) => {
        lastOf.set(chatId, id);
        return { update_id: id++, ...u } as Update;
      }),
    );
    // Each update goes to the other instance than the one before, without waiting for it to be handled.
    await Promise.all(
      perChat.map(async (updates) => {
        for (const [i, update] of updates.entries()) await deliverToWebhook(ports[i % 2] as number, update);
      }),
    );
    await until(() => {
      const done = new Set(
        (api as FakeTelegramApi)
          .callsOf("sendMessage")
          .filter((c) => String(c.payload.text).includes("Bước 11/12"))
          .map((c) => Number(c.payload.chat_id)),
      );
      return chatIds.slice(0, 10).every((c) => done.has(c));
    }, "every chat's last answer");
    const drafts = await draftsByChat(database);
    for (const chatId of chatIds.slice(0, 10)) {
      const draft = drafts.get(chatId);
      expect({ draft_step: draft?.draft_step, fields: draft?.fields }).toEqual(expectedDraft(chatId));
      expect(draft?.last_update_id).toBe(lastOf.get(chatId));
    }
  });

  it("answers a slow update at once, and a redelivered one (to either instance) changes nothing", async () => {
    database = await botDatabase("postgres");
    const chatId = chatIds[0] as number;
    await seedOpenForms(database, [chatId]);
    api = await FakeTelegramApi.start();
    const ports = [await freePort(), await freePort()] as const;
    for (const port of ports)
      bots.push(await startBot(api, { ...database.env, ...webhookEnv(port) }, { readyOn: "setWebhook" }));
    const answers = formAnswers(chatId);
    for (const [i, update] of answers.slice(0, 5).entries())
      await deliverToWebhook(ports[0], { update_id: i + 1, ...update });
    await until(
      () =>
        (api as FakeTelegramApi)
          .callsOf("sendMessage")
          .some((c) => String(c.payload.text).includes("Bước 6/12")),
      "the essence step",
    );
    // The reply to the essence hangs past Telegram's webhook timeout (auto-retry waiting out a 429 does this):
    // the webhook must still answer in time (deliverToWebhook gives up on an answer after 10 s, as Telegram does).
    api.delayNext("sendMessage", 15_000);
    const essence = { update_id: 6, ...answers[5] };
    await deliverToWebhook(ports[0], essence, { timeoutMs: 9_000 });
    await deliverToWebhook(ports[1], essence, { timeoutMs: 9_000 });
    await deliverToWebhook(ports[0], essence, { timeoutMs: 9_000 });
    await until(
      () =>
        (api as FakeTelegramApi)
          .callsOf("sendMessage")
          .some((c) => String(c.payload.text).includes("Bước 7/12")),
      "the conditions step",
      30_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    const draft = (await draftsByChat(database)).get(chatId);
    expect(draft?.draft_step).toBe("conditions");
    expect(draft?.fields).toMatchObject({ essence: `Giải pháp ${chatId}` });
    expect(draft?.fields).not.toHaveProperty("conditions");
    expect(draft?.last_update_id).toBe(6);
  });
});

function chatOf(update: Update): number | undefined {
  return update.message?.chat.id ?? update.callback_query?.from.id;
}
