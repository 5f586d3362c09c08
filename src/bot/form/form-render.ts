import { InlineKeyboard } from "grammy";
import { splitMessage } from "../../shared/split-message.js";
import { escapeHtml } from "../../shared/text.js";
import { formatDate, formatIsoDate } from "../../shared/time.js";
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
import { stepHeader, truncate } from "../conversations/steps.js";
import { FORM } from "./form-buttons.js";

const PREVIOUS_ANSWER_PREVIEW = 500;

const label = (ctx: ConversationContext, view: Pick<DraftView, "kind">, key: string) =>
  ctx.t(`${view.kind}-${key}-label`);

/** Asks the current step: "Bước k/n", what is wanted with an example, the earlier answer, and the buttons. */
export async function askStep(ctx: ConversationContext, view: DraftView): Promise<void> {
  const step = findStep(view.kind, view.step);
  if (!step) return;
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
          `${mark}${ctx.t("form-campaign-option", { title: truncate(option.title, 40), deadline })}`,
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
        value: escapeHtml(truncate(formatAnswer(ctx, step, previous, view), PREVIOUS_ANSWER_PREVIEW)),
      }),
    );
    if (typeof previous === "string") keyboard.text(ctx.t("form-keep-button"), FORM.keep).row();
  }
  if (step.optional && step.kind !== "attachments") keyboard.text(ctx.t("form-skip-button"), FORM.skip).row();
  if (view.editing) keyboard.text(ctx.t("form-back-to-summary-button"), FORM.back);
  else if (view.stepNumber > 1) keyboard.text(ctx.t("button-back"), FORM.back);
  keyboard.text(ctx.t("form-pause-button"), FORM.cancel);
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });
}

/** Every answer, split over as many messages as Telegram needs, with a "Sửa" button per field and "Gửi". */
export async function sendSummary(ctx: ConversationContext, view: DraftView): Promise<void> {
  const steps = applicableSteps(view.kind, view.answers);
  const body = [ctx.t(`form-summary-title-${view.kind}`), ""];
  for (const step of steps) {
    body.push(`<b>${label(ctx, view, step.key)}</b>`);
    body.push(escapeHtml(formatAnswer(ctx, step, view.answers[step.key], view)));
    body.push("");
  }
  const keyboard = new InlineKeyboard();
  steps.forEach((step, i) => {
    keyboard.text(`✏️ ${truncate(label(ctx, view, step.key), 28)}`, `${FORM.edit}${step.key}`);
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(ctx.t("form-submit-button"), FORM.submit).row();
  keyboard.text(ctx.t("button-back"), FORM.back).text(ctx.t("form-pause-button"), FORM.cancel);

  const chunks = splitMessage(body.join("\n").trim());
  for (const [i, chunk] of chunks.entries()) {
    await ctx.reply(chunk, {
      parse_mode: "HTML",
      ...(i === chunks.length - 1 ? { reply_markup: keyboard } : {}),
    });
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
