import { Composer } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import type { Context } from "../context.js";

export const startFeature = new Composer<Context>();

startFeature.chatType("private").command("start", async (ctx) => {
  const user = ctx.user;
  const name = escapeHtml(user?.full_name ?? ctx.from.first_name);
  const key = user?.full_name ? "start-greeting-known" : "start-greeting-new";
  await ctx.reply(ctx.t(key, { name }), { parse_mode: "HTML" });
});
