import { Composer } from "grammy";
import type { Context } from "../context.js";

export const chatMemberFeature = new Composer<Context>();

/**
 * Someone blocked the bot (or unblocked it): marked at once, so broadcasts leave them out from now on instead of
 * finding out at the next one, and what they were in the middle of (a conversation's state) is not kept.
 */
chatMemberFeature.chatType("private").on("my_chat_member", async (ctx) => {
  const blocked = ctx.myChatMember.new_chat_member.status === "kicked";
  await ctx.services.users.setReachable(ctx.myChatMember.from.id, !blocked);
});
