import type { IncomingFile } from "../../submissions/attachment-rules.js";
import { type FormAction, partialAnswer, SUMMARY_STEP } from "../../submissions/form-machine.js";
import { findStep } from "../../submissions/forms.js";
import type { DraftView } from "../../submissions/submissions.service.js";
import { FORM } from "./form-buttons.js";

/** Telegram clients split a long text into messages of at most 4096 characters: a part this long has a sequel. */
export const SPLIT_PART_LENGTH = 4000;

/** What came in, as far as the form cares. */
export type FormInput =
  | { type: "text"; text: string }
  | { type: "button"; data: string }
  | { type: "file"; file: IncomingFile }
  /** A sticker, voice message, location…: never an answer. */
  | { type: "other" };

export type FormHint = "expect-text" | "expect-button" | "expect-file" | "button-expired";

/** What the form does with an input. */
export type FormMove =
  | { type: "step"; action: FormAction }
  | { type: "attach"; file: IncomingFile }
  | { type: "submit" }
  | { type: "pause" }
  /** Not an answer: say why, and ask the same question again. */
  | { type: "hint"; hint: FormHint }
  /** A button of another feature: the form is left (its draft kept) and that feature handles the press. */
  | { type: "leave" };

/** Whether callback data belongs to the form's own buttons. */
export const isFormButton = (data: string) =>
  Object.values(FORM).some((prefix) => data === prefix || (prefix.endsWith(":") && data.startsWith(prefix)));

/**
 * Reads one input against the draft's current step: which button means what here, when a text is a part of a
 * longer one, what a sticker gets. Pure: tested branch by branch without a database or a bot.
 */
export function interpret(view: Pick<DraftView, "kind" | "step" | "answers">, input: FormInput): FormMove {
  if (input.type === "button") return interpretButton(view, input.data);
  if (view.step === SUMMARY_STEP) return { type: "hint", hint: "expect-button" };
  const step = findStep(view.kind, view.step);
  if (!step) return { type: "hint", hint: "button-expired" };
  if (step.kind === "attachments")
    return input.type === "file"
      ? { type: "attach", file: input.file }
      : { type: "hint", hint: "expect-file" };
  if (step.kind === "choice" || step.kind === "campaign") return { type: "hint", hint: "expect-button" };
  if (input.type !== "text") return { type: "hint", hint: "expect-text" };

  const partial = partialAnswer(view.answers, step.key);
  if (step.kind === "longText" && (input.text.length >= SPLIT_PART_LENGTH || partial !== undefined)) {
    const joined = partial === undefined ? input.text : `${partial}\n${input.text}`;
    // A part this long probably has a sequel: kept, and the step waits for the rest (or ✅ Xong).
    if (input.text.length >= SPLIT_PART_LENGTH)
      return { type: "step", action: { type: "partial", key: step.key, text: joined } };
    return { type: "step", action: { type: "answer", key: step.key, raw: joined } };
  }
  return { type: "step", action: { type: "answer", key: step.key, raw: input.text } };
}

function interpretButton(view: Pick<DraftView, "kind" | "step" | "answers">, data: string): FormMove {
  if (!isFormButton(data)) return { type: "leave" };
  if (data === FORM.cancel) return { type: "pause" };
  if (data === FORM.back) return { type: "step", action: { type: "back" } };
  if (view.step === SUMMARY_STEP) {
    if (data === FORM.submit) return { type: "submit" };
    if (data.startsWith(FORM.edit))
      return { type: "step", action: { type: "edit", key: data.slice(FORM.edit.length) } };
    return { type: "hint", hint: "button-expired" };
  }
  const step = findStep(view.kind, view.step);
  if (!step) return { type: "hint", hint: "button-expired" };
  const key = step.key;
  const previous = view.answers[key];
  const partial = partialAnswer(view.answers, key);
  if (data === FORM.skip && step.optional) return { type: "step", action: { type: "skip", key } };
  if (data === FORM.done && step.kind === "attachments")
    return { type: "step", action: { type: "finishAttachments", key: "attachments", count: 0 } };
  if (data === FORM.done && partial !== undefined)
    return { type: "step", action: { type: "answer", key, raw: partial } };
  if (data === FORM.keep && typeof previous === "string" && partial === undefined)
    return { type: "step", action: { type: "answer", key, raw: previous } };
  if (data.startsWith(FORM.answer) && (step.kind === "choice" || step.kind === "campaign"))
    return { type: "step", action: { type: "answer", key, raw: data.slice(FORM.answer.length) } };
  return { type: "hint", hint: "button-expired" };
}
