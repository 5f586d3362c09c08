import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRICS, parseRubric, rubricFor, weightedTotal } from "../../src/review/rubric.js";

describe("a campaign's rubric as an administrator types it", () => {
  it("reads one criterion and its weight per line, in the forms people write", () => {
    expect(parseRubric("Tính mới 30\nHiệu quả: 30\n\n  Khả năng áp dụng | 25%  \nTiêu chí 2 = 15")).toEqual([
      { key: "c1", name: "Tính mới", weight: 30 },
      { key: "c2", name: "Hiệu quả", weight: 30 },
      { key: "c3", name: "Khả năng áp dụng", weight: 25 },
      { key: "c4", name: "Tiêu chí 2", weight: 15 },
    ]);
  });

  it("says which line is wrong and why", () => {
    const problem = (text: string) => {
      try {
        parseRubric(text);
        return undefined;
      } catch (error) {
        return { ...(error as object) };
      }
    };
    expect(problem("  \n ")).toMatchObject({ problem: "empty" });
    expect(problem("Tính mới 30\nHiệu quả")).toMatchObject({ problem: "no-weight", line: 2 });
    expect(problem("Tính mới 0")).toMatchObject({ problem: "weight", line: 1 });
    expect(problem("Tính mới 101")).toMatchObject({ problem: "weight", line: 1 });
    expect(problem("30")).toMatchObject({ problem: "name", line: 1 });
    expect(problem(`${"x".repeat(81)} 5`)).toMatchObject({ problem: "name", line: 1 });
    expect(problem("Tính mới 30\nTINH MOI 20")).toMatchObject({ problem: "duplicate", line: 2 });
    expect(problem(Array.from({ length: 11 }, (_, i) => `T${i} 1`).join("\n"))).toMatchObject({
      problem: "too-many",
    });
  });

  it("weights are relative, and a kind without its own criteria keeps the default", () => {
    const rubric = parseRubric("A 30\nB 10");
    expect(weightedTotal(rubric, { c1: 8, c2: 4 })).toBe(7);
    expect(weightedTotal(parseRubric("A 3\nB 1"), { c1: 8, c2: 4 })).toBe(7);
    expect(rubricFor("initiative", { initiative: rubric })).toBe(rubric);
    expect(rubricFor("nomination", { initiative: rubric })).toBe(DEFAULT_RUBRICS.nomination);
    expect(rubricFor("initiative", null)).toBe(DEFAULT_RUBRICS.initiative);
  });
});
