import type { Outcome, Scope } from "../db/types.js";

/** What the council said of one submission: the average of the scored reviews and the members' recommendations. */
export interface CouncilVerdict {
  average: number | null;
  reviews: number;
  unit: number;
  province: number;
  nation: number;
  refuse: number;
}

const SCOPES_UPWARD: readonly Scope[] = ["unit", "province", "nation"];

/**
 * The outcome the council's work proposes: nothing without a scored review; a refusal below the pass mark or when
 * most members recommend refusing; otherwise the median of the recognising members' scopes, a tie going to the
 * lower scope (a higher scope needs at least half of them), and "unit" when none named a scope.
 */
export function proposeOutcome(v: CouncilVerdict, passMark: number): Outcome | null {
  if (v.reviews === 0 || v.average === null) return null;
  if (v.average < passMark || v.refuse * 2 > v.reviews) return "refuse";
  const scopes = SCOPES_UPWARD.flatMap((scope) => Array<Scope>(v[scope]).fill(scope));
  return scopes[Math.floor((scopes.length - 1) / 2)] ?? "unit";
}

/** Where a draft's item stands: its outcome, or left out (excluded by the administrator, or never scored). */
export type Bucket = Outcome | "excluded" | "unscored";
export const BUCKETS: readonly Bucket[] = ["nation", "province", "unit", "refuse", "excluded", "unscored"];

export function bucketOf(item: {
  excluded: boolean;
  chosen: Outcome | null;
  proposed: Outcome | null;
}): Bucket {
  if (item.excluded) return "excluded";
  return item.chosen ?? item.proposed ?? "unscored";
}

export interface DraftCounts {
  nation: number;
  province: number;
  unit: number;
  refuse: number;
  excluded: number;
  unscored: number;
  /** Refusals still without the written reasons the law requires. */
  refusalsWithoutReason: number;
}

export const recognisedCount = (c: DraftCounts) => c.nation + c.province + c.unit;
