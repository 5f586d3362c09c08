import type { CampaignRubrics, RubricCriterion, SubmissionKind } from "../db/types.js";
import { foldForSearch, normalizeText } from "../shared/text.js";

export const MAX_SCORE = 10;

/** The default rubric: novelty, effectiveness, applicability and scope, scientific basis, equally weighted. */
export const DEFAULT_RUBRICS: Record<SubmissionKind, RubricCriterion[]> = {
  initiative: [
    { key: "novelty", weight: 1 },
    { key: "effectiveness", weight: 1 },
    { key: "applicability", weight: 1 },
    { key: "scientific", weight: 1 },
  ],
  nomination: [
    { key: "achievement", weight: 2 },
    { key: "example", weight: 1 },
    { key: "evidence", weight: 1 },
  ],
};

export const rubricFor = (kind: SubmissionKind, configured: CampaignRubrics | null | undefined) => {
  const own = configured?.[kind];
  return own && own.length > 0 ? own : DEFAULT_RUBRICS[kind];
};

export const MAX_CRITERIA = 10;
export const MAX_WEIGHT = 100;
export const MAX_CRITERION_NAME = 80;

export type RubricProblem = "empty" | "too-many" | "no-weight" | "weight" | "name" | "duplicate";

export class RubricInputError extends Error {
  /** line: 1-based, of the criterion at fault (not for "empty" and "too-many"). */
  constructor(
    readonly problem: RubricProblem,
    readonly line?: number,
  ) {
    super(`Rubric not accepted: ${problem}${line ? ` (line ${line})` : ""}`);
    this.name = "RubricInputError";
  }
}

/** "Tính mới 30", "Tính mới: 30", "Tính mới | 30%": a name, then a whole-number weight at the end. */
const CRITERION_LINE = /^(.*?)[\s:|,;=-]*(\d+)\s*%?$/u;

/**
 * Reads an administrator's rubric, one criterion per line with its weight (weights are relative: 30/30/25/15 and
 * 6/6/5/3 score alike). Criteria get keys c1, c2… in the order typed.
 */
export function parseRubric(text: string): RubricCriterion[] {
  const lines = normalizeText(text)
    .split("\n")
    .filter((line) => line !== "");
  if (lines.length === 0) throw new RubricInputError("empty");
  if (lines.length > MAX_CRITERIA) throw new RubricInputError("too-many");
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const match = CRITERION_LINE.exec(line);
    if (!match) throw new RubricInputError("no-weight", i + 1);
    const name = (match[1] ?? "").trim();
    const weight = Number(match[2]);
    if (name === "" || name.length > MAX_CRITERION_NAME) throw new RubricInputError("name", i + 1);
    if (weight < 1 || weight > MAX_WEIGHT) throw new RubricInputError("weight", i + 1);
    if (seen.has(foldForSearch(name))) throw new RubricInputError("duplicate", i + 1);
    seen.add(foldForSearch(name));
    return { key: `c${i + 1}`, weight, name };
  });
}

/** The weighted average of the scores (0-10, two decimals), or undefined when a criterion is missing or out of range. */
export function weightedTotal(rubric: RubricCriterion[], scores: Record<string, number>): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const score = scores[c.key];
    if (score === undefined || !Number.isFinite(score) || score < 0 || score > MAX_SCORE) return undefined;
    sum += score * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? Math.round((sum / weights) * 100) / 100 : undefined;
}
