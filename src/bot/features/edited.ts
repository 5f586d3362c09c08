import { Composer } from "grammy";
import type { Context } from "../context.js";

/**
 * Installed first: an edited message is never read as an answer (Telegram sends the whole new text, and an answer
 * already moved the form on). The bot says so and how to change an answer, instead of a hint that does not fit.
 */
export const editedFeature = new Composer<Context>();

editedFeature.chatType("private").on("edited_message", async (ctx) => {
  await ctx.reply(ctx.t("edit-not-read"), { parse_mode: "HTML" });
});
