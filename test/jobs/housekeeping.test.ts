import { describe, expect, it } from "vitest";
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
  });
});
