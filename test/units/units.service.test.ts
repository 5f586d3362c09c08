import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogueError, UnitsService } from "../../src/units/units.service.js";
import { ROOT } from "../helpers/bot-process.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const DEMO = readFileSync(join(ROOT, "seed", "demo-units.csv"), "utf8");

describe.each(DIALECTS)("UnitsService (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  const units = () => new UnitsService(t.db);

  it("imports the demo catalogue: at least 40 units in 2 clusters and 5 blocks; again, it only updates", async () => {
    expect(await units().importCatalogue(DEMO)).toEqual({ inserted: 47, updated: 0 });
    expect(await units().importCatalogue(DEMO)).toEqual({ inserted: 0, updated: 47 });
    const rows = await t.db.selectFrom("units").select(["cluster", "block"]).execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((r) => r.cluster)).size).toBe(2);
    expect(new Set(rows.map((r) => r.block)).size).toBe(5);
  });

  it("imports nothing when one row is bad", async () => {
    const before = await units().count();
    const bad =
      "code,name,district,school_level,cluster,block\nNEW-1,Trường Mới,H,THPT,C,K\nNEW-2,,H,THPT,C,K\n";
    await expect(units().importCatalogue(bad)).rejects.toBeInstanceOf(CatalogueError);
    expect(await units().count()).toBe(before);
  });

  it("finds units whatever the case and diacritics of what was typed", async () => {
    expect((await units().search("thpt le loi")).map((u) => u.name)).toEqual(["THPT Lê Lợi"]);
    expect((await units().search("LÊ LỢI")).map((u) => u.name)).toEqual(["THCS Lê Lợi", "THPT Lê Lợi"]);
    expect((await units().search("  dong   xuan thcs ")).map((u) => u.name)).toEqual(["THCS Đồng Xuân"]);
    expect((await units().search("loi le")).length).toBe(2);
    expect(await units().search("100%_")).toEqual([]);
    expect(await units().search("   ")).toEqual([]);
    expect((await units().search("tiểu học", 3)).length).toBe(3);
  });

  it("browses by district", async () => {
    const districts = await units().districts();
    expect(districts).toHaveLength(5);
    expect(districts).toContain("Huyện Đồng Xuân");
    const inDistrict = await units().inDistrict("Huyện Tân Hòa");
    expect(inDistrict.length).toBeGreaterThan(5);
    expect(inDistrict.every((u) => u.district === "Huyện Tân Hòa")).toBe(true);
  });
});
