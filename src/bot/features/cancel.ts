import { Composer } from "grammy";
import type { Context } from "../context.js";
import { REGISTRATION_CONVERSATION } from "../conversations/registration.js";

/** Installed before the form and the conversations, so /cancel reaches a user at any step. */
export const cancelFeature = new Composer<Context>();

cancelFeature.command("cancel", async (ctx) => {
  const formOpen = ctx.user?.active_draft_id !== null && ctx.user?.active_draft_id !== undefined;
  const active = Object.keys(await ctx.conversation.active());
  if (!formOpen && active.length === 0) {
    await ctx.reply(ctx.t("cancel-nothing"));
    return;
  }
  if (formOpen && ctx.user) await ctx.services.submissions.leaveForm(ctx.user.id);
  if (active.length > 0) await ctx.conversation.exitAll();
  ctx.logger.info({ conversations: active, form: formOpen }, "conversation cancelled by the user");
  // Say what was kept: a form's draft is; a registration that was never completed saved nothing.
  const key = formOpen
    ? "form-paused"
    : active.includes(REGISTRATION_CONVERSATION)
      ? "cancel-registration"
      : "cancel-done";
  await ctx.reply(ctx.t(key), { parse_mode: "HTML" });
});
