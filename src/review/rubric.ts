import type { RubricCriterion, SubmissionKind } from "../db/types.js";

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

export const rubricFor = (kind: SubmissionKind, configured: RubricCriterion[] | null | undefined) =>
  configured && configured.length > 0 ? configured : DEFAULT_RUBRICS[kind];

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
