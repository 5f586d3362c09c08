import { Composer } from "grammy";
import type { Context } from "../context.js";

/** Installed before the conversations, so /cancel reaches a user at any step. */
export const cancelFeature = new Composer<Context>();

cancelFeature.command("cancel", async (ctx) => {
  const active = Object.keys(await ctx.conversation.active());
  if (active.length === 0) {
    await ctx.reply(ctx.t("cancel-nothing"));
    return;
  }
  await ctx.conversation.exitAll();
  ctx.logger.info({ conversations: active }, "conversation cancelled by the user");
  await ctx.reply(ctx.t("cancel-done"));
});
