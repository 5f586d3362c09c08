import { InlineKeyboard } from "grammy";
import { truncate } from "../../shared/text.js";
import { checkFullName, FULL_NAME_MAX_LENGTH } from "../../users/full-name.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";

/** Where a step sits in its conversation: every question says "Bước k/n". */
export interface StepPosition {
  step: number;
  total: number;
}

export const CANCEL = "step:cancel";

export const stepHeader = (ctx: ConversationContext, { step, total }: StepPosition) =>
  ctx.t("step-header", { step, total });

/**
 * Waits until one of `accepted` is pressed; anything else gets a hint and the wait goes on. A refused update is
 * skipped (the plugin drops it from the replay log), so however many arrive the conversation's state stays the
 * size of its accepted answers.
 */
export async function waitForButton<T extends string>(
  conversation: AppConversation,
  accepted: readonly T[],
): Promise<T> {
  const answer = await conversation.waitUntil(
    (ctx) => (accepted as readonly string[]).includes(ctx.callbackQuery?.data ?? ""),
    {
      otherwise: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t(ctx.callbackQuery ? "button-expired" : "expect-button"));
      },
    },
  );
  await answer.answerCallbackQuery();
  return answer.callbackQuery?.data as T;
}

/**
 * Waits for a text message: a press of "Hủy" (CANCEL) ends the wait with `cancelled`; any other button, sticker or
 * file gets the hint (HTML; "expect-text" unless the step has its own) and is skipped, as in waitForButton.
 */
export async function waitForText(
  conversation: AppConversation,
  hintKey = "expect-text",
): Promise<{ answer: ConversationContext; text: string } | { answer: ConversationContext; cancelled: true }> {
  const answer = await conversation.waitUntil(
    (ctx) => ctx.callbackQuery?.data === CANCEL || ctx.message?.text !== undefined,
    {
      otherwise: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t(hintKey), { parse_mode: "HTML" });
      },
    },
  );
  if (answer.callbackQuery) {
    await answer.answerCallbackQuery();
    return { answer, cancelled: true };
  }
  return { answer, text: answer.message?.text ?? "" };
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
    keyboard.text(ctx.t(label, { current: verbatim(truncate(current, 40)) }), keep).row();
  }
  keyboard.text(ctx.t("button-cancel"), CANCEL);
  const lines = [ctx.t("profile-name-ask", { header: verbatim(stepHeader(ctx, position)) })];
  if (current && offer.kind === "saved") lines.push(ctx.t("profile-name-ask-current", { current }));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });

  // Only a usable answer is kept: every refused one is skipped, so a flood of wrong names leaves the state as it was.
  const usable = (ctx: ConversationContext) => {
    const data = ctx.callbackQuery?.data;
    if (data !== undefined)
      return data === CANCEL || (data === keep && current !== null && checkFullName(current).ok);
    return ctx.message?.text !== undefined && checkFullName(ctx.message.text).ok;
  };
  const answer = await conversation.waitUntil(usable, {
    otherwise: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
      const text = ctx.message?.text;
      const check = text === undefined ? undefined : checkFullName(text);
      if (!check || check.ok) return void (await ctx.reply(ctx.t("expect-text")));
      await ctx.reply(
        ctx.t(`profile-name-${check.problem}`, {
          max: FULL_NAME_MAX_LENGTH,
          value: truncate(text ?? "", 60),
        }),
        { parse_mode: "HTML" },
      );
    },
  });
  const data = answer.callbackQuery?.data;
  if (data !== undefined) {
    await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
  }
  const check = checkFullName(data === keep ? (current ?? "") : (answer.message?.text ?? ""));
  return check.ok ? check.value : undefined;
}
