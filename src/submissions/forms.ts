import type { SubmissionKind } from "../db/types.js";

/** How a step's answer is given and checked. */
export type StepKind =
  | "text"
  | "longText"
  | "choice"
  | "campaign"
  | "date"
  | "coAuthors"
  | "share"
  | "attachments";

export interface FormStep {
  key: string;
  kind: StepKind;
  optional?: boolean;
  /** For "choice" steps. */
  choices?: readonly string[];
  /** Maximum length for text steps. */
  max?: number;
  /** Asked only when this holds for the answers so far. */
  when?: (answers: Answers) => boolean;
  /**
   * A question that follows from the one before (the field when "other", the own share when there are co-authors):
   * it carries that step's number, so "Bước k/n" never changes its n half way through the form.
   */
  followUp?: true;
}

export type Answers = Record<string, unknown>;

export interface CoAuthor {
  name: string;
  unit: string;
  share: number;
}

/** A campaign the draft may be linked to, captured when the draft is opened. */
export interface CampaignOption {
  id: number;
  title: string;
  /** ISO time of the deadline. */
  deadline: string;
}

/** Asked first, and only when campaigns of the teacher's unit are taking this kind of submission. */
const CAMPAIGN_STEP: FormStep = {
  key: "campaign",
  kind: "campaign",
  when: (a) => Array.isArray(a.campaignOptions) && a.campaignOptions.length > 0,
};

export const NO_CAMPAIGN = "none";

export const TITLE_MAX = 300;
export const LONG_TEXT_MAX = 20_000;
export const SHORT_TEXT_MAX = 300;
export const MAX_ATTACHMENTS = 10;

export const FIELDS_OF_APPLICATION = [
  "teaching",
  "management",
  "student_affairs",
  "ict",
  "assessment",
  "extracurricular",
  "other",
] as const;

export const SCOPES = ["unit", "province", "nation"] as const;

/** The application form of Thông tư 18/2013/TT-BKHCN, Art. 5, one question per step. */
export const INITIATIVE_FORM: readonly FormStep[] = [
  CAMPAIGN_STEP,
  { key: "title", kind: "text", max: TITLE_MAX },
  { key: "initiativeType", kind: "choice", choices: ["initiative", "applied_research"] },
  { key: "field", kind: "choice", choices: FIELDS_OF_APPLICATION },
  { key: "fieldOther", kind: "text", max: SHORT_TEXT_MAX, when: (a) => a.field === "other", followUp: true },
  { key: "problem", kind: "longText", max: LONG_TEXT_MAX },
  { key: "firstAppliedOn", kind: "date" },
  { key: "essence", kind: "longText", max: LONG_TEXT_MAX },
  { key: "conditions", kind: "longText", max: LONG_TEXT_MAX },
  { key: "benefits", kind: "longText", max: LONG_TEXT_MAX },
  { key: "confidential", kind: "longText", max: LONG_TEXT_MAX, optional: true },
  { key: "coAuthors", kind: "coAuthors", optional: true },
  {
    key: "myShare",
    kind: "share",
    when: (a) => Array.isArray(a.coAuthors) && a.coAuthors.length > 0,
    followUp: true,
  },
  { key: "scopeProposed", kind: "choice", choices: SCOPES },
  { key: "attachments", kind: "attachments", optional: true },
];

export const NOMINATION_KINDS = ["exemplary", "sudden", "title"] as const;
export const AWARDS = [
  "lao_dong_tien_tien",
  "csdt_co_so",
  "csdt_tinh",
  "giay_khen",
  "bang_khen_ubnd",
  "bang_khen_bo",
] as const;

export const NOMINATION_FORM: readonly FormStep[] = [
  CAMPAIGN_STEP,
  { key: "nominationKind", kind: "choice", choices: NOMINATION_KINDS },
  { key: "nominee", kind: "choice", choices: ["self", "other"] },
  {
    key: "nomineeName",
    kind: "text",
    max: SHORT_TEXT_MAX,
    when: (a) => a.nominee === "other",
    followUp: true,
  },
  { key: "nomineePosition", kind: "text", max: SHORT_TEXT_MAX },
  {
    key: "nomineeUnit",
    kind: "text",
    max: SHORT_TEXT_MAX,
    when: (a) => a.nominee === "other",
    followUp: true,
  },
  { key: "award", kind: "choice", choices: AWARDS },
  { key: "title", kind: "text", max: TITLE_MAX },
  { key: "achievements", kind: "longText", max: LONG_TEXT_MAX },
  { key: "attachments", kind: "attachments", optional: true },
];

export const FORMS: Record<SubmissionKind, readonly FormStep[]> = {
  initiative: INITIATIVE_FORM,
  nomination: NOMINATION_FORM,
};

/** The steps that apply given the answers so far (some depend on earlier answers). */
export function applicableSteps(kind: SubmissionKind, answers: Answers): FormStep[] {
  return FORMS[kind].filter((s) => !s.when || s.when(answers));
}

/** "Bước k/n" of a step: follow-up questions share the number of the step they follow, so n stays fixed. */
export function stepPosition(
  kind: SubmissionKind,
  answers: Answers,
  key: string,
): { step: number; total: number } {
  const steps = applicableSteps(kind, answers);
  const total = steps.filter((s) => !s.followUp).length;
  const index = steps.findIndex((s) => s.key === key);
  if (index === -1) return { step: total, total };
  return { step: Math.max(1, steps.slice(0, index + 1).filter((s) => !s.followUp).length), total };
}

export function findStep(kind: SubmissionKind, key: string): FormStep | undefined {
  return FORMS[kind].find((s) => s.key === key);
}

/** Human code prefixes: SK-2026-00042 (sáng kiến), DC-2026-00007 (đề cử). */
export const CODE_PREFIX: Record<SubmissionKind, string> = { initiative: "SK", nomination: "DC" };
