import { type Kysely, sql } from "kysely";
import type { Database, Scope, SubmissionKind, SubmissionStatus } from "../db/types.js";

type Db = Kysely<Database>;

/** Which submissions a statistic covers: a school year ("2026-2027") or one campaign. */
export type StatsScope = { schoolYear: string } | { campaignId: number };

/** Submitted at least once: drafts are not received, and withdrawn ones are counted apart. */
const NOT_RECEIVED: SubmissionStatus[] = ["draft"];

function filtered(db: Db, scope: StatsScope) {
  return db
    .selectFrom("submissions as s")
    .where("s.status", "not in", NOT_RECEIVED)
    .$if("schoolYear" in scope, (qb) =>
      qb.where("s.school_year", "=", (scope as { schoolYear: string }).schoolYear),
    )
    .$if("campaignId" in scope, (qb) =>
      qb.where("s.campaign_id", "=", (scope as { campaignId: number }).campaignId),
    );
}

/**
 * Counts by unit, status, kind and recognised scope in one pass over the scope's rows (at most units × 8 × 2 × 4
 * groups): every figure of /stats is summed from these in memory.
 */
export function countGroups(db: Db, scope: StatsScope) {
  return filtered(db, scope)
    .select(["s.unit_id", "s.status", "s.kind", "s.scope_recognised", sql<number>`count(*)::int`.as("n")])
    .groupBy(["s.unit_id", "s.status", "s.kind", "s.scope_recognised"])
    .execute() as Promise<
    {
      unit_id: number | null;
      status: SubmissionStatus;
      kind: SubmissionKind;
      scope_recognised: Scope | null;
      n: number;
    }[]
  >;
}

export function listUnitGroups(db: Db) {
  return db.selectFrom("units").select(["id", "name", "cluster", "block"]).execute();
}

/** Received and recognised per unit, with the unit's cluster and block (for the per-cluster and per-block sums). */
export async function countByUnit(db: Db, scope: StatsScope) {
  const [groups, units] = await Promise.all([countGroups(db, scope), listUnitGroups(db)]);
  return unitCounts(groups, units);
}

export function unitCounts(
  groups: Awaited<ReturnType<typeof countGroups>>,
  units: Awaited<ReturnType<typeof listUnitGroups>>,
) {
  const byId = new Map(units.map((u) => [u.id, { ...u, received: 0, recognised: 0 }]));
  for (const g of groups) {
    const u = g.unit_id === null ? undefined : byId.get(g.unit_id);
    if (!u) continue;
    if (g.status !== "withdrawn") u.received += g.n;
    if (g.status === "recognised") u.recognised += g.n;
  }
  return [...byId.values()].filter((u) => u.received > 0 || u.recognised > 0);
}

/**
 * How widely the scope's recognised initiatives are applied (nhân rộng): each applied one with its count of units
 * and districts, most applied first.
 */
export async function appliedInitiatives(db: Db, scope: StatsScope) {
  const rows = await filtered(db, scope)
    .innerJoin("initiative_applications as a", "a.submission_id", "s.id")
    .innerJoin("units as au", "au.id", "a.unit_id")
    .where("s.status", "=", "recognised")
    .select(["s.id", "s.code", "s.title"])
    .select([
      sql<number>`count(*)::int`.as("units"),
      sql<number>`count(distinct au.district)::int`.as("districts"),
    ])
    .groupBy(["s.id", "s.code", "s.title"])
    .orderBy("units", "desc")
    .orderBy("s.id", "desc")
    .execute();
  const districts = await filtered(db, scope)
    .innerJoin("initiative_applications as a", "a.submission_id", "s.id")
    .innerJoin("units as au", "au.id", "a.unit_id")
    .where("s.status", "=", "recognised")
    .select([
      sql<number>`count(distinct a.unit_id)::int`.as("units"),
      sql<number>`count(distinct au.district)::int`.as("districts"),
    ])
    .executeTakeFirst();
  return { initiatives: rows, units: districts?.units ?? 0, districts: districts?.districts ?? 0 };
}
