import { InlineKeyboard } from "grammy";

export const LANGUAGE_CALLBACK = /^lang:(vi|en)$/;

export const languageKeyboard = () =>
  new InlineKeyboard().text("🇻🇳 Tiếng Việt", "lang:vi").text("🇬🇧 English", "lang:en");
