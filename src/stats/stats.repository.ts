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

/** Counts by status, kind and recognised scope: everything the headline needs, in one pass. */
export function countByStatusKindScope(db: Db, scope: StatsScope) {
  return filtered(db, scope)
    .select(["s.status", "s.kind", "s.scope_recognised", sql<number>`count(*)::int`.as("n")])
    .groupBy(["s.status", "s.kind", "s.scope_recognised"])
    .execute() as Promise<
    { status: SubmissionStatus; kind: SubmissionKind; scope_recognised: Scope | null; n: number }[]
  >;
}

/** Received and recognised per unit, with the unit's cluster and block (for the per-cluster and per-block sums). */
export function countByUnit(db: Db, scope: StatsScope) {
  return filtered(db, scope)
    .innerJoin("units as u", "u.id", "s.unit_id")
    .select([
      "u.id",
      "u.name",
      "u.cluster",
      "u.block",
      sql<number>`count(*) filter (where s.status <> 'withdrawn')::int`.as("received"),
      sql<number>`count(*) filter (where s.status = 'recognised')::int`.as("recognised"),
    ])
    .groupBy(["u.id", "u.name", "u.cluster", "u.block"])
    .execute();
}
