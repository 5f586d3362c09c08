import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { postgresRunCoordinator } from "../../src/cron/run-coordinator.js";
import type { Job } from "../../src/jobs/job.js";
import { startScheduler } from "../../src/jobs/schedule.js";
import { createLogger } from "../../src/logger.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("cron fires act once across instances (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("elects exactly one of several instances for a fire, and each fire separately", async () => {
    const a = postgresRunCoordinator(t.db, "a");
    const b = postgresRunCoordinator(t.db, "b");
    const key = "tick:2026-11-23T01:00:00.000Z";
    const votes = await Promise.all([a.shouldRun(key, 1000), b.shouldRun(key, 1000), a.shouldRun(key, 1000)]);
    expect(votes.filter(Boolean)).toHaveLength(1);
    expect(await b.shouldRun("tick:2026-11-23T01:01:00.000Z", 1000)).toBe(true);
    expect(await a.shouldRun("other:2026-11-23T01:00:00.000Z", 1000)).toBe(true);
  });

  it("refuses a key it cannot read", async () => {
    await expect(postgresRunCoordinator(t.db, "a").shouldRun("no-time-here", 1000)).rejects.toThrow(
      /Unexpected cron key/,
    );
  });

  it("two schedulers on one database run each second's fire once", async () => {
    const config = loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    const logger = createLogger("silent");
    const fires: string[] = [];
    const job: Job = {
      name: "every-second",
      cron: "* * * * * *",
      run: async (_deps, now) => {
        fires.push(now.toISOString());
      },
    };
    const one = startScheduler({ db: t.db, config, logger }, "one", [job]);
    const two = startScheduler({ db: t.db, config, logger }, "two", [job]);
    await new Promise((r) => setTimeout(r, 3500));
    await one.stop();
    await two.stop();
    expect(fires.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fires).size).toBe(fires.length);
  });

  it("stops only after a job in progress has finished, so the database is not closed under it", async () => {
    const config = loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    let started = 0;
    let finished = 0;
    const job: Job = {
      name: "slow",
      cron: "* * * * * *",
      run: async () => {
        started++;
        await new Promise((r) => setTimeout(r, 700));
        finished++;
      },
    };
    const scheduler = startScheduler({ db: t.db, config, logger: createLogger("silent") }, "one", [job]);
    while (started === 0) await new Promise((r) => setTimeout(r, 20));
    await scheduler.stop();
    expect(finished).toBe(started);
  });
});
