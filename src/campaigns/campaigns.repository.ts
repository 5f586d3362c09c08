import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import type { Campaign, CampaignTable, Database, SubmissionKind } from "../db/types.js";

type Db = Kysely<Database>;

export interface UnitAudienceKey {
  id: number;
  cluster: string;
  block: string;
}

/**
 * Campaigns taking submissions (of `kind`, or of either kind) now from this unit: not closed, inside their window,
 * and with the unit in their audience (everyone when no cluster, block or unit is named).
 */
export function findOpenCampaignsForUnit(
  db: Db,
  unit: UnitAudienceKey,
  kind: SubmissionKind | undefined,
  now: Date,
) {
  return db
    .selectFrom("campaigns")
    .select(["id", "title", "deadline_at", "accepts_initiatives", "accepts_nominations"])
    .where("status", "in", ["scheduled", "open"])
    .where("opens_at", "<=", now)
    .where("deadline_at", ">", now)
    .$if(kind !== undefined, (qb) =>
      qb.where(kind === "initiative" ? "accepts_initiatives" : "accepts_nominations", "=", true),
    )
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

export function insertCampaign(db: Db, values: Insertable<CampaignTable>): Promise<Campaign> {
  return db.insertInto("campaigns").values(values).returningAll().executeTakeFirstOrThrow();
}

export function findCampaign(db: Db, id: number): Promise<Campaign | undefined> {
  return db.selectFrom("campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

export function updateCampaign(db: Db, id: number, changes: Updateable<CampaignTable>): Promise<Campaign> {
  return db
    .updateTable("campaigns")
    .set({ ...changes, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The most recent campaigns with how many submissions each received. */
export function listCampaigns(db: Db, limit: number) {
  return db
    .selectFrom("campaigns as c")
    .selectAll("c")
    .select((eb) =>
      eb
        .selectFrom("submissions as s")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("s.campaign_id", "=", "c.id")
        .where("s.status", "not in", ["draft", "withdrawn"])
        .as("received"),
    )
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
}

/** Opens scheduled campaigns whose time has come and closes those past their deadline; returns how many. */
export async function applyCampaignClock(db: Db, now: Date): Promise<{ opened: number; closed: number }> {
  const opened = await db
    .updateTable("campaigns")
    .set({ status: "open", updated_at: now })
    .where("status", "=", "scheduled")
    .where("opens_at", "<=", now)
    .where("deadline_at", ">", now)
    .executeTakeFirst();
  const closed = await db
    .updateTable("campaigns")
    .set({ status: "closed", updated_at: now })
    .where("status", "in", ["scheduled", "open"])
    .where("deadline_at", "<=", now)
    .executeTakeFirst();
  return { opened: Number(opened.numUpdatedRows), closed: Number(closed.numUpdatedRows) };
}

/** Campaigns not closed whose deadline is still ahead: those the tick announces and reminds of. */
export function findLiveCampaigns(db: Db, now: Date): Promise<Campaign[]> {
  return db
    .selectFrom("campaigns")
    .selectAll()
    .where("status", "in", ["scheduled", "open"])
    .where("deadline_at", ">", now)
    .orderBy("id")
    .execute();
}

export async function campaignRequiresEndorsement(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom("campaigns")
    .select("requires_endorsement")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.requires_endorsement ?? true;
}

/** Campaigns whose council has a review deadline still ahead. */
export function findCampaignsUnderReview(db: Db, now: Date): Promise<Campaign[]> {
  return db.selectFrom("campaigns").selectAll().where("review_deadline_at", ">", now).orderBy("id").execute();
}
