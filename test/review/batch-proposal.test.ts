import { describe, expect, it } from "vitest";
import { bucketOf, type CouncilVerdict, proposeOutcome } from "../../src/review/batch-proposal.js";

const verdict = (average: number | null, recs: Partial<CouncilVerdict> = {}): CouncilVerdict => {
  const v = { average, unit: 0, province: 0, nation: 0, refuse: 0, ...recs };
  return { ...v, reviews: recs.reviews ?? v.unit + v.province + v.nation + v.refuse };
};

describe("the outcome a batch decision proposes", () => {
  it("proposes nothing without a score, refuses below the pass mark or on a majority for refusal", () => {
    expect(proposeOutcome(verdict(null), 5)).toBeNull();
    expect(proposeOutcome(verdict(4.99, { nation: 2 }), 5)).toBe("refuse");
    expect(proposeOutcome(verdict(4.99, { nation: 2 }), 4.5)).toBe("nation");
    expect(proposeOutcome(verdict(8, { refuse: 2, unit: 1 }), 5)).toBe("refuse");
    expect(proposeOutcome(verdict(8, { refuse: 1, unit: 1 }), 5)).toBe("unit");
  });

  it("takes the median of the recommended scopes, a tie going to the lower scope", () => {
    expect(proposeOutcome(verdict(8, { nation: 1, province: 1 }), 5)).toBe("province");
    expect(proposeOutcome(verdict(8, { nation: 2, unit: 1 }), 5)).toBe("nation");
    expect(proposeOutcome(verdict(8, { nation: 1, province: 1, unit: 1 }), 5)).toBe("province");
    expect(proposeOutcome(verdict(8, { unit: 1, nation: 1 }), 5)).toBe("unit");
    expect(proposeOutcome(verdict(8, { reviews: 2 }), 5)).toBe("unit");
  });

  it("puts an item where the administrator's choice, else the proposal, says", () => {
    expect(bucketOf({ excluded: true, chosen: "nation", proposed: "unit" })).toBe("excluded");
    expect(bucketOf({ excluded: false, chosen: "refuse", proposed: "unit" })).toBe("refuse");
    expect(bucketOf({ excluded: false, chosen: null, proposed: "province" })).toBe("province");
    expect(bucketOf({ excluded: false, chosen: null, proposed: null })).toBe("unscored");
  });
});
