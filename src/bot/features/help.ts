import { Composer } from "grammy";
import type { Context } from "../context.js";

/** Installed before the conversations, so /help answers in the middle of one without leaving it. */
export const helpFeature = new Composer<Context>();

helpFeature.command("help", async (ctx) => {
  const inConversation = Object.keys(await ctx.conversation.active()).length > 0;
  const roles = ctx.user ? await ctx.services.users.roles(ctx.user.id) : [];
  const parts = [
    ctx.t("help-text"),
    ...(roles.includes("unit_head") ? [ctx.t("help-unit-head")] : []),
    ...(roles.includes("reviewer") ? [ctx.t("help-reviewer")] : []),
    ...(roles.includes("admin") ? [ctx.t("help-admin")] : []),
    ...(inConversation ? [ctx.t("help-in-conversation")] : []),
  ];
  await ctx.reply(parts.join("\n\n"), { parse_mode: "HTML" });
});
