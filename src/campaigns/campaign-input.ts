import { parseTelegramHtml } from "../shared/telegram-html.js";
import { hasVisibleText } from "../shared/text.js";
import { isReminderSpec } from "./reminder-schedule.js";

export const MAX_CAMPAIGN_TITLE = 200;
/** The description travels inside the announcement, which must fit one Telegram message (4096 characters). */
export const MAX_CAMPAIGN_DESCRIPTION = 3000;

export interface CampaignAudience {
  clusters: string[];
  blocks: string[];
  unitIds: number[];
}

export interface CampaignInput {
  title: string;
  /** Telegram-compatible HTML, as converted from the administrator's formatted message. */
  descriptionHtml: string;
  acceptsInitiatives: boolean;
  acceptsNominations: boolean;
  audience: CampaignAudience;
  opensAt: Date;
  deadlineAt: Date;
  /** null: announce at once. */
  announceAt: Date | null;
  reminders: string[];
}

export type CampaignProblem =
  | "title-empty"
  | "title-too-long"
  | "description-too-long"
  | "description-markup"
  | "description-empty"
  | "accepts-nothing"
  | "deadline-not-after-opening"
  | "deadline-past"
  | "announce-after-deadline"
  | "reminder-spec"
  | "not-later"
  | "closed";

export class InvalidCampaignError extends Error {
  constructor(readonly problem: CampaignProblem) {
    super(`Invalid campaign: ${problem}`);
    this.name = "InvalidCampaignError";
  }
}

export class CampaignNotFoundError extends Error {
  constructor(readonly campaignId: number) {
    super(`Campaign ${campaignId} not found`);
    this.name = "CampaignNotFoundError";
  }
}

/**
 * What is wrong with a campaign's title or announcement text, checked on every create and edit: a title with
 * nothing visible (spaces or zero-width characters only), too long, or a text that is not markup Telegram accepts
 * (it is sent as HTML to the whole audience, so one raw "<" would fail every delivery).
 */
export function wordingProblem(title: string, descriptionHtml: string): CampaignProblem | undefined {
  if (!hasVisibleText(title)) return "title-empty";
  if (title.trim().length > MAX_CAMPAIGN_TITLE) return "title-too-long";
  if (descriptionHtml.length > MAX_CAMPAIGN_DESCRIPTION) return "description-too-long";
  const parsed = parseTelegramHtml(descriptionHtml);
  if (!parsed.ok) return "description-markup";
  if (!hasVisibleText(parsed.text)) return "description-empty";
  return undefined;
}

/** The first thing wrong with a new campaign, or undefined. */
export function campaignProblem(input: CampaignInput, now: Date): CampaignProblem | undefined {
  const wording = wordingProblem(input.title, input.descriptionHtml);
  if (wording) return wording;
  if (!input.acceptsInitiatives && !input.acceptsNominations) return "accepts-nothing";
  if (input.deadlineAt.getTime() <= input.opensAt.getTime()) return "deadline-not-after-opening";
  if (input.deadlineAt.getTime() <= now.getTime()) return "deadline-past";
  if (input.announceAt && input.announceAt.getTime() >= input.deadlineAt.getTime())
    return "announce-after-deadline";
  if (!input.reminders.every(isReminderSpec)) return "reminder-spec";
  return undefined;
}
