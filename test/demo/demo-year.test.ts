import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { SUBMISSION_STATUSES } from "../../src/db/types.js";
import { seedDemoYear } from "../../src/demo/demo-year.js";
import { DEMO_PEOPLE } from "../../src/demo/people.js";
import { createServices } from "../../src/services.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-12-06T13:00:00Z");
const TZ = "Asia/Ho_Chi_Minh";

/** What `npm run demo` shows depends on this year: every stage of a submission's life, for every role to act on. */
describe.each(DIALECTS)("the demo school year (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("holds every status, a council's scores, a decision, and work waiting for each demo role", async () => {
    const services = createServices(t.db, loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }));
    await services.users.bootstrapAdmins(DEMO_PEOPLE.filter((p) => p.role === "admin").map((p) => p.user.id));
    const milestones = await seedDemoYear(t.db, services, TZ, NOW);

    const statuses = await t.db.selectFrom("submissions").select("status").distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...SUBMISSION_STATUSES].sort());
    const campaigns = await t.db.selectFrom("campaigns").select(["status", "announce_at"]).execute();
    expect(campaigns.map((c) => c.status).sort()).toEqual(["closed", "open", "scheduled"]);
    const decision = await t.db.selectFrom("decisions").select(["number"]).executeTakeFirstOrThrow();
    expect(decision.number).toBe("1520/QĐ-SGDĐT");
    const scored = await t.db
      .selectFrom("review_assignments")
      .select("status")
      .where("status", "=", "scored")
      .execute();
    expect(scored.length).toBeGreaterThan(0);

    const idOf = async (role: string) => {
      const person = DEMO_PEOPLE.find((p) => p.role === role);
      return (await services.users.identify(person?.user as NonNullable<typeof person>["user"])).id;
    };
    expect(await services.endorsement.queue(await idOf("unit_head"))).not.toHaveLength(0);
    expect(await services.council.queue(await idOf("reviewer"))).toHaveLength(1);
    expect(await services.decisions.queue(await idOf("admin"))).not.toHaveLength(0);

    // Every moment the clock offers is still ahead, in time order.
    expect(milestones.length).toBeGreaterThan(0);
    for (const [n, m] of milestones.entries()) {
      expect(m.at.getTime()).toBeGreaterThan(NOW.getTime());
      if (n > 0) expect(m.at.getTime()).toBeGreaterThanOrEqual(milestones[n - 1]?.at.getTime() ?? 0);
    }
  });
});
