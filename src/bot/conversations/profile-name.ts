import { InlineKeyboard } from "grammy";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { askFullName, CANCEL, stepHeader, waitForButton } from "./steps.js";

export const PROFILE_NAME_CONVERSATION = "profile-name";

const SAVE = "pn:save";
const BACK = "pn:back";

/** Edits the full name: asks for it (step 1), shows it back for confirmation (step 2) and saves it. */
export async function profileNameConversation(conversation: AppConversation, ctx: ConversationContext) {
  let current = await conversation.external((outer) => outer.user?.full_name ?? null);
  for (;;) {
    const name = await askFullName(conversation, ctx, { step: 1, total: 2 }, { current, kind: "saved" });
    if (name === undefined) return ctx.reply(ctx.t("profile-name-cancelled"));
    current = name;

    const confirmation = new InlineKeyboard()
      .text(ctx.t("profile-name-confirm-button"), SAVE)
      .row()
      .text(ctx.t("button-back"), BACK)
      .text(ctx.t("button-cancel"), CANCEL);
    await ctx.reply(
      ctx.t("profile-name-confirm", {
        header: verbatim(stepHeader(ctx, { step: 2, total: 2 })),
        name,
      }),
      {
        parse_mode: "HTML",
        reply_markup: confirmation,
      },
    );
    const choice = await waitForButton(conversation, [SAVE, BACK, CANCEL]);
    if (choice === CANCEL) return ctx.reply(ctx.t("profile-name-cancelled"));
    if (choice === BACK) continue;

    const saved = await conversation.external(async (outer) => {
      if (!outer.user) throw new Error("profile-name conversation without a user");
      return (await outer.services.users.setFullName(outer.user.id, name)).full_name ?? name;
    });
    return ctx.reply(ctx.t("profile-name-saved", { name: saved }), { parse_mode: "HTML" });
  }
}
