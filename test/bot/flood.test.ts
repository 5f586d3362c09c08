import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedUnits } from "../helpers/campaign-fixtures.js";
import { InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database.js";

/** One unregistered person floods the bot at registration's first prompt. */
describe("a flood from one user", () => {
  let t: TestDatabase;
  const FLOODER = 4001;

  beforeEach(async () => {
    t = await createTestDatabase("pglite");
    await seedUnits(t.db);
  });
  afterEach(async () => {
    await t.close();
  });

  const stateBytes = async () => {
    const row = await t.db
      .selectFrom("conversation_state")
      .select("state")
      .where("key", "=", `chat:${FLOODER}`)
      .executeTakeFirst();
    return JSON.stringify(row?.state ?? null).length;
  };

  it("leaves the conversation's state as it was, and the next honest answer is taken", async () => {
    // Without the rate limit, so every update of the flood reaches the conversation.
    const h = new InProcessBot(t.db, { RATE_LIMIT_PER_MINUTE: "100000" });
    await h.bot.init();
    const chat = h.chat(FLOODER, { first_name: "Vân", last_name: undefined });
    expect(textsOf(await chat.send("/start"))).toContain("Bước 1/3");
    const before = await stateBytes();
    expect(before).toBeGreaterThan(10);
    for (let i = 0; i < 1000; i++) {
      await chat.send(`${"Tên quá dài ".repeat(10)}${"x".repeat(100)} ${i}`);
      await chat.press(`forged:${i}`);
    }
    expect(await stateBytes()).toBe(before);
    expect(textsOf(await chat.send("Nguyễn Thị Vân"))).toContain("Bước 2/3");
  });

  it("drops the rest of a minute past the limit, telling the flooder once", async () => {
    const h = new InProcessBot(t.db);
    await h.bot.init();
    const chat = h.chat(FLOODER);
    await chat.send("/start");
    let replies = 0;
    let notices = 0;
    for (let i = 0; i < 1000; i++) {
      for (const said of [await chat.send(`/bad${i}`), await chat.press(`forged:${i}`)]) {
        replies += said.length;
        notices += said.filter((r) => String(r.payload.text).includes("⏳")).length;
      }
    }
    expect(notices).toBe(1);
    // At most one reply per update inside the limit (120 a minute), and nothing for the other 1,880.
    expect(replies).toBeLessThanOrEqual(h.config.rateLimitPerMinute * 2 + 1);
    const stored = await t.db
      .selectFrom("users")
      .select("full_name")
      .where("telegram_id", "=", FLOODER)
      .execute();
    expect(stored).toEqual([{ full_name: null }]);
  });
});
