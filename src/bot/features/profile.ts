import { createConversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import type { Context, ConversationContext } from "../context.js";
import { PROFILE_NAME_CONVERSATION, profileNameConversation } from "../conversations/profile-name.js";

export const profileFeature = new Composer<Context>();

const private_ = profileFeature.chatType("private");

private_.use(
  createConversation<Context, ConversationContext>(profileNameConversation, {
    id: PROFILE_NAME_CONVERSATION,
  }),
);

private_.command("profile", async (ctx) => {
  const name = ctx.user?.full_name ? escapeHtml(ctx.user.full_name) : ctx.t("profile-name-missing");
  await ctx.reply(ctx.t("profile-card", { name }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("profile-button-edit-name"), "profile:name"),
  });
});

private_.callbackQuery("profile:name", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(PROFILE_NAME_CONVERSATION);
});
