import type { Kysely } from "kysely";
import type { Database, ScreeningMatch } from "../db/types.js";
import {
  alignPassages,
  containment,
  fingerprints,
  type Shingled,
  screenedText,
  shingle,
} from "./fingerprints.js";
import * as repo from "./screening.repository.js";

/**
 * A source is reported when at least this share of the submission's shingles is in it. Unrelated texts on the same
 * subjects share a few stock phrases (under 10% in the bench over a million generated texts); a copy with a third
 * of its sentences rewritten keeps about two thirds (docs/copy-screening.md, docs/benchmarks.md).
 */
export const SIMILARITY_THRESHOLD = 0.25;
/** The most similar sources a report names. */
export const MAX_MATCHES = 5;
/** Passages quoted per source. */
export const MAX_PASSAGES = 3;
/** Candidates measured exactly, of those sharing the most (and rarest) fingerprints. */
const CANDIDATES = 50;

export interface Screening {
  fingerprints: number[];
  shingles: number;
  matches: ScreeningMatch[];
}

/**
 * Compares a submission with every indexed one it may have drawn on: any sent earlier (every year), and the others
 * of its own campaign. Returns undefined for a submission gone or back to a draft. Reads only.
 */
export async function screenSubmission(db: Kysely<Database>, id: number): Promise<Screening | undefined> {
  const s = await repo.findScreenable(db, id);
  if (!s) return undefined;
  const mine = shingle(screenedText(s.fields));
  const fp = fingerprints(mine.hashes);
  // A short text has few fingerprints: one shared is then already a lead worth measuring.
  const candidates = await repo.findCandidates(db, fp, id, fp.length >= 6 ? 2 : 1, CANDIDATES);
  const sources = await repo.findSources(
    db,
    candidates.map((c) => c.submissionId),
  );
  const matches: (ScreeningMatch & { theirs: Shingled })[] = [];
  for (const source of sources) {
    if (!mayHaveDrawnOn(s, source)) continue;
    const theirs = shingle(screenedText(source.fields));
    const similarity = containment(mine, theirs);
    if (similarity >= SIMILARITY_THRESHOLD)
      matches.push({ sourceId: source.id, similarity, passages: [], theirs });
  }
  matches.sort((a, b) => b.similarity - a.similarity || a.sourceId - b.sourceId);
  return {
    fingerprints: fp,
    shingles: mine.hashes.size,
    matches: matches.slice(0, MAX_MATCHES).map(({ theirs, ...m }) => ({
      ...m,
      similarity: Math.round(m.similarity * 1000) / 1000,
      passages: alignPassages(mine, theirs, MAX_PASSAGES).map(({ mine, theirs }) => ({ mine, theirs })),
    })),
  };
}

type Placed = { id: number; campaign_id: number | null; submitted_at: Date | null };

/** Sent before this one (any year, any campaign), or of the same campaign whenever sent. */
function mayHaveDrawnOn(s: Placed, source: Placed): boolean {
  if (s.campaign_id !== null && source.campaign_id === s.campaign_id) return true;
  const mine = s.submitted_at?.getTime() ?? Number.POSITIVE_INFINITY;
  const theirs = source.submitted_at?.getTime() ?? Number.POSITIVE_INFINITY;
  return theirs < mine || (theirs === mine && source.id < s.id);
}
