import { beforeEach, describe, expect, it } from "vitest";
import { InvalidCampaignError } from "../../src/campaigns/campaign-input.js";
import { campaignTick } from "../../src/campaigns/campaign-tick.js";
import { CampaignsService } from "../../src/campaigns/campaigns.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import {
  admin,
  campaignInput,
  DAY,
  HOUR,
  recipientsOf,
  seedUnits,
  teacher,
} from "../helpers/campaign-fixtures.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date("2026-11-23T02:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(DIALECTS)("campaign clock and audience (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  async function world() {
    const units = await seedUnits(t.db);
    const ids = {
      a1: await teacher(t.db, 101, units.u1),
      a2: await teacher(t.db, 102, units.u1),
      b1: await teacher(t.db, 103, units.u2),
      c1: await teacher(t.db, 104, units.u3),
      admin: await admin(t.db, 900),
    };
    // Never recipients: a user who never registered, and one who blocked the bot.
    await t.db.insertInto("users").values({ telegram_id: 105 }).execute();
    const blocked = await teacher(t.db, 106, units.u1);
    await t.db.updateTable("users").set({ active: false }).where("id", "=", blocked).execute();
    return { units, ids, campaigns: new CampaignsService(t.db, TZ) };
  }

  it("lets only administrators create campaigns, and refuses an impossible one with the reason", async () => {
    const { ids, campaigns } = await world();
    await expect(campaigns.create(ids.a1, campaignInput(NOW), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      campaigns.create(ids.admin, campaignInput(NOW, { deadlineAt: at(-DAY), opensAt: at(-2 * DAY) }), NOW),
    ).rejects.toMatchObject({ problem: "deadline-past" });
    await expect(
      campaigns.create(ids.admin, campaignInput(NOW, { acceptsInitiatives: false }), NOW),
    ).rejects.toBeInstanceOf(InvalidCampaignError);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "campaign.%")
      .execute();
    expect(audit).toEqual([]);
  });

  it("announces once to the registered, active members of the audience, in its clusters only", async () => {
    const { ids, campaigns } = await world();
    const c = await campaigns.create(
      ids.admin,
      campaignInput(NOW, { audience: { clusters: ["Cụm 1"], blocks: [], unitIds: [] } }),
      NOW,
    );
    const first = await campaignTick(t.db, TZ, NOW);
    expect(first.enqueued).toEqual([
      { campaignId: c.id, kind: "announcement", key: `announce:${c.id}`, recipients: 3 },
    ]);
    expect(await recipientsOf(t.db, `announce:${c.id}`)).toEqual(["101", "102", "103"]);
    // A second pass (another instance, a retried fire) enqueues nothing more.
    expect((await campaignTick(t.db, TZ, NOW)).enqueued).toEqual([]);
    expect((await campaignTick(t.db, TZ, at(1000))).enqueued).toEqual([]);
    const deliveries = await t.db.selectFrom("broadcast_deliveries").select("id").execute();
    expect(deliveries).toHaveLength(3);
  });

  it("waits for a scheduled announcement, opens and closes on time", async () => {
    const { ids, campaigns } = await world();
    const c = await campaigns.create(
      ids.admin,
      campaignInput(NOW, { opensAt: at(DAY), deadlineAt: at(5 * DAY), announceAt: at(2 * HOUR) }),
      NOW,
    );
    expect(c.status).toBe("scheduled");
    expect((await campaignTick(t.db, TZ, at(HOUR))).enqueued).toEqual([]);
    expect((await campaignTick(t.db, TZ, at(2 * HOUR))).enqueued.map((e) => e.kind)).toEqual([
      "announcement",
    ]);
    expect((await campaignTick(t.db, TZ, at(DAY))).opened).toBe(1);
    expect((await campaignTick(t.db, TZ, at(5 * DAY))).closed).toBe(1);
    const row = await t.db.selectFrom("campaigns").select("status").executeTakeFirstOrThrow();
    expect(row.status).toBe("closed");
  });

  it("reminds only those who have not submitted, telling draft holders so, once per reminder", async () => {
    const { ids, campaigns } = await world();
    const deadline = new Date("2026-12-02T10:00:00Z");
    const c = await campaigns.create(ids.admin, campaignInput(NOW, { deadlineAt: deadline }), NOW);
    await campaignTick(t.db, TZ, NOW);
    // a1 has submitted to the campaign; a2 holds an initiative draft; c1 a nomination draft (not taken here).
    const base = { kind: "initiative" as const, unit_id: null, fields: "{}" };
    await t.db
      .insertInto("submissions")
      .values([
        { ...base, submitter_id: ids.a1, status: "submitted", campaign_id: c.id, code: "SK-2026-00001" },
        { ...base, submitter_id: ids.a2, status: "draft" },
        { ...base, kind: "nomination", submitter_id: ids.c1, status: "draft" },
      ])
      .execute();

    const sevenDays = new Date("2026-11-25T10:00:00Z");
    const tick = await campaignTick(t.db, TZ, sevenDays);
    const key = `reminder:${c.id}:${deadline.toISOString()}:7d`;
    expect(tick.enqueued.map((e) => e.key)).toEqual([key]);
    expect(await recipientsOf(t.db, key)).toEqual(["102:draft", "103", "104"]);
    expect((await campaignTick(t.db, TZ, new Date(sevenDays.getTime() + 60_000))).enqueued).toEqual([]);

    const morning = await campaignTick(t.db, TZ, new Date("2026-12-02T00:00:00Z"));
    expect(morning.enqueued.map((e) => e.key)).toEqual([
      `reminder:${c.id}:${deadline.toISOString()}:morning`,
    ]);
  });

  it("on an extension cancels queued reminders, tells the audience the new date and re-plans", async () => {
    const { ids, campaigns } = await world();
    const deadline = new Date("2026-12-02T10:00:00Z");
    const c = await campaigns.create(ids.admin, campaignInput(NOW, { deadlineAt: deadline }), NOW);
    await campaignTick(t.db, TZ, NOW);
    const whenDue = new Date("2026-11-29T10:00:00Z");
    await campaignTick(t.db, TZ, whenDue);

    const later = new Date("2026-12-09T10:00:00Z");
    await expect(campaigns.extendDeadline(ids.a1, c.id, later, whenDue)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(campaigns.extendDeadline(ids.admin, c.id, deadline, whenDue)).rejects.toMatchObject({
      problem: "not-later",
    });
    const extendedAt = new Date(whenDue.getTime() + HOUR);
    await campaigns.extendDeadline(ids.admin, c.id, later, extendedAt);

    const broadcasts = await t.db.selectFrom("broadcasts").select(["kind", "status"]).orderBy("id").execute();
    expect(broadcasts).toEqual([
      { kind: "announcement", status: "pending" },
      { kind: "reminder", status: "cancelled" },
      { kind: "deadline-extended", status: "pending" },
    ]);
    expect(await recipientsOf(t.db, `extended:${c.id}:${later.toISOString()}`)).toHaveLength(4);
    // The 7-day reminder of the new date (2 December) comes after the extension: it is sent then, not before.
    expect((await campaignTick(t.db, TZ, new Date(extendedAt.getTime() + 60_000))).enqueued).toEqual([]);
    const next = await campaignTick(t.db, TZ, new Date("2026-12-02T10:00:00Z"));
    expect(next.enqueued.map((e) => e.key)).toEqual([`reminder:${c.id}:${later.toISOString()}:7d`]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "campaign.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["campaign.created", "campaign.deadline-extended"]);
  });

  it("lets only administrators edit the title and text, within the limits, audited", async () => {
    const { ids, campaigns } = await world();
    const c = await campaigns.create(ids.admin, campaignInput(NOW), NOW);
    await expect(campaigns.edit(ids.a1, c.id, { title: "X" }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(campaigns.edit(ids.admin, c.id, { title: "  " }, NOW)).rejects.toMatchObject({
      problem: "title-empty",
    });
    await expect(
      campaigns.edit(ids.admin, c.id, { descriptionHtml: "x".repeat(3001) }, NOW),
    ).rejects.toMatchObject({ problem: "description-too-long" });
    const edited = await campaigns.edit(ids.admin, c.id, { title: " Trường học hạnh phúc " }, NOW);
    expect([edited.title, edited.description]).toEqual(["Trường học hạnh phúc", c.description]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "campaign.%")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["campaign.created", "campaign.edited"]);
  });

  it("closes early: no more reminders, and submissions are refused", async () => {
    const { ids, campaigns } = await world();
    const c = await campaigns.create(ids.admin, campaignInput(NOW), NOW);
    await expect(campaigns.close(ids.a1, c.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await campaigns.close(ids.admin, c.id, NOW);
    expect((await campaignTick(t.db, TZ, at(9 * DAY + 12 * HOUR))).enqueued).toEqual([]);
    expect(await campaigns.openForUser(ids.a1, NOW)).toEqual([]);
    await expect(campaigns.extendDeadline(ids.admin, c.id, at(20 * DAY), NOW)).rejects.toMatchObject({
      problem: "closed",
    });
  });
});
