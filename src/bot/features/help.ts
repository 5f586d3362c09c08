import { Composer } from "grammy";
import type { Context } from "../context.js";

/** Installed before the conversations, so /help answers in the middle of one without leaving it. */
export const helpFeature = new Composer<Context>();

helpFeature.command("help", async (ctx) => {
  const inConversation = Object.keys(await ctx.conversation.active()).length > 0;
  const text = inConversation
    ? `${ctx.t("help-text")}\n\n${ctx.t("help-in-conversation")}`
    : ctx.t("help-text");
  await ctx.reply(text, { parse_mode: "HTML" });
});
