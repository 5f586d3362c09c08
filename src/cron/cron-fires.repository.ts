import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";

type Db = Kysely<Database>;

/** Claims one fire of a job; true for exactly one caller across all instances. */
export async function claimCronFire(db: Db, job: string, fireAt: Date, instance: string): Promise<boolean> {
  const row = await db
    .insertInto("cron_fires")
    .values({ job, fire_at: fireAt, instance })
    .onConflict((oc) => oc.columns(["job", "fire_at"]).doNothing())
    .returning("job")
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCronFiresBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("cron_fires").where("fire_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
