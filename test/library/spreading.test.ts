import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announcementText } from "../../src/bot/broadcast-messages.js";
import { createI18n } from "../../src/bot/i18n.js";
import { campaignTick, type FeaturedInitiative } from "../../src/campaigns/campaign-tick.js";
import { CampaignsService } from "../../src/campaigns/campaigns.service.js";
import { ExportService } from "../../src/export/export.service.js";
import { LibraryService } from "../../src/library/library.service.js";
import { StatsService } from "../../src/stats/stats.service.js";
import { RolesService } from "../../src/users/roles.service.js";
import { LABELS } from "../helpers/appendix-labels.js";
import { admin, campaignInput, HOUR, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { insertInitiative } from "../helpers/library-fixtures.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-12-01T03:00:00Z");

/** How widely recognised initiatives are applied reaches /stats and the appendix. */
describe.each(DIALECTS)("spreading in the figures (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "spreading-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("counts the units and districts applying each recognised initiative", async () => {
    const units = await seedUnits(t.db);
    await t.db.updateTable("units").set({ district: "Huyện B" }).where("id", "=", units.u3).execute();
    const adminId = await admin(t.db, 950);
    const author = await teacher(t.db, 951, units.u1);
    const heads = [await teacher(t.db, 952, units.u2), await teacher(t.db, 953, units.u3)];
    const roles = new RolesService(t.db);
    await roles.grant(adminId, 952, "unit_head", "U2");
    await roles.grant(adminId, 953, "unit_head", "U3");
    const wide = await insertInitiative(t.db, {
      code: "SK-2026-00011",
      title: "Lớp học đảo ngược",
      unitId: units.u1,
      submitterId: author,
    });
    const narrow = await insertInitiative(t.db, {
      code: "SK-2026-00012",
      title: "Vườn trường",
      unitId: units.u1,
      submitterId: author,
    });
    await insertInitiative(t.db, {
      code: "SK-2026-00013",
      title: "Học bạ số",
      unitId: units.u1,
      submitterId: author,
    });
    const library = new LibraryService(t.db, "Asia/Ho_Chi_Minh");
    for (const head of heads) await library.markApplied(head, wide, "01/10/2026", "", NOW);
    await library.markApplied(heads[0] as number, narrow, "01/11/2026", "", NOW);

    const stats = await new StatsService(t.db).compute(adminId, { schoolYear: "2025-2026" });
    expect(stats.applied).toEqual({
      initiatives: 2,
      units: 2,
      districts: 2,
      top: [
        { id: wide, code: "SK-2026-00011", title: "Lớp học đảo ngược", units: 2, districts: 2 },
        { id: narrow, code: "SK-2026-00012", title: "Vườn trường", units: 1, districts: 1 },
      ],
    });

    const files = { xlsx: join(dir, `${dialect}.xlsx`), csv: join(dir, `${dialect}.csv`) };
    await new ExportService(t.db, "Asia/Ho_Chi_Minh").writeAppendix(
      adminId,
      { schoolYear: "2025-2026" },
      files,
      LABELS,
    );
    const csv = parse(await readFile(files.csv), { bom: true }) as string[][];
    expect(csv[0]?.slice(-2)).toEqual(["Đơn vị áp dụng", "Huyện áp dụng"]);
    const byCode = new Map(csv.slice(1).map((r) => [r[0], r.slice(-2)]));
    expect(byCode.get("SK-2026-00011")).toEqual(["2", "2"]);
    expect(byCode.get("SK-2026-00012")).toEqual(["1", "1"]);
    expect(byCode.get("SK-2026-00013")).toEqual(["0", "0"]);

    // The next year's campaign announcement features last year's most applied initiatives.
    const campaigns = new CampaignsService(t.db, "Asia/Ho_Chi_Minh");
    const campaign = await campaigns.create(
      adminId,
      campaignInput(NOW, { announceAt: new Date(NOW.getTime() - HOUR) }),
      NOW,
    );
    await campaignTick(t.db, "Asia/Ho_Chi_Minh", NOW);
    const broadcast = await t.db
      .selectFrom("broadcasts")
      .select("payload")
      .where("dedupe_key", "=", `announce:${campaign.id}`)
      .executeTakeFirstOrThrow();
    const featured = (broadcast.payload as { featured: FeaturedInitiative[] }).featured;
    expect(featured.map((f) => [f.code, f.units])).toEqual([
      ["SK-2026-00011", 2],
      ["SK-2026-00012", 1],
    ]);
    const row = await t.db
      .selectFrom("campaigns")
      .selectAll()
      .where("id", "=", campaign.id)
      .executeTakeFirstOrThrow();
    const text = announcementText(
      createI18n("vi", () => "vi").fluent.withLocale("vi"),
      row,
      "Asia/Ho_Chi_Minh",
      NOW,
      featured,
    );
    expect(text).toContain("SK-2026-00011 Lớp học đảo ngược — áp dụng tại 2 đơn vị");
  });
});
