import { Composer } from "grammy";
import type { Context } from "../context.js";

/** Installed last: whatever no feature handled gets a pointer to /help. */
export const fallbackFeature = new Composer<Context>();

fallbackFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

fallbackFeature.chatType("private").on("message", async (ctx) => {
  await ctx.reply(ctx.t("fallback-unknown"));
});
