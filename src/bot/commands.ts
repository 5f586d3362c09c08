import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import type { Logger } from "../logger.js";

/** What the menus need of @grammyjs/i18n. */
export interface Translator {
  t(locale: string, key: string): string;
}

const MENU = [
  "submit",
  "my",
  "drafts",
  "campaigns",
  "profile",
  "language",
  "mydata",
  "help",
  "cancel",
  "start",
] as const;

export function commandMenu(i18n: Translator, locale: string): BotCommand[] {
  return MENU.map((command) => ({ command, description: i18n.t(locale, `command-${command}`) }));
}

/**
 * Sets the localized command menus: one per supported language, and the default locale's for everyone else.
 * A failure here costs only the menu, so it is logged and the bot runs on.
 */
export async function setCommandMenus(
  api: Api,
  i18n: Translator,
  defaultLocale: Locale,
  logger: Logger,
): Promise<void> {
  try {
    for (const locale of SUPPORTED_LOCALES) {
      await api.setMyCommands(commandMenu(i18n, locale), { language_code: locale });
    }
    await api.setMyCommands(commandMenu(i18n, defaultLocale));
  } catch (err) {
    logger.warn({ err }, "could not set the command menus; the bot runs on without them");
  }
}
