import { type Kysely, sql } from "kysely";
import type { Database, SubmissionKind } from "../db/types.js";

type Db = Kysely<Database>;

export interface UnitAudienceKey {
  id: number;
  cluster: string;
  block: string;
}

/**
 * Campaigns taking submissions of `kind` now from this unit: announced (scheduled or open), inside their window,
 * and with the unit in their audience (everyone when no cluster, block or unit is named).
 */
export function findOpenCampaignsForUnit(db: Db, unit: UnitAudienceKey, kind: SubmissionKind, now: Date) {
  return db
    .selectFrom("campaigns")
    .select(["id", "title", "deadline_at"])
    .where("status", "in", ["scheduled", "open"])
    .where("opens_at", "<=", now)
    .where("deadline_at", ">", now)
    .where(kind === "initiative" ? "accepts_initiatives" : "accepts_nominations", "=", true)
    .where(
      sql<boolean>`(
        (jsonb_array_length(audience->'clusters') = 0 and jsonb_array_length(audience->'blocks') = 0
          and jsonb_array_length(audience->'unitIds') = 0)
        or audience->'clusters' ? ${unit.cluster}
        or audience->'blocks' ? ${unit.block}
        or audience->'unitIds' @> ${JSON.stringify([unit.id])}::jsonb
      )`,
    )
    .orderBy("deadline_at")
    .limit(10)
    .execute();
}
