import type { Update } from "grammy/types";
import { sql } from "kysely";
import { beforeEach, describe, expect, it } from "vitest";
import { startDispatcher } from "../../src/intake/dispatcher.js";
import {
  chatKeyOf,
  claimUpdates,
  markHandled,
  releaseForRetry,
  storeUpdates,
} from "../../src/intake/inbox.repository.js";
import { createLogger } from "../../src/logger.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const message = (update_id: number, chatId: number, text = `m${update_id}`) =>
  ({
    update_id,
    message: {
      message_id: update_id,
      date: 0,
      chat: { id: chatId, type: "private", first_name: "T" },
      from: { id: chatId, is_bot: false, first_name: "T" },
      text,
    },
  }) as Update;

describe("chat keys", () => {
  it("orders by chat, by sender without a chat, and alone without either", () => {
    expect(chatKeyOf(message(1, 42))).toBe("42");
    const press = {
      update_id: 2,
      callback_query: {
        id: "c",
        from: { id: 7, is_bot: false, first_name: "T" },
        chat_instance: "i",
        data: "x",
      },
    } as Update;
    expect(chatKeyOf(press)).toBe("7");
    expect(chatKeyOf({ update_id: 3 } as Update)).toBe("u3");
  });
});

describe.each(DIALECTS)("update inbox (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  it("stores a message with a NUL character (which PostgreSQL refuses) as a space", async () => {
    expect(await storeUpdates(t.db, [message(1, 10, "a\u0000b")])).toBe(1);
    const [claimed] = await claimUpdates(t.db, "a", 30_000, 10);
    expect(claimed?.update.message?.text).toBe("a b");
  });

  it("stores an update once, however often it is delivered", async () => {
    expect(await storeUpdates(t.db, [message(1, 10), message(2, 10)])).toBe(2);
    expect(await storeUpdates(t.db, [message(2, 10), message(3, 10)])).toBe(1);
    const claimed = await claimUpdates(t.db, "a", 30_000, 10);
    expect(claimed.map((c) => c.update.update_id)).toEqual([1]);
    await markHandled(t.db, "a", [1]);
    // Redelivered after it was handled: still recognised, never handled again.
    expect(await storeUpdates(t.db, [message(1, 10)])).toBe(0);
    const row = await t.db
      .selectFrom("update_inbox")
      .selectAll()
      .where("update_id", "=", 1)
      .executeTakeFirst();
    expect(row?.payload).toBeNull();
    expect(row?.handled_at).not.toBeNull();
  });

  it("gives each chat's oldest update to one claimer at a time, in order", async () => {
    await storeUpdates(t.db, [
      message(1, 10),
      message(2, 20),
      message(3, 10),
      message(4, 20),
      message(5, 30),
    ]);
    const [a, b] = await Promise.all([
      claimUpdates(t.db, "a", 30_000, 10),
      claimUpdates(t.db, "b", 30_000, 10),
    ]);
    const ids = [...a, ...b].map((c) => c.update.update_id).sort();
    expect(ids).toEqual([1, 2, 5]);
    // Nothing more while the heads are held.
    expect(await claimUpdates(t.db, "c", 30_000, 10)).toEqual([]);
    const holder = a.some((c) => c.update.update_id === 1) ? "a" : "b";
    await markHandled(t.db, holder, [1]);
    expect((await claimUpdates(t.db, "c", 30_000, 10)).map((c) => c.update.update_id)).toEqual([3]);
  });

  it("lets another instance take over when a claim's lease runs out, and not before", async () => {
    await storeUpdates(t.db, [message(1, 10)]);
    await claimUpdates(t.db, "dead", 30_000, 10);
    expect(await claimUpdates(t.db, "b", 30_000, 10)).toEqual([]);
    await sql`update update_inbox set locked_until = now() - interval '1 second'`.execute(t.db);
    const taken = await claimUpdates(t.db, "b", 30_000, 10);
    expect(taken.map((c) => [c.update.update_id, c.attempts])).toEqual([[1, 2]]);
    // The dead instance's late mark does not count: b holds it.
    await markHandled(t.db, "dead", [1]);
    const row = await t.db.selectFrom("update_inbox").select("handled_at").executeTakeFirstOrThrow();
    expect(row.handled_at).toBeNull();
  });

  it("holds a chat back while its update waits for a retry", async () => {
    await storeUpdates(t.db, [message(1, 10), message(2, 10), message(3, 20)]);
    await claimUpdates(t.db, "a", 30_000, 10);
    await releaseForRetry(t.db, "a", 1, 60_000);
    expect((await claimUpdates(t.db, "a", 30_000, 10)).map((c) => c.update.update_id)).toEqual([]);
    await sql`update update_inbox set available_at = now() where update_id = 1`.execute(t.db);
    expect((await claimUpdates(t.db, "a", 30_000, 10)).map((c) => c.update.update_id)).toEqual([1]);
  });

  it("two dispatchers on one database handle every update once, each chat in order", async () => {
    const chats = 20;
    const perChat = 15;
    const updates: Update[] = [];
    let id = 1;
    for (let i = 0; i < perChat; i++) for (let c = 1; c <= chats; c++) updates.push(message(id++, c));
    await storeUpdates(t.db, updates);
    const seen = new Map<number, number[]>();
    let inFlight = new Set<number>();
    let overlaps = 0;
    const handle = async (u: Update) => {
      const chat = u.message?.chat.id ?? 0;
      if (inFlight.has(chat)) overlaps++;
      inFlight.add(chat);
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      seen.set(chat, [...(seen.get(chat) ?? []), u.update_id]);
      inFlight.delete(chat);
    };
    const logger = createLogger("silent");
    const options = { concurrency: 8, leaseMs: 30_000, idlePollMs: 10 };
    const a = startDispatcher({ db: t.db, logger, instance: "a", handle }, options);
    const b = startDispatcher({ db: t.db, logger, instance: "b", handle }, options);
    const deadline = Date.now() + 30_000;
    while ([...seen.values()].reduce((n, l) => n + l.length, 0) < updates.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await Promise.all([a.stop(), b.stop()]);
    inFlight = new Set();
    expect(overlaps).toBe(0);
    for (let c = 1; c <= chats; c++) {
      const expected = updates.filter((u) => u.message?.chat.id === c).map((u) => u.update_id);
      expect(seen.get(c)).toEqual(expected);
    }
    const pending = await t.db
      .selectFrom("update_inbox")
      .select("update_id")
      .where("handled_at", "is", null)
      .execute();
    expect(pending).toEqual([]);
  });
});
