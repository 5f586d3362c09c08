import { describe, expect, it } from "vitest";
import { broadcastProgress } from "../../src/broadcasts/broadcasts.repository.js";
import { loadConfig } from "../../src/config.js";
import { housekeeping } from "../../src/jobs/housekeeping.js";
import { createLogger } from "../../src/logger.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("housekeeping job (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("removes conversation states idle for 30 days, cron fires older than a week and handled update ids older than two days, as of the time it runs for", async () => {
    const now = new Date("2026-03-31T20:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    await t.db
      .insertInto("conversation_state")
      .values([
        { key: "idle", state: "{}", updated_at: daysAgo(31) },
        { key: "recent", state: "{}", updated_at: daysAgo(29) },
      ])
      .execute();
    await t.db
      .insertInto("cron_fires")
      .values([
        { job: "tick", fire_at: daysAgo(8), instance: "x" },
        { job: "tick", fire_at: daysAgo(1), instance: "x" },
      ])
      .execute();
    await t.db
      .insertInto("update_inbox")
      .values([
        { update_id: 1, chat_key: "1", payload: null, handled_at: daysAgo(3) },
        { update_id: 2, chat_key: "1", payload: null, handled_at: daysAgo(1) },
        { update_id: 3, chat_key: "1", payload: "{}", received_at: daysAgo(5) },
      ])
      .execute();
    await t.db
      .insertInto("verification_attempts")
      .values([
        { telegram_id: 71, window_start: daysAgo(2), attempts: 5 },
        { telegram_id: 72, window_start: daysAgo(0.5), attempts: 1 },
      ])
      .execute();

    const deps = {
      db: t.db,
      config: loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }),
      logger: createLogger("silent"),
    };
    await housekeeping(deps, now);

    expect((await t.db.selectFrom("conversation_state").select("key").execute()).map((r) => r.key)).toEqual([
      "recent",
    ]);
    const fires = await t.db.selectFrom("cron_fires").select("fire_at").execute();
    expect(fires.map((f) => f.fire_at.toISOString())).toEqual([daysAgo(1).toISOString()]);
    // Handled update ids go after two days; a pending update stays however old it is.
    const updates = await t.db.selectFrom("update_inbox").select("update_id").orderBy("update_id").execute();
    expect(updates.map((u) => u.update_id)).toEqual([2, 3]);
    // Certificate lookup counters of yesterday's minutes are forgotten.
    const lookups = await t.db.selectFrom("verification_attempts").select("telegram_id").execute();
    expect(lookups.map((l) => Number(l.telegram_id))).toEqual([72]);
  });

  it("keeps who received a finished broadcast for 90 days, its counts for good, and the audit log five years", async () => {
    const now = new Date("2026-03-31T20:00:00Z");
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const [user, other] = await t.db
      .insertInto("users")
      .values([{ telegram_id: 81 }, { telegram_id: 82 }])
      .returning("id")
      .execute();
    const [old, recent] = await t.db
      .insertInto("broadcasts")
      .values(
        [100, 10].map((d) => ({
          kind: "announcement" as const,
          dedupe_key: `b${d}`,
          status: "done" as const,
          finished_at: daysAgo(d),
          total: 2,
        })),
      )
      .returning("id")
      .execute();
    for (const b of [old, recent])
      await t.db
        .insertInto("broadcast_deliveries")
        .values([
          { broadcast_id: b?.id as number, user_id: user?.id as number, chat_id: 81, status: "sent" },
          { broadcast_id: b?.id as number, user_id: other?.id as number, chat_id: 82, status: "blocked" },
        ])
        .execute();
    await t.db
      .insertInto("audit_log")
      .values([
        { actor_id: null, action: "old", subject: "{}", created_at: daysAgo(6 * 365) },
        { actor_id: null, action: "kept", subject: "{}", created_at: daysAgo(4 * 365) },
      ])
      .execute();
    await housekeeping(
      {
        db: t.db,
        config: loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }),
        logger: createLogger("silent"),
      },
      now,
    );
    const left = await t.db.selectFrom("broadcast_deliveries").select("broadcast_id").execute();
    expect(new Set(left.map((d) => d.broadcast_id))).toEqual(new Set([recent?.id]));
    const progress = await broadcastProgress(t.db, { ids: [old?.id as number] });
    expect(progress[0]).toMatchObject({ sent: 1, blocked: 1, pending: 0, failed: 0 });
    expect((await t.db.selectFrom("audit_log").select("action").execute()).map((a) => a.action)).toEqual([
      "kept",
    ]);
  });
});
