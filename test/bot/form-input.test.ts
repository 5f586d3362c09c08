import { describe, expect, it } from "vitest";
import { FORM } from "../../src/bot/form/form-buttons.js";
import { interpret, SPLIT_PART_LENGTH } from "../../src/bot/form/form-input.js";
import { PARTIAL_KEY, SUMMARY_STEP } from "../../src/submissions/form-machine.js";

const view = (step: string, answers: Record<string, unknown> = {}) =>
  ({ kind: "initiative", step, answers }) as const;
const text = (t: string) => ({ type: "text", text: t }) as const;
const press = (data: string) => ({ type: "button", data }) as const;
const file = {
  type: "file",
  file: {
    kind: "document",
    fileId: "f",
    fileUniqueId: "u",
    fileName: "a.pdf",
    mimeType: "application/pdf",
    sizeBytes: 1,
  },
} as const;

describe("reading a teacher's input against the form's step", () => {
  it("takes text at a text step, and hints at anything else", () => {
    expect(interpret(view("title"), text("Tên"))).toEqual({
      type: "step",
      action: { type: "answer", key: "title", raw: "Tên" },
    });
    expect(interpret(view("title"), { type: "other" })).toEqual({ type: "hint", hint: "expect-text" });
    expect(interpret(view("title"), file)).toEqual({ type: "hint", hint: "expect-text" });
    expect(interpret(view("field"), text("teaching"))).toEqual({ type: "hint", hint: "expect-button" });
    expect(interpret(view(SUMMARY_STEP), text("gửi"))).toEqual({ type: "hint", hint: "expect-button" });
    expect(interpret(view("attachments"), text("tệp"))).toEqual({ type: "hint", hint: "expect-file" });
    expect(interpret(view("attachments"), file)).toMatchObject({ type: "attach" });
  });

  it("keeps a part of a long text and joins the rest to it", () => {
    const part = "a".repeat(SPLIT_PART_LENGTH);
    expect(interpret(view("essence"), text(part))).toEqual({
      type: "step",
      action: { type: "partial", key: "essence", text: part },
    });
    const kept = { essence: part, [PARTIAL_KEY]: "essence" };
    expect(interpret(view("essence", kept), text("cuối"))).toEqual({
      type: "step",
      action: { type: "answer", key: "essence", raw: `${part}\ncuối` },
    });
    expect(interpret(view("essence", kept), press(FORM.done))).toEqual({
      type: "step",
      action: { type: "answer", key: "essence", raw: part },
    });
    // A short text title is never a part, however long the phone made it.
    expect(interpret(view("title"), text(part))).toMatchObject({ action: { type: "answer" } });
  });

  it("maps the form's buttons to what they do at this step", () => {
    expect(interpret(view("field"), press(`${FORM.answer}teaching`))).toEqual({
      type: "step",
      action: { type: "answer", key: "field", raw: "teaching" },
    });
    expect(interpret(view("title"), press(`${FORM.answer}teaching`))).toEqual({
      type: "hint",
      hint: "button-expired",
    });
    expect(interpret(view("confidential"), press(FORM.skip))).toMatchObject({ action: { type: "skip" } });
    expect(interpret(view("essence"), press(FORM.skip))).toEqual({ type: "hint", hint: "button-expired" });
    expect(interpret(view("title", { title: "Cũ" }), press(FORM.keep))).toMatchObject({
      action: { type: "answer", raw: "Cũ" },
    });
    expect(interpret(view("attachments"), press(FORM.done))).toMatchObject({
      action: { type: "finishAttachments" },
    });
    expect(interpret(view("title"), press(FORM.back))).toEqual({ type: "step", action: { type: "back" } });
    expect(interpret(view("title"), press(FORM.cancel))).toEqual({ type: "pause" });
    expect(interpret(view(SUMMARY_STEP), press(FORM.submit))).toEqual({ type: "submit" });
    expect(interpret(view("title"), press(FORM.submit))).toEqual({ type: "hint", hint: "button-expired" });
    expect(interpret(view(SUMMARY_STEP), press(`${FORM.edit}title`))).toEqual({
      type: "step",
      action: { type: "edit", key: "title" },
    });
  });

  it("lets another feature's button leave the form", () => {
    expect(interpret(view("title"), press("my:12"))).toEqual({ type: "leave" });
    expect(interpret(view(SUMMARY_STEP), press("end:o:3"))).toEqual({ type: "leave" });
  });
});
