import { type Kysely, sql } from "kysely";
import type { Database, Scope, SubmissionKind } from "../db/types.js";

type Db = Kysely<Database>;

/** A decision as its documents cite it, with how many submissions it recognised. */
export interface DecisionSummary {
  id: number;
  number: string;
  decided_on: string;
  signer: string | null;
  school_year: string | null;
  revoked_at: Date | null;
  revocation_note: string | null;
  recognised: number;
}

/** One line of a decision's appendix: a recognised submission with its authors in order. */
export interface DecisionEntry {
  id: number;
  code: string;
  kind: SubmissionKind;
  title: string;
  unit_name: string | null;
  scope: Scope | null;
  /** The mean of the council's scores (0-10), when scored. */
  average_score: number | null;
  authors: { full_name: string; unit_name: string | null; share: number }[];
}

const summary = (db: Db) =>
  db
    .selectFrom("decisions as d")
    .select([
      "d.id",
      "d.number",
      "d.decided_on",
      "d.signer",
      "d.school_year",
      "d.revoked_at",
      "d.revocation_note",
      (eb) =>
        eb
          .selectFrom("submissions as s")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("s.decision_id", "=", "d.id")
          .where("s.status", "=", "recognised")
          .as("recognised"),
    ]);

/** The newest decisions first, a page at a time, with one more row than asked to tell whether a next page exists. */
export function listDecisions(db: Db, offset: number, limit: number): Promise<DecisionSummary[]> {
  return summary(db)
    .orderBy("d.decided_on", "desc")
    .orderBy("d.id", "desc")
    .offset(offset)
    .limit(limit + 1)
    .execute() as Promise<DecisionSummary[]>;
}

export async function findDecision(db: Db, id: number): Promise<DecisionSummary | undefined> {
  return (await summary(db).where("d.id", "=", id).executeTakeFirst()) as DecisionSummary | undefined;
}

/** Everything a decision recognised, in code order (the appendix's order), authors included: two queries. */
export async function decisionEntries(db: Db, decisionId: number): Promise<DecisionEntry[]> {
  const rows = await db
    .selectFrom("submissions as s")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .select([
      "s.id",
      "s.code",
      "s.kind",
      "s.title",
      "u.name as unit_name",
      "s.scope_recognised as scope",
      (eb) =>
        eb
          .selectFrom("review_assignments as r")
          .select(sql<number | null>`round(avg(r.total), 2)::float8`.as("x"))
          .whereRef("r.submission_id", "=", "s.id")
          .where("r.status", "=", "scored")
          .as("average_score"),
    ])
    .where("s.decision_id", "=", decisionId)
    .where("s.status", "=", "recognised")
    .orderBy("s.code")
    .execute();
  const authors = await db
    .selectFrom("submission_authors as a")
    .innerJoin("submissions as s", "s.id", "a.submission_id")
    .select(["a.submission_id", "a.full_name", "a.unit_name", "a.share"])
    .where("s.decision_id", "=", decisionId)
    .where("s.status", "=", "recognised")
    .orderBy("a.submission_id")
    .orderBy("a.position")
    .execute();
  const bySubmission = new Map<number, DecisionEntry["authors"]>();
  for (const a of authors) {
    const list = bySubmission.get(a.submission_id) ?? [];
    list.push({ full_name: a.full_name, unit_name: a.unit_name, share: Number(a.share) });
    bySubmission.set(a.submission_id, list);
  }
  return rows.map((r) => ({
    ...r,
    code: r.code ?? "",
    title: r.title ?? "",
    authors: bySubmission.get(r.id) ?? [],
  }));
}

/** Revokes a decision once; undefined when it was already revoked (or does not exist). */
export function revokeDecision(db: Db, id: number, actorId: number, note: string, now: Date) {
  return db
    .updateTable("decisions")
    .set({ revoked_at: now, revoked_by: actorId, revocation_note: note })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning(["id", "number", "decided_on"])
    .executeTakeFirst();
}
