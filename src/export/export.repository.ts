import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.js";
import type { StatsScope } from "../stats/stats.repository.js";

type Db = Kysely<Database>;

/** One row of the appendix: a submission with its authors, unit, campaign and decision. */
export interface AppendixRow {
  id: number;
  code: string | null;
  title: string | null;
  kind: "initiative" | "nomination";
  status: string;
  authors: string | null;
  unit_name: string | null;
  cluster: string | null;
  block: string | null;
  campaign_title: string | null;
  scope_recognised: string | null;
  decision_number: string | null;
  decision_date: string | null;
  submitted_at: Date | null;
  /** The form's answers: a nomination's nominee and award are read from them. */
  fields: Record<string, unknown>;
  /** The submitter's name: the nominee of a nomination "for myself". */
  submitter_name: string | null;
  /** The mean of the council's scores (0-10), when scored. */
  average_score: number | null;
  /** Spreading: how many units, and in how many districts, apply it (recognised initiatives). */
  applied_units: number;
  applied_districts: number;
}

/**
 * The received submissions of a scope, one page at a time in id order (keyset pagination): however large the
 * year, only one page is in memory, on PostgreSQL and PGlite alike.
 */
export async function* appendixRows(db: Db, scope: StatsScope, pageSize = 1000): AsyncGenerator<AppendixRow> {
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom("submissions as s")
      .leftJoin("units as u", "u.id", "s.unit_id")
      .leftJoin("campaigns as c", "c.id", "s.campaign_id")
      .leftJoin("users as p", "p.id", "s.submitter_id")
      .select([
        "s.id",
        "s.code",
        "s.title",
        "s.kind",
        "s.status",
        "u.name as unit_name",
        "u.cluster",
        "u.block",
        "c.title as campaign_title",
        "s.scope_recognised",
        "s.decision_number",
        "s.decision_date",
        "s.submitted_at",
        "s.fields",
        "p.full_name as submitter_name",
        (eb) =>
          eb
            .selectFrom("submission_authors as a")
            .select(
              sql<string>`string_agg(a.full_name || ' (' || trim_scale(a.share)::text || '%)', '; ' order by a.position)`.as(
                "x",
              ),
            )
            .whereRef("a.submission_id", "=", "s.id")
            .as("authors"),
        (eb) =>
          eb
            .selectFrom("review_assignments as r")
            .select(sql<number | null>`round(avg(r.total), 2)::float8`.as("x"))
            .whereRef("r.submission_id", "=", "s.id")
            .where("r.status", "=", "scored")
            .as("average_score"),
        (eb) =>
          eb
            .selectFrom("initiative_applications as ia")
            .innerJoin("units as iu", "iu.id", "ia.unit_id")
            .select(sql<number>`count(*)::int`.as("x"))
            .whereRef("ia.submission_id", "=", "s.id")
            .as("applied_units"),
        (eb) =>
          eb
            .selectFrom("initiative_applications as ia")
            .innerJoin("units as iu", "iu.id", "ia.unit_id")
            .select(sql<number>`count(distinct iu.district)::int`.as("x"))
            .whereRef("ia.submission_id", "=", "s.id")
            .as("applied_districts"),
      ])
      .where("s.status", "<>", "draft")
      .$if("schoolYear" in scope, (qb) =>
        qb.where("s.school_year", "=", (scope as { schoolYear: string }).schoolYear),
      )
      .$if("campaignId" in scope, (qb) =>
        qb.where("s.campaign_id", "=", (scope as { campaignId: number }).campaignId),
      )
      .where("s.id", ">", after)
      .orderBy("s.id")
      .limit(pageSize)
      .execute();
    for (const row of page) yield row as AppendixRow;
    if (page.length < pageSize) return;
    after = (page.at(-1) as AppendixRow).id;
  }
}
