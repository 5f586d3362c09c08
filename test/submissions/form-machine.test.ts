import { describe, expect, it } from "vitest";
import type { AnswerRules } from "../../src/submissions/answers.js";
import {
  type FormState,
  PARTIAL_KEY,
  partialAnswer,
  SUMMARY_STEP,
  sharesMakeHundred,
  transition,
} from "../../src/submissions/form-machine.js";
import { stepPosition } from "../../src/submissions/forms.js";

/** Every required answer of an initiative, as a draft at its summary holds them. */
const COMPLETE = {
  title: "T",
  initiativeType: "initiative",
  field: "teaching",
  problem: "P",
  firstAppliedOn: "2025-09-05",
  essence: "E",
  conditions: "C",
  benefits: "B",
  confidential: null,
  scopeProposed: "unit",
};
const rules: AnswerRules = { today: "2026-11-25", minShare: 10 };
const at = (draftStep: string, fields: Record<string, unknown> = {}): FormState => ({
  kind: "initiative",
  fields,
  draftStep,
});

describe("the submission form as a pure step machine", () => {
  it("saves a valid answer and moves to the next step", () => {
    expect(
      transition(at("title"), { type: "answer", key: "title", raw: "  Dạy học   STEM " }, rules),
    ).toEqual({
      ok: true,
      fields: { title: "Dạy học STEM" },
      draftStep: "initiativeType",
    });
  });

  it("refuses an answer with what is wrong, and an answer meant for another step", () => {
    expect(transition(at("title"), { type: "answer", key: "title", raw: "x".repeat(301) }, rules)).toEqual({
      ok: false,
      problem: { problem: "too-long", max: 300, length: 301 },
    });
    // A redelivered answer to the step before changes nothing: the step it names is not the one asked.
    expect(transition(at("conditions"), { type: "answer", key: "essence", raw: "Nội dung" }, rules)).toEqual({
      ok: false,
      problem: { problem: "not-a-choice" },
    });
  });

  it("asks the follow-up of a choice, and skips it otherwise", () => {
    const other = transition(
      at("field", { title: "T", initiativeType: "initiative" }),
      { type: "answer", key: "field", raw: "other" },
      rules,
    );
    expect(other).toMatchObject({ ok: true, draftStep: "fieldOther" });
    const teaching = transition(at("field"), { type: "answer", key: "field", raw: "teaching" }, rules);
    expect(teaching).toMatchObject({ ok: true, draftStep: "problem" });
  });

  it("keeps a long answer's parts until the last, within the field's limit", () => {
    const part = transition(
      at("essence"),
      { type: "partial", key: "essence", text: "a".repeat(4000) },
      rules,
    );
    expect(part).toMatchObject({ ok: true, draftStep: "essence" });
    const fields = part.ok ? part.fields : {};
    expect(fields[PARTIAL_KEY]).toBe("essence");
    expect(partialAnswer(fields, "essence")).toHaveLength(4000);
    expect(partialAnswer(fields, "conditions")).toBeUndefined();
    // A joined text over the field's limit is refused, and what was kept stays as it was.
    const tooLong = transition(
      at("essence", fields),
      { type: "partial", key: "essence", text: "a".repeat(20_001) },
      rules,
    );
    expect(tooLong).toEqual({ ok: false, problem: { problem: "too-long", max: 20_000, length: 20_001 } });
    const done = transition(
      at("essence", fields),
      { type: "answer", key: "essence", raw: `${"a".repeat(4000)}\nb` },
      rules,
    );
    expect(done).toMatchObject({ ok: true, draftStep: "conditions" });
    expect(done.ok && PARTIAL_KEY in done.fields).toBe(false);
  });

  it("skips only optional steps", () => {
    expect(transition(at("confidential"), { type: "skip", key: "confidential" }, rules)).toMatchObject({
      ok: true,
      fields: { confidential: null },
      draftStep: "coAuthors",
    });
    expect(transition(at("essence"), { type: "skip", key: "essence" }, rules)).toEqual({
      ok: false,
      problem: { problem: "empty" },
    });
  });

  it("goes back a step, and from an edited field back to the summary", () => {
    expect(transition(at("initiativeType"), { type: "back" }, rules)).toMatchObject({
      ok: true,
      draftStep: "title",
    });
    expect(transition(at("edit:title"), { type: "back" }, rules)).toMatchObject({
      ok: true,
      draftStep: SUMMARY_STEP,
    });
    expect(transition(at(SUMMARY_STEP), { type: "back" }, rules)).toMatchObject({
      ok: true,
      draftStep: "attachments",
    });
  });

  it("edits a field from the summary and returns there, asking a share the edit made wrong", () => {
    expect(transition(at(SUMMARY_STEP), { type: "edit", key: "title" }, rules)).toMatchObject({
      ok: true,
      draftStep: "edit:title",
    });
    expect(transition(at("title"), { type: "edit", key: "title" }, rules)).toMatchObject({ ok: false });
    const fields = {
      ...COMPLETE,
      coAuthors: [{ name: "A", unit: "B", share: 30 }],
      myShare: 70,
    };
    // Co-authors edited from 30 to 10: the own share of 70 no longer makes 100, so it is asked again.
    const edited = transition(
      at("edit:coAuthors", fields),
      { type: "answer", key: "coAuthors", raw: "A; B; 10" },
      rules,
    );
    expect(edited).toMatchObject({ ok: true, draftStep: "edit:myShare" });
    const fine = transition(
      at("edit:coAuthors", fields),
      { type: "answer", key: "coAuthors", raw: "A; B; 30" },
      rules,
    );
    expect(fine).toMatchObject({ ok: true, draftStep: SUMMARY_STEP });
  });

  it("checks that shares make 100 only when there are co-authors", () => {
    expect(sharesMakeHundred({})).toBe(true);
    expect(sharesMakeHundred({ coAuthors: [{ name: "A", unit: "B", share: 30 }], myShare: 70 })).toBe(true);
    expect(sharesMakeHundred({ coAuthors: [{ name: "A", unit: "B", share: 10 }], myShare: 70 })).toBe(false);
  });

  it("numbers steps so the total never changes half way (follow-ups share their step's number)", () => {
    const before = stepPosition("initiative", {}, "coAuthors");
    const share = stepPosition("initiative", { coAuthors: [{ name: "A", unit: "B", share: 30 }] }, "myShare");
    const scope = stepPosition(
      "initiative",
      { coAuthors: [{ name: "A", unit: "B", share: 30 }] },
      "scopeProposed",
    );
    expect([before, share, scope]).toEqual([
      { step: 10, total: 12 },
      { step: 10, total: 12 },
      { step: 11, total: 12 },
    ]);
    expect(stepPosition("initiative", { field: "other" }, "fieldOther")).toEqual({ step: 3, total: 12 });
  });
});
