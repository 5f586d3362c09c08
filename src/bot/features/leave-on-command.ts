import { Composer } from "grammy";
import type { Context } from "../context.js";

/**
 * One rule for every conversation: a command is never an answer. Installed after /help, /cancel and the form
 * (which applies the same rule to itself) and before the conversations: the conversation is left and the command
 * runs.
 */
export const leaveOnCommandFeature = new Composer<Context>();

leaveOnCommandFeature
  .chatType("private")
  .on("message:text")
  .filter((ctx) => ctx.msg.text.startsWith("/"))
  .use(async (ctx, next) => {
    const active = Object.keys(await ctx.conversation.active());
    if (active.length > 0) {
      await ctx.conversation.exitAll();
      ctx.logger.info({ conversations: active }, "conversation left for a command");
      await ctx.reply(ctx.t("conversation-left"));
    }
    await next();
  });
