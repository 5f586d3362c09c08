import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, startBot, waitForOutput } from "../helpers/bot-process.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import {
  type BotDatabase,
  botDatabase,
  draftsByChat,
  formAnswers,
  seedOpenForms,
} from "../helpers/form-fixture.js";
import { hasPostgres, terminateConnections } from "../helpers/test-database.js";

describe.runIf(hasPostgres)("the bot when PostgreSQL drops its connections", () => {
  let bot: BotProcess | undefined;
  let api: FakeTelegramApi | undefined;
  let database: BotDatabase | undefined;

  afterEach(async () => {
    await bot?.stop("SIGKILL");
    await api?.stop();
    await database?.drop();
  });

  it("says so, keeps running, and the teacher's form goes on with nothing lost", async () => {
    const chatId = 8801;
    database = await botDatabase("postgres");
    await seedOpenForms(database, [chatId]);
    api = await FakeTelegramApi.start();
    bot = await startBot(api, { ...database.env, UPDATE_LEASE_SECONDS: "2" });
    const answers = formAnswers(chatId);
    const reply = async (i: number) => {
      const since = api?.mark() ?? 0;
      api?.pushUpdate(answers[i] as never);
      return api
        ?.waitForCall(
          (c) =>
            ["sendMessage", "editMessageText"].includes(c.method) && Number(c.payload.chat_id) === chatId,
          { since },
        )
        .catch((e: unknown) => {
          throw new Error(
            `answer ${i}: exit ${bot?.child.exitCode} ${bot?.child.signalCode}: ${String(e)}\n${bot?.output().slice(-600)}`,
          );
        });
    };
    await reply(0);
    await reply(1);
    expect(await terminateConnections(database.env.DATABASE_URL as string)).toBeGreaterThan(0);
    await waitForOutput(bot, /lost a database connection/, 10_000);
    // Every later answer is taken, once, in order: the pool opened new connections.
    for (let i = 2; i < answers.length; i++) await reply(i);
    expect(bot.child.exitCode).toBeNull();
    expect(await bot.stop()).toBe(0);
    bot = undefined;
    const drafts = await draftsByChat(database);
    expect(drafts.get(chatId)?.draft_step).toBe("scopeProposed");
  });
});
