import { Composer, InlineKeyboard } from "grammy";
import type { Context } from "../context.js";
import { PROFILE_NAME_CONVERSATION } from "../conversations/profile-name.js";
import { PROFILE_UNIT_CONVERSATION } from "../conversations/profile-unit.js";
import { verbatim } from "../verbatim.js";

export const profileFeature = new Composer<Context>();

const private_ = profileFeature.chatType("private");

private_.command("profile", async (ctx) => {
  const user = ctx.user;
  const unit = user?.unit_id ? await ctx.services.units.byId(user.unit_id) : undefined;
  const missing = ctx.t("profile-name-missing");
  await ctx.reply(
    ctx.t("profile-card", {
      name: user?.full_name ? user.full_name : verbatim(missing),
      unit: unit ? `${unit.name} (${unit.district})` : verbatim(missing),
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("profile-button-edit-name"), "profile:name")
        .text(ctx.t("profile-button-edit-unit"), "profile:unit"),
    },
  );
});

private_.callbackQuery("profile:name", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(PROFILE_NAME_CONVERSATION);
});

private_.callbackQuery("profile:unit", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.conversation.enter(PROFILE_UNIT_CONVERSATION);
});
