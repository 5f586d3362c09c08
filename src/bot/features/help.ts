import { Composer } from "grammy";
import type { Context } from "../context.js";
import { showOpenForm } from "./form.js";

/**
 * Installed before the form and the conversations, so /help answers in the middle of one without leaving it; an
 * open form then asks its question again.
 */
export const helpFeature = new Composer<Context>();

helpFeature.command("help", async (ctx) => {
  const formOpen = ctx.user?.active_draft_id !== null && ctx.user?.active_draft_id !== undefined;
  const inConversation = formOpen || Object.keys(await ctx.conversation.active()).length > 0;
  const roles = ctx.user ? await ctx.services.users.roles(ctx.user.id) : [];
  const parts = [
    ctx.t("help-text"),
    ...(roles.includes("unit_head") ? [ctx.t("help-unit-head")] : []),
    ...(roles.includes("reviewer") ? [ctx.t("help-reviewer")] : []),
    ...(roles.includes("admin") ? [ctx.t("help-admin")] : []),
    ...(inConversation ? [ctx.t("help-in-conversation")] : []),
  ];
  await ctx.reply(parts.join("\n\n"), { parse_mode: "HTML" });
  if (formOpen) await showOpenForm(ctx);
});
