import { Api } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BroadcastSender, startBroadcastSender } from "../../src/broadcasts/broadcast-sender.js";
import { enqueueCampaignBroadcast } from "../../src/broadcasts/broadcasts.repository.js";
import { CampaignsService } from "../../src/campaigns/campaigns.service.js";
import type { DatabaseHandle } from "../../src/db/create-database.js";
import { createDatabase } from "../../src/db/create-database.js";
import { createLogger } from "../../src/logger.js";
import { admin, campaignInput, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { FAKE_BOT, FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { DIALECTS, hasPostgres, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date();
const render = () => ({ text: "Thông báo <b>phong trào</b>" });

describe.each(DIALECTS)("the broadcast sender (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  let api: FakeTelegramApi;
  const senders: BroadcastSender[] = [];
  const extraHandles: DatabaseHandle[] = [];

  beforeEach(async () => {
    await truncateAll(t.db);
    api = await FakeTelegramApi.start();
  });
  afterEach(async () => {
    for (const s of senders.splice(0)) await s.stop();
    for (const h of extraHandles.splice(0)) await h.close();
    await api.stop();
  });

  /** `n` teachers (telegram ids 1001…) and one announcement to all of them. */
  async function enqueue(n: number) {
    const units = await seedUnits(t.db);
    for (let i = 0; i < n; i++) await teacher(t.db, 1001 + i, units.u1);
    const adminId = await admin(t.db, 900);
    const campaign = await new CampaignsService(t.db, "Asia/Ho_Chi_Minh").create(
      adminId,
      campaignInput(NOW),
      NOW,
    );
    const queued = await enqueueCampaignBroadcast(t.db, {
      campaign,
      kind: "announcement",
      dedupeKey: `announce:${campaign.id}`,
      payload: {},
      onlyWithoutSubmission: false,
    });
    return queued?.broadcastId as number;
  }

  function start(db = t.db, rate = 200, onFinished?: (id: number) => Promise<void>) {
    const sender = startBroadcastSender(
      {
        db,
        dialect,
        api: new Api("123:TEST-token-for-the-fake-bot-api", { apiRoot: api.apiRoot }),
        logger: createLogger("silent"),
        botId: FAKE_BOT.id,
        render,
        ...(onFinished ? { onFinished } : {}),
      },
      { rate, paid: true, idleMs: 100, lockRetryMs: 200 },
    );
    senders.push(sender);
    return sender;
  }

  const messagesPerChat = () => {
    const counts = new Map<number, number>();
    for (const c of api.callsOf("sendMessage"))
      counts.set(c.payload.chat_id, (counts.get(c.payload.chat_id) ?? 0) + 1);
    return counts;
  };

  async function waitUntilDone(broadcastId: number, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const b = await t.db
        .selectFrom("broadcasts")
        .select("status")
        .where("id", "=", broadcastId)
        .executeTakeFirst();
      if (b?.status === "done") return;
      if (Date.now() > deadline) throw new Error(`broadcast ${broadcastId} still ${b?.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it("delivers once to each recipient through 429, 5xx and 403, recording message ids", async () => {
    const id = await enqueue(40);
    api.failChat(1007, { status: 403 });
    api.failChat(1008, { status: 400, description: "Bad Request: chat not found" });
    api.failNext("sendMessage", { status: 502 }, 2);
    api.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const finished: number[] = [];
    start(t.db, 200, async (b) => {
      finished.push(b);
    });
    await waitUntilDone(id);

    const rows = await t.db
      .selectFrom("broadcast_deliveries")
      .select(["chat_id", "status", "telegram_message_id", "attempts"])
      .orderBy("chat_id")
      .execute();
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(38);
    expect(rows.filter((r) => r.status === "blocked").map((r) => r.chat_id)).toEqual([1007, 1008]);
    expect(rows.every((r) => r.status !== "sent" || (r.telegram_message_id ?? 0) > 1000)).toBe(true);
    // The one refused with 429 is retried without counting it as an attempt; a 502 counts.
    expect(Math.max(...rows.map((r) => r.attempts))).toBe(2);

    // 38 delivered and 2 refused for good, each asked once, plus the two 502s and the 429 that were retried.
    expect(api.callsOf("sendMessage")).toHaveLength(40 + 3);
    expect(messagesPerChat().size).toBe(40);
    const blockedUsers = await t.db
      .selectFrom("users")
      .select("telegram_id")
      .where("active", "=", false)
      .orderBy("telegram_id")
      .execute();
    expect(blockedUsers.map((u) => u.telegram_id)).toEqual([1007, 1008]);
    expect(finished).toEqual([id]);
  });

  it("waits out a 429 for every message at once", async () => {
    const id = await enqueue(20);
    api.failNext("sendMessage", { status: 429, retryAfter: 2 });
    start(t.db, 500);
    await waitUntilDone(id);
    const calls = api.callsOf("sendMessage");
    // Every message waited the 2 seconds out at once: the sending stopped for them shortly after the refusal (how
    // soon depends on the machine's load, so only the order is asserted) and the refused one went after the pause.
    const gaps = calls.slice(1).map((c, i) => ({ from: calls[i]?.at ?? 0, to: c.at, index: i + 1 }));
    const pause = gaps.reduce((a, b) => (b.to - b.from > a.to - a.from ? b : a));
    expect(pause.to - pause.from).toBeGreaterThanOrEqual(1800);
    expect(pause.from).toBeGreaterThanOrEqual(calls[0]?.at ?? 0);
    const refused = calls[0]?.payload.chat_id;
    expect(calls.findIndex((c, i) => i > 0 && c.payload.chat_id === refused)).toBeGreaterThanOrEqual(
      pause.index,
    );
    expect(new Set(calls.map((c) => c.payload.chat_id)).size).toBe(20);
  });

  it("stops and starts again without losing or repeating anyone", async () => {
    const id = await enqueue(60);
    const first = start(t.db, 50);
    await api.waitForCall((c) => c.method === "sendMessage", { since: 10 });
    await first.stop();
    senders.splice(senders.indexOf(first), 1);
    const before = api.callsOf("sendMessage").length;
    expect(before).toBeLessThan(60);
    start(t.db, 200);
    await waitUntilDone(id);
    const perChat = messagesPerChat();
    expect(perChat.size).toBe(60);
    expect([...perChat.values()].every((n) => n === 1)).toBe(true);
  });

  it.runIf(dialect === "postgres" && hasPostgres)(
    "runs one sender per bot token across instances; another takes over when it stops",
    async () => {
      const id = await enqueue(80);
      const second = await createDatabase({ kind: "postgres", url: t.url as string });
      extraHandles.push(second);
      const a = start(t.db, 100);
      const b = start(second.db, 100);
      await api.waitForCall((c) => c.method === "sendMessage");
      await new Promise((r) => setTimeout(r, 300));
      expect([a.active(), b.active()].filter(Boolean)).toHaveLength(1);
      const holder = a.active() ? a : b;
      const other = holder === a ? b : a;
      await holder.stop();
      senders.splice(senders.indexOf(holder), 1);
      await waitUntilDone(id);
      expect(other.active()).toBe(true);
      const perChat = messagesPerChat();
      expect(perChat.size).toBe(80);
      expect([...perChat.values()].every((n) => n === 1)).toBe(true);
    },
  );
});
