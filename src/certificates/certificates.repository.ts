import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database, Scope } from "../db/types.js";

type Db = Kysely<Database>;

/** What one certificate certifies, read afresh from the submission and its decision at every use. */
export interface CertificateRow {
  code: string;
  full_name: string;
  unit_name: string | null;
  share: number;
  title: string;
  submission_code: string;
  scope: Scope | null;
  decision_number: string;
  decided_on: string;
  revoked_at: Date | null;
}

/**
 * Gives every author of these submissions a certificate code, once: authors who already hold one keep it (the
 * unique author_id makes a concurrent second request a no-op, so a printed code never changes).
 */
export async function ensureCertificates(
  db: Db,
  submissionIds: readonly number[],
  newCode: () => string,
): Promise<void> {
  if (submissionIds.length === 0) return;
  const missing = await db
    .selectFrom("submission_authors as a")
    .leftJoin("certificates as c", "c.author_id", "a.id")
    .select(["a.id", "a.submission_id"])
    .where("a.submission_id", "in", submissionIds)
    .where("c.id", "is", null)
    .execute();
  for (let i = 0; i < missing.length; i += 1000)
    await db
      .insertInto("certificates")
      .values(
        missing
          .slice(i, i + 1000)
          .map((a) => ({ code: newCode(), submission_id: a.submission_id, author_id: a.id })),
      )
      .onConflict((oc) => oc.column("author_id").doNothing())
      .execute();
}

const certified = (db: Db) =>
  db
    .selectFrom("certificates as c")
    .innerJoin("submission_authors as a", "a.id", "c.author_id")
    .innerJoin("submissions as s", "s.id", "c.submission_id")
    .innerJoin("decisions as d", "d.id", "s.decision_id")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .select([
      "c.code",
      "a.full_name",
      sql<string | null>`coalesce(a.unit_name, u.name)`.as("unit_name"),
      sql<number>`a.share::float8`.as("share"),
      sql<string>`coalesce(s.title, '')`.as("title"),
      sql<string>`coalesce(s.code, '')`.as("submission_code"),
      "s.scope_recognised as scope",
      "d.number as decision_number",
      "d.decided_on",
      "d.revoked_at",
    ])
    .where("s.status", "=", "recognised")
    .where("s.kind", "=", "initiative");

/** The certificates of these submissions, by submission code and author position. */
export function certificatesOf(db: Db, submissionIds: readonly number[]): Promise<CertificateRow[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return certified(db)
    .where("c.submission_id", "in", submissionIds)
    .orderBy("s.code")
    .orderBy("a.position")
    .execute();
}

/** The certificate with this code, if it still certifies a recognised initiative. */
export function findByCode(db: Db, code: string): Promise<CertificateRow | undefined> {
  return certified(db).where("c.code", "=", code).executeTakeFirst();
}

/** The recognised initiatives of a decision. */
export async function recognisedInitiativesOf(db: Db, decisionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("submissions")
    .select("id")
    .where("decision_id", "=", decisionId)
    .where("status", "=", "recognised")
    .where("kind", "=", "initiative")
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Counts one lookup by this person in the one-minute window starting at `windowStart`, atomically (a row per
 * person, reset when a new window begins); returns the lookups so far in the window, this one included.
 */
export async function countLookup(db: Db, telegramId: number, windowStart: Date): Promise<number> {
  const row = await db
    .insertInto("verification_attempts")
    .values({ telegram_id: telegramId, window_start: windowStart, attempts: 1 })
    .onConflict((oc) =>
      oc.column("telegram_id").doUpdateSet({
        attempts: sql`case when verification_attempts.window_start = excluded.window_start
          then verification_attempts.attempts + 1 else 1 end`,
        window_start: sql`excluded.window_start`,
      }),
    )
    .returning("attempts")
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Forgets the lookup counts of windows that ended before `before` (housekeeping). */
export async function deleteLookupsBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("verification_attempts")
    .where("window_start", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
