import { InlineKeyboard } from "grammy";
import type { SubmissionKind } from "../db/types.js";
import { splitMessage } from "../shared/split-message.js";
import { escapeHtml } from "../shared/text.js";
import { formatIsoDate } from "../shared/time.js";
import { type Answers, applicableSteps } from "../submissions/forms.js";
import type { Translate } from "./broadcast-messages.js";
import type { ButtonKind } from "./callback-data.js";

/** Shown elsewhere on the card (title, authors and shares, files) or not an answer (the campaign's options). */
const NOT_ON_PAGES = new Set(["campaign", "title", "coAuthors", "myShare", "attachments"]);

/** A page of typed answers, with the card's header above it, stays within Telegram's 4,096 characters. */
export const ANSWERS_PAGE_LENGTH = 2800;

/**
 * What the submitter typed, as a unit head or the council reads it: each question's label in bold and the answer
 * escaped (choices and dates in words), split into pages at line breaks.
 */
export function answerPages(t: Translate, kind: SubmissionKind, answers: Answers): string[] {
  const blocks: string[] = [];
  for (const step of applicableSteps(kind, answers)) {
    if (NOT_ON_PAGES.has(step.key)) continue;
    const value = answers[step.key];
    const shown =
      value === undefined || value === null || value === ""
        ? t("form-skipped")
        : step.kind === "choice"
          ? t(`choice-${step.key}-${String(value)}`)
          : step.kind === "date"
            ? formatIsoDate(String(value))
            : String(value);
    blocks.push(`<b>${t(`${kind}-${step.key}-label`)}</b>\n${escapeHtml(shown)}`);
  }
  return blocks.length === 0 ? [] : splitMessage(blocks.join("\n\n"), ANSWERS_PAGE_LENGTH);
}

/** "◀️ 2/5 ▶️" under a page of answers. */
export function answerPager(
  page: number,
  pages: number,
  submissionId: number,
  button: ButtonKind<[id: number, page: number]>,
): InlineKeyboard | undefined {
  if (pages <= 1) return undefined;
  const keyboard = new InlineKeyboard();
  if (page > 0) keyboard.text(`◀️ ${page}/${pages}`, button.data(submissionId, page - 1));
  if (page + 1 < pages) keyboard.text(`${page + 2}/${pages} ▶️`, button.data(submissionId, page + 1));
  return keyboard;
}
