import { Composer } from "grammy";
import type { Context } from "../context.js";
import { LANGUAGE_CALLBACK, languageKeyboard } from "../keyboards/language.js";

export const languageFeature = new Composer<Context>();

languageFeature.command("language", async (ctx) => {
  await ctx.reply(ctx.t("language-choose"), { reply_markup: languageKeyboard() });
});

languageFeature.callbackQuery(LANGUAGE_CALLBACK, async (ctx) => {
  const locale = ctx.match[1] as string;
  if (!ctx.user) return ctx.answerCallbackQuery();
  ctx.user = await ctx.services.users.setLocale(ctx.user.id, locale);
  ctx.i18n.useLocale(locale);
  ctx.locale = locale;
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t("language-changed"));
  // A role holder's own menu is in their language too (others have the everyone menu, per language already).
  await ctx.menus.refresh(ctx.user.telegram_id, { holdersOnly: true });
});
