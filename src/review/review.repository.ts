import type { Kysely } from "kysely";
import type { Database, SubmissionStatus } from "../db/types.js";

type Db = Kysely<Database>;

/** The units this user heads (a unit head's role names its unit). */
export async function unitsHeadedBy(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("user_roles")
    .select("unit_id")
    .where("user_id", "=", userId)
    .where("role", "=", "unit_head")
    .execute();
  return rows.map((r) => r.unit_id).filter((id): id is number => id !== null);
}

/** Submissions in one of `statuses`, oldest first, optionally only from some units: a work queue. */
export function listQueue(db: Db, statuses: SubmissionStatus[], unitIds: number[] | undefined, limit = 20) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("users as u", "u.id", "s.submitter_id")
    .leftJoin("units as un", "un.id", "s.unit_id")
    .select([
      "s.id",
      "s.code",
      "s.kind",
      "s.title",
      "s.status",
      "s.submitted_at",
      "s.scope_proposed",
      "u.full_name as submitter_name",
      "un.name as unit_name",
    ])
    .where("s.status", "in", statuses)
    .$if(unitIds !== undefined, (qb) => qb.where("s.unit_id", "in", unitIds?.length ? unitIds : [-1]))
    .orderBy("s.submitted_at")
    .orderBy("s.id")
    .limit(limit)
    .execute();
}

/** Whom to tell of a change to a submission: its submitter's chat and language. */
export function findSubmitterContact(db: Db, submissionId: number) {
  return db
    .selectFrom("submissions as s")
    .innerJoin("users as u", "u.id", "s.submitter_id")
    .select(["u.telegram_id", "u.locale", "s.code", "s.title", "s.kind"])
    .where("s.id", "=", submissionId)
    .executeTakeFirst();
}
