import { fileURLToPath } from "node:url";
import { I18n } from "@grammyjs/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import { isSupportedLocale } from "../users/users.service.js";
import type { Context, ConversationContext } from "./context.js";

export const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

/** The user's stored choice, else their Telegram language when we speak it, else the configured default. */
export function negotiateLocale(
  stored: string | null | undefined,
  telegramLanguage: string | undefined,
  fallback: Locale,
): Locale {
  if (stored && isSupportedLocale(stored)) return stored;
  const base = telegramLanguage?.toLowerCase().split(/[-_]/)[0];
  return base && isSupportedLocale(base) ? base : fallback;
}

export function createI18n<C extends Context | ConversationContext>(
  defaultLocale: Locale,
  negotiator: (ctx: C) => string,
): I18n<C> {
  return new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Unicode isolation marks around variables show up as stray characters in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiator,
  });
}

export { SUPPORTED_LOCALES };
