import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { InProcessBot } from "../helpers/in-process-bot.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";
import { telegramUser } from "../helpers/updates.js";

const membership = (id: number, status: "kicked" | "member"): Omit<Update, "update_id"> =>
  ({
    my_chat_member: {
      chat: { id, type: "private", first_name: "Lan" },
      from: telegramUser(id),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: {
        status: status === "kicked" ? "member" : "kicked",
        user: { id: 7000000001, is_bot: true, first_name: "Bot" },
      },
      new_chat_member: {
        status,
        user: { id: 7000000001, is_bot: true, first_name: "Bot" },
        ...(status === "kicked" ? { until_date: 0 } : {}),
      },
    },
  }) as Omit<Update, "update_id">;

describe("someone who blocks the bot", () => {
  let t: TestDatabase;
  let h: InProcessBot;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    h = new InProcessBot(t.db);
    await h.bot.init();
  });

  afterAll(async () => {
    await t.close();
  });

  it("is marked unreachable at once, loses the conversation in progress, and is reachable again on unblocking", async () => {
    const { u1 } = await seedUnits(t.db);
    const id = 5101;
    await teacher(t.db, id, u1);
    await h.chat(id).send("/profile");
    await h.chat(id).press("profile:name");
    const state = () =>
      t.db.selectFrom("conversation_state").select("key").where("key", "=", `chat:${id}`).execute();
    expect(await state()).toHaveLength(1);
    const active = async () =>
      (
        await t.db
          .selectFrom("users")
          .select("active")
          .where("telegram_id", "=", id)
          .executeTakeFirstOrThrow()
      ).active;

    const before = h.calls.length;
    await h.handle(membership(id, "kicked"));
    expect(await active()).toBe(false);
    expect(await state()).toEqual([]);
    // Nothing is said to someone who just blocked the bot (Telegram would refuse it anyway).
    expect(h.calls.slice(before).filter((c) => c.method === "sendMessage")).toEqual([]);

    await h.handle(membership(id, "member"));
    expect(await active()).toBe(true);
  });
});
