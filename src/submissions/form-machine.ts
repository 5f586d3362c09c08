import type { SubmissionKind } from "../db/types.js";
import {
  type AnswerProblem,
  type AnswerRules,
  checkCampaignChoice,
  checkChoice,
  checkTypedAnswer,
} from "./answers.js";
import {
  type Answers,
  applicableSteps,
  type CampaignOption,
  type CoAuthor,
  type FormStep,
  findStep,
} from "./forms.js";

export const SUMMARY_STEP = "summary";
/** A step being edited from the summary card returns to the summary when answered. */
export const EDIT_PREFIX = "edit:";
/** Where a long answer arriving in parts is kept until it is complete: the step it belongs to. */
export const PARTIAL_KEY = "_partial";

/** What the form stores: the draft's answers and the step it is at ("title", "edit:title", "summary"). */
export interface FormState {
  kind: SubmissionKind;
  fields: Answers;
  draftStep: string | null;
}

/** A change a teacher asks of the form, already read from their message or button. */
export type FormAction =
  | { type: "answer"; key: string; raw: string }
  /** A part of a long answer the phone split: kept, the step stays. */
  | { type: "partial"; key: string; text: string }
  | { type: "skip"; key: string }
  | { type: "back" }
  | { type: "edit"; key: string }
  | { type: "finishAttachments"; key: "attachments"; count: number };

export type Transition =
  | { ok: true; fields: Answers; draftStep: string }
  | { ok: false; problem: AnswerProblem };

/** The step being asked ("title" for "edit:title") and whether it was opened from the summary. */
export function currentStep(draftStep: string | null): { key: string; editing: boolean } {
  const raw = draftStep ?? SUMMARY_STEP;
  const editing = raw.startsWith(EDIT_PREFIX);
  return { key: editing ? raw.slice(EDIT_PREFIX.length) : raw, editing };
}

/**
 * The form as a pure function: the draft and one action give the draft's new answers and step, or what is wrong
 * with the answer. Nothing here reads or writes anything; the service applies the result in one statement.
 */
export function transition(state: FormState, action: FormAction, rules: AnswerRules): Transition {
  const { key: current, editing } = currentStep(state.draftStep);
  const steps = applicableSteps(state.kind, state.fields);
  const refuse = (problem: AnswerProblem): Transition => ({ ok: false, problem });

  switch (action.type) {
    case "back": {
      const index = current === SUMMARY_STEP ? steps.length : steps.findIndex((s) => s.key === current);
      // Leaving a field opened from the summary goes back to the summary.
      const previous = editing ? SUMMARY_STEP : (steps[Math.max(0, index - 1)]?.key ?? SUMMARY_STEP);
      return { ok: true, fields: withoutPartial(state.fields), draftStep: previous };
    }
    case "edit":
      if (current !== SUMMARY_STEP || !steps.some((s) => s.key === action.key))
        return refuse({ problem: "not-a-choice" });
      return { ok: true, fields: state.fields, draftStep: `${EDIT_PREFIX}${action.key}` };
    default:
      break;
  }

  const step = findStep(state.kind, action.key);
  if (!step || current !== action.key) return refuse({ problem: "not-a-choice" });
  switch (action.type) {
    case "skip": {
      if (!step.optional) return refuse({ problem: "empty" });
      const fields = withoutPartial(state.fields);
      delete fields[step.key];
      return advance(state, step.kind === "attachments" ? fields : { ...fields, [step.key]: null });
    }
    case "finishAttachments":
      if (step.kind !== "attachments") return refuse({ problem: "not-a-choice" });
      return advance(state, { ...withoutPartial(state.fields), attachments: action.count });
    case "partial": {
      const max = step.max ?? Number.POSITIVE_INFINITY;
      if (step.kind !== "longText") return refuse({ problem: "not-a-choice" });
      if (action.text.length > max) return refuse({ problem: "too-long", max, length: action.text.length });
      return {
        ok: true,
        fields: { ...state.fields, [step.key]: action.text, [PARTIAL_KEY]: step.key },
        draftStep: state.draftStep ?? SUMMARY_STEP,
      };
    }
    case "answer": {
      const check = checkAnswer(step, action.raw, state.fields, rules);
      if (!check.ok) {
        const { ok: _ok, ...problem } = check;
        return refuse(problem);
      }
      return advance(state, { ...withoutPartial(state.fields), [step.key]: check.value });
    }
  }
}

/** The long answer being received in parts at this step, if any. */
export function partialAnswer(fields: Answers, key: string): string | undefined {
  return fields[PARTIAL_KEY] === key && typeof fields[key] === "string" ? (fields[key] as string) : undefined;
}

function checkAnswer(step: FormStep, raw: string, fields: Answers, rules: AnswerRules) {
  if (step.kind === "choice") return checkChoice(step, raw);
  if (step.kind === "campaign")
    return checkCampaignChoice(raw, (fields.campaignOptions as CampaignOption[] | undefined) ?? []);
  return checkTypedAnswer(step, raw, rules);
}

/** The submitter's share and the co-authors' make exactly 100 (when there are co-authors). */
export function sharesMakeHundred(fields: Answers): boolean {
  const coAuthors = Array.isArray(fields.coAuthors) ? (fields.coAuthors as CoAuthor[]) : [];
  if (coAuthors.length === 0) return true;
  const total = coAuthors.reduce((n, a) => n + a.share, Number(fields.myShare));
  return Math.round(total * 100) / 100 === 100;
}

function withoutPartial(fields: Answers): Answers {
  if (!(PARTIAL_KEY in fields)) return { ...fields };
  const { [PARTIAL_KEY]: _dropped, ...rest } = fields;
  return rest;
}

/** The next step after an answer: the following one, or after an edit the summary (or a newly needed step). */
function advance(state: FormState, fields: Answers): Transition {
  const { key: current, editing } = currentStep(state.draftStep);
  const steps = applicableSteps(state.kind, fields);
  if (editing) {
    // An edit can make a step needed that was never answered (the field "other", co-authors' own share), or an
    // answer no longer fit (the own share, once the co-authors' changed).
    const stale = (s: FormStep) =>
      fields[s.key] === undefined || (s.kind === "share" && !sharesMakeHundred(fields));
    const unanswered = steps.find((s) => !s.optional && s.kind !== "attachments" && stale(s));
    return { ok: true, fields, draftStep: unanswered ? `${EDIT_PREFIX}${unanswered.key}` : SUMMARY_STEP };
  }
  const index = steps.findIndex((s) => s.key === current);
  return { ok: true, fields, draftStep: steps[index + 1]?.key ?? SUMMARY_STEP };
}
