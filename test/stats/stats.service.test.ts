import { describe, expect, it } from "vitest";
import type { Scope, SubmissionKind, SubmissionStatus } from "../../src/db/types.js";
import { StatsService } from "../../src/stats/stats.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const STATUSES: SubmissionStatus[] = [
  "draft",
  "submitted",
  "endorsed",
  "recognised",
  "recognised",
  "refused",
  "withdrawn",
];
const SCOPES: Scope[] = ["nation", "province", "province", "unit"];

describe.each(DIALECTS)("statistics (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("counts a generated year exactly: by status, kind, scope, unit, cluster and block", async () => {
    const units = await seedUnits(t.db);
    const unitList = [
      { id: units.u1, name: "THPT Lê Lợi", cluster: "Cụm 1", block: "Khối THPT" },
      { id: units.u2, name: "THCS Kim Đồng", cluster: "Cụm 1", block: "Khối THCS" },
      { id: units.u3, name: "THPT Trần Phú", cluster: "Cụm 2", block: "Khối THPT" },
    ];
    const author = await teacher(t.db, 301, units.u1);
    const adminId = await admin(t.db, 900);
    // One submitter per row: a teacher holds at most one draft of each kind.
    const people = await t.db
      .insertInto("users")
      .values(Array.from({ length: 500 }, (_, i) => ({ telegram_id: 10_000 + i, full_name: `GV ${i}` })))
      .returning("id")
      .execute();
    const rows = Array.from({ length: 500 }, (_, i) => {
      const status = STATUSES[i % STATUSES.length] as SubmissionStatus;
      return {
        kind: (i % 3 === 0 ? "nomination" : "initiative") as SubmissionKind,
        status,
        submitter_id: (people[i] as { id: number }).id,
        unit_id: (unitList[i % 5 === 0 ? 2 : i % 2] as { id: number }).id,
        school_year: i % 10 === 9 ? "2025-2026" : "2026-2027",
        scope_recognised: status === "recognised" ? (SCOPES[i % SCOPES.length] as Scope) : null,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await t.db
        .insertInto("submissions")
        .values(rows.slice(i, i + 100))
        .execute();

    // The expected figures, computed here from the generated rows, independently of the SQL.
    const year = rows.filter((r) => r.school_year === "2026-2027" && r.status !== "draft");
    const received = year.filter((r) => r.status !== "withdrawn");
    const count = (xs: typeof rows, f: (r: (typeof rows)[number]) => boolean) => xs.filter(f).length;
    const s = await new StatsService(t.db).compute(adminId, { schoolYear: "2026-2027" });

    expect(s.received).toBe(received.length);
    expect(s.withdrawn).toBe(count(year, (r) => r.status === "withdrawn"));
    expect(s.recognised).toBe(count(year, (r) => r.status === "recognised"));
    expect(s.refused).toBe(count(year, (r) => r.status === "refused"));
    expect(s.inProgress).toBe(count(received, (r) => r.status === "submitted" || r.status === "endorsed"));
    expect(s.byKind).toEqual({
      initiative: count(received, (r) => r.kind === "initiative"),
      nomination: count(received, (r) => r.kind === "nomination"),
    });
    for (const scope of ["unit", "province", "nation"] as const)
      expect(s.recognisedByScope[scope]).toBe(count(year, (r) => r.scope_recognised === scope));
    expect(s.recognisedByScope.nation + s.recognisedByScope.province + s.recognisedByScope.unit).toBe(
      s.recognised,
    );

    for (const u of unitList) {
      const mine = (r: (typeof rows)[number]) => r.unit_id === u.id;
      expect(s.byUnit.find((g) => g.name === u.name)).toEqual({
        name: u.name,
        received: count(received, mine),
        recognised: count(year, (r) => mine(r) && r.status === "recognised"),
      });
    }
    const inCluster = (c: string) => (r: (typeof rows)[number]) =>
      unitList.find((u) => u.id === r.unit_id)?.cluster === c;
    expect(s.byCluster.find((g) => g.name === "Cụm 1")?.received).toBe(count(received, inCluster("Cụm 1")));
    const inBlock = (b: string) => (r: (typeof rows)[number]) =>
      unitList.find((u) => u.id === r.unit_id)?.block === b;
    expect(s.byBlock.find((g) => g.name === "Khối THPT")?.received).toBe(
      count(received, inBlock("Khối THPT")),
    );
    expect(s.byCluster.reduce((a, g) => a + g.received, 0)).toBe(s.received);

    await expect(new StatsService(t.db).compute(author, { schoolYear: "2026-2027" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
