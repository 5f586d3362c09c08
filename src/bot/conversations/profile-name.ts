import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import { checkFullName, FULL_NAME_MAX_LENGTH } from "../../users/full-name.js";
import type { AppConversation, ConversationContext } from "../context.js";

export const PROFILE_NAME_CONVERSATION = "profile-name";

const TOTAL_STEPS = 2;
const CB = { keep: "pn:keep", save: "pn:save", back: "pn:back", cancel: "pn:cancel" } as const;

/**
 * Asks for the full name (step 1), shows it back for confirmation (step 2) and saves it. A wrong answer gets a
 * hint and the same question; "back" returns to step 1 with the earlier answer offered.
 */
export async function profileNameConversation(conversation: AppConversation, ctx: ConversationContext) {
  let suggestion = await conversation.external((outer) => outer.user?.full_name ?? null);

  for (;;) {
    const name = await askName(conversation, ctx, suggestion);
    if (name === undefined) return;
    suggestion = name;

    const confirmation = new InlineKeyboard()
      .text(ctx.t("profile-name-confirm-button"), CB.save)
      .row()
      .text(ctx.t("button-back"), CB.back)
      .text(ctx.t("button-cancel"), CB.cancel);
    await ctx.reply(ctx.t("profile-name-confirm", { header: stepHeader(ctx, 2), name: escapeHtml(name) }), {
      parse_mode: "HTML",
      reply_markup: confirmation,
    });
    const choice = await waitForButton(conversation, [CB.save, CB.back, CB.cancel]);
    if (choice === CB.cancel) return cancelled(ctx);
    if (choice === CB.back) continue;

    const saved = await conversation.external(async (outer) => {
      if (!outer.user) throw new Error("profile-name conversation without a user");
      return (await outer.services.users.setFullName(outer.user.id, name)).full_name ?? name;
    });
    await ctx.reply(ctx.t("profile-name-saved", { name: escapeHtml(saved) }), { parse_mode: "HTML" });
    return;
  }
}

async function askName(
  conversation: AppConversation,
  ctx: ConversationContext,
  current: string | null,
): Promise<string | undefined> {
  const keyboard = new InlineKeyboard();
  if (current)
    keyboard.text(ctx.t("profile-name-keep-button", { current: truncate(current, 40) }), CB.keep).row();
  keyboard.text(ctx.t("button-cancel"), CB.cancel);
  const lines = [ctx.t("profile-name-ask", { header: stepHeader(ctx, 1) })];
  if (current) lines.push(ctx.t("profile-name-ask-current", { current: escapeHtml(current) }));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: keyboard });

  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      await answer.answerCallbackQuery();
      if (data === CB.cancel) return cancelled(answer);
      if (data === CB.keep && current) return current;
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

/** Waits until one of `accepted` is pressed; anything else gets a hint and the wait goes on. */
async function waitForButton<T extends string>(
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

async function cancelled(ctx: ConversationContext): Promise<undefined> {
  await ctx.reply(ctx.t("profile-name-cancelled"));
  return undefined;
}

const stepHeader = (ctx: ConversationContext, step: number) =>
  ctx.t("step-header", { step, total: TOTAL_STEPS });

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
