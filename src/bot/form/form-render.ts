import { GrammyError, InlineKeyboard } from "grammy";
import { splitMessage } from "../../shared/split-message.js";
import { escapeHtml, truncate } from "../../shared/text.js";
import { formatDate, formatIsoDate } from "../../shared/time.js";
import { SUMMARY_STEP } from "../../submissions/form-machine.js";
import {
  applicableSteps,
  type CampaignOption,
  type CoAuthor,
  type FormStep,
  findStep,
  NO_CAMPAIGN,
} from "../../submissions/forms.js";
import type { DraftView } from "../../submissions/submissions.service.js";
import type { ConversationContext } from "../context.js";
import { stepHeader } from "../conversations/steps.js";
import { verbatim } from "../verbatim.js";
import { FORM } from "./form-buttons.js";

const PREVIOUS_ANSWER_PREVIEW = 500;

const label = (ctx: ConversationContext, view: Pick<DraftView, "kind">, key: string) =>
  ctx.t(`${view.kind}-${key}-label`);

/** One screen of the form: the texts to show (the last carries the keyboard). */
export interface FormScreen {
  texts: string[];
  keyboard: InlineKeyboard;
}

/** The current step: "Bước k/n", what is wanted with an example, the earlier answer, and the buttons. */
export function stepScreen(ctx: ConversationContext, view: DraftView): FormScreen | undefined {
  const step = findStep(view.kind, view.step);
  if (!step) return undefined;
  const lines = [
    `${stepHeader(ctx, { step: view.stepNumber, total: view.totalSteps })} — <b>${label(ctx, view, step.key)}</b>`,
    ctx.t(`${view.kind}-${step.key}-ask`),
  ];
  const previous = view.answers[step.key];
  const keyboard = new InlineKeyboard();
  if (step.kind === "choice") {
    for (const choice of step.choices ?? []) {
      const mark = previous === choice ? "✓ " : "";
      keyboard.text(`${mark}${ctx.t(`choice-${step.key}-${choice}`)}`, `${FORM.answer}${choice}`).row();
    }
  } else if (step.kind === "campaign") {
    for (const option of campaignOptions(view)) {
      const mark = previous === option.id ? "✓ " : "";
      const deadline = formatDate(ctx.config.timezone, new Date(option.deadline));
      keyboard
        .text(
          `${mark}${ctx.t("form-campaign-option", { title: verbatim(truncate(option.title, 40)), deadline })}`,
          `${FORM.answer}${option.id}`,
        )
        .row();
    }
    keyboard
      .text(`${previous === null ? "✓ " : ""}${ctx.t("form-campaign-none")}`, `${FORM.answer}${NO_CAMPAIGN}`)
      .row();
  } else if (step.kind === "attachments") {
    lines.push(ctx.t("form-attachments-so-far", { count: view.attachments.length }));
    keyboard.text(ctx.t("form-done-button"), FORM.done).row();
  } else if (previous !== undefined && previous !== null && previous !== "") {
    lines.push(
      ctx.t("form-previous-answer", {
        value: truncate(formatAnswer(ctx, step, previous, view), PREVIOUS_ANSWER_PREVIEW),
      }),
    );
    if (typeof previous === "string") keyboard.text(ctx.t("form-keep-button"), FORM.keep).row();
  }
  if (step.optional && step.kind !== "attachments") keyboard.text(ctx.t("form-skip-button"), FORM.skip).row();
  if (view.editing) keyboard.text(ctx.t("form-back-to-summary-button"), FORM.back);
  else if (view.stepNumber > 1) keyboard.text(ctx.t("button-back"), FORM.back);
  keyboard.text(ctx.t("form-pause-button"), FORM.cancel);
  return { texts: [lines.join("\n\n")], keyboard };
}

/**
 * Every answer, split over as many messages as Telegram needs, with a short "✏️ Tên" button per field (three to a
 * row, so no label is cut on a phone) and "Gửi".
 */
export function summaryScreen(ctx: ConversationContext, view: DraftView): FormScreen {
  const steps = applicableSteps(view.kind, view.answers);
  const body = [ctx.t(`form-summary-title-${view.kind}`), ""];
  for (const step of steps) {
    body.push(`<b>${label(ctx, view, step.key)}</b>`);
    body.push(escapeHtml(formatAnswer(ctx, step, view.answers[step.key], view)));
    body.push("");
  }
  const keyboard = new InlineKeyboard();
  steps.forEach((step, i) => {
    keyboard.text(`✏️ ${ctx.t(`${view.kind}-${step.key}-short`)}`, `${FORM.edit}${step.key}`);
    if (i % 3 === 2) keyboard.row();
  });
  keyboard.row().text(ctx.t("form-submit-button"), FORM.submit).row();
  keyboard.text(ctx.t("button-back"), FORM.back).text(ctx.t("form-pause-button"), FORM.cancel);
  return { texts: splitMessage(body.join("\n").trim()), keyboard };
}

/**
 * Shows a screen of the form. After a press of one of the form's buttons, a one-message screen replaces the
 * pressed message in place (✏️ on the summary turns it into the question; the answer's button turns the question
 * back into the summary), so editing a long submission does not pile up copies of it; otherwise it is sent.
 */
export async function showScreen(ctx: ConversationContext, view: DraftView, inPlace: boolean): Promise<void> {
  const screen = view.step === SUMMARY_STEP ? summaryScreen(ctx, view) : stepScreen(ctx, view);
  if (!screen) return;
  const [only] = screen.texts;
  if (inPlace && screen.texts.length === 1 && only !== undefined && ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(only, { parse_mode: "HTML", reply_markup: screen.keyboard });
      return;
    } catch (error) {
      // Too old to edit, or unchanged: sent anew instead. Telegram being unreachable is no reason to send.
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    }
  }
  for (const [i, text] of screen.texts.entries()) {
    const last = i === screen.texts.length - 1;
    await ctx.reply(text, { parse_mode: "HTML", ...(last ? { reply_markup: screen.keyboard } : {}) });
  }
}

/** An answer as the user reads it back (plain text; the caller escapes it). */
export function formatAnswer(
  ctx: ConversationContext,
  step: FormStep,
  value: unknown,
  view: DraftView,
): string {
  if (step.kind === "attachments") {
    return view.attachments.length === 0
      ? ctx.t("form-no-attachments")
      : view.attachments.map((a) => `• ${a.name}`).join("\n");
  }
  if (step.kind === "campaign") {
    return campaignOptions(view).find((o) => o.id === value)?.title ?? ctx.t("form-campaign-none");
  }
  if (value === undefined || value === null || value === "") return ctx.t("form-skipped");
  switch (step.kind) {
    case "choice":
      return ctx.t(`choice-${step.key}-${String(value)}`);
    case "date":
      return formatIsoDate(String(value));
    case "share":
      return `${value}%`;
    case "coAuthors":
      return (value as CoAuthor[]).map((a) => `• ${a.name} — ${a.unit} — ${a.share}%`).join("\n");
    default:
      return String(value);
  }
}

const campaignOptions = (view: DraftView) =>
  (view.answers.campaignOptions as CampaignOption[] | undefined) ?? [];
