import { InlineKeyboard } from "grammy";
import { MAX_CAMPAIGN_DESCRIPTION, MAX_CAMPAIGN_TITLE } from "../../campaigns/campaign-input.js";
import { hasVisibleText, normalizeText } from "../../shared/text.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { formattedTextToHtml } from "../formatted-text.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, type StepPosition, stepHeader } from "./steps.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; hint: string };

export function parseTitle(a: ConversationContext): Parsed<string> {
  const text = normalizeText(a.message?.text ?? "").replace(/\s*\n\s*/g, " ");
  if (!text) return { ok: false, hint: a.t("expect-text") };
  if (text.length > MAX_CAMPAIGN_TITLE)
    return { ok: false, hint: a.t("campaign-problem-title-too-long", { max: MAX_CAMPAIGN_TITLE }) };
  return { ok: true, value: text };
}

/**
 * The announcement text as Telegram-compatible HTML: the bold, italics and links the administrator typed are
 * kept (Telegram's entities become tags), everything else is shown as typed ("a < b", a typed "<b>"). Normalized
 * to NFC after the conversion, as the entities' offsets count the characters as typed.
 */
export function parseDescription(a: ConversationContext): Parsed<string> {
  const message = a.message;
  if (!message?.text) return { ok: false, hint: a.t("expect-text") };
  if (!hasVisibleText(message.text)) return { ok: false, hint: a.t("expect-text") };
  const html = formattedTextToHtml(message.text, message.entities).normalize("NFC");
  if (html.length > MAX_CAMPAIGN_DESCRIPTION)
    return {
      ok: false,
      hint: a.t("campaign-problem-description-too-long", { max: MAX_CAMPAIGN_DESCRIPTION }),
    };
  return { ok: true, value: html };
}

/** Asks one question (with optional buttons and always "Hủy") until `parse` accepts; undefined when cancelled. */
export async function ask<T>(
  conversation: AppConversation,
  ctx: ConversationContext,
  position: StepPosition | undefined,
  questionKey: string,
  buttons: [label: string, data: string][],
  parse: (answer: ConversationContext) => Parsed<T>,
): Promise<T | undefined> {
  const keyboard = new InlineKeyboard();
  for (const [label, data] of buttons) keyboard.text(label, data).row();
  keyboard.text(ctx.t("button-cancel"), CANCEL);
  await ctx.reply(ctx.t(questionKey, { header: verbatim(position ? stepHeader(ctx, position) : "✏️") }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
  // A refused answer is skipped (dropped from the replay log), so the state holds only the accepted ones.
  const answer = await conversation.waitUntil((ctx) => ctx.callbackQuery?.data === CANCEL || parse(ctx).ok, {
    otherwise: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      const parsed = parse(ctx);
      if (!parsed.ok) await ctx.reply(parsed.hint, { parse_mode: "HTML" });
    },
  });
  if (answer.callbackQuery) await answer.answerCallbackQuery();
  if (answer.callbackQuery?.data === CANCEL) return undefined;
  const parsed = parse(answer);
  return parsed.ok ? parsed.value : undefined;
}
