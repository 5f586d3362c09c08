import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import { checkFullName, FULL_NAME_MAX_LENGTH } from "../../users/full-name.js";
import type { AppConversation, ConversationContext } from "../context.js";

/** Where a step sits in its conversation: every question says "Bước k/n". */
export interface StepPosition {
  step: number;
  total: number;
}

export const CANCEL = "step:cancel";

export const stepHeader = (ctx: ConversationContext, { step, total }: StepPosition) =>
  ctx.t("step-header", { step, total });

export const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Waits until one of `accepted` is pressed; anything else gets a hint and the wait goes on. */
export async function waitForButton<T extends string>(
  conversation: AppConversation,
  accepted: readonly T[],
): Promise<T> {
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data !== undefined && (accepted as readonly string[]).includes(data)) return data as T;
    await answer.reply(answer.t(data === undefined ? "expect-button" : "button-expired"));
  }
}

/**
 * Waits for a text message: a press of "Hủy" (CANCEL) ends the wait with `cancelled`; any other button, sticker or
 * file gets the hint (HTML; "expect-text" unless the step has its own) and the wait goes on.
 */
export async function waitForText(
  conversation: AppConversation,
  hintKey = "expect-text",
): Promise<{ answer: ConversationContext; text: string } | { answer: ConversationContext; cancelled: true }> {
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data === CANCEL) return { answer, cancelled: true };
    const text = answer.message?.text;
    if (text !== undefined) return { answer, text };
    await answer.reply(answer.t(hintKey), { parse_mode: "HTML" });
  }
}

/**
 * Asks for a full name. `current` is offered with a button (the saved name, or the Telegram profile's name).
 * Returns undefined when the user cancels.
 */
export async function askFullName(
  conversation: AppConversation,
  ctx: ConversationContext,
  position: StepPosition,
  offer: { current: string | null; kind: "saved" | "telegram" },
): Promise<string | undefined> {
  const keep = "name:keep";
  const keyboard = new InlineKeyboard();
  const { current } = offer;
  if (current) {
    const label = offer.kind === "saved" ? "profile-name-keep-button" : "profile-name-use-telegram-button";
    keyboard.text(ctx.t(label, { current: truncate(current, 40) }), keep).row();
  }
  keyboard.text(ctx.t("button-cancel"), CANCEL);
  const lines = [ctx.t("profile-name-ask", { header: stepHeader(ctx, position) })];
  if (current && offer.kind === "saved")
    lines.push(ctx.t("profile-name-ask-current", { current: escapeHtml(current) }));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });

  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      await answer.answerCallbackQuery();
      if (data === CANCEL) return undefined;
      if (data === keep && current) {
        const check = checkFullName(current);
        if (check.ok) return check.value;
      }
      await answer.reply(answer.t("expect-text"));
      continue;
    }
    const text = answer.message?.text;
    if (text === undefined) {
      await answer.reply(answer.t("expect-text"));
      continue;
    }
    const check = checkFullName(text);
    if (check.ok) return check.value;
    await answer.reply(
      answer.t(`profile-name-${check.problem}`, {
        max: FULL_NAME_MAX_LENGTH,
        value: escapeHtml(truncate(text, 60)),
      }),
      { parse_mode: "HTML" },
    );
  }
}
