import { join } from "node:path";
import { I18n } from "@grammyjs/i18n";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import { PROJECT_ROOT } from "../paths.js";
import { escapeHtml } from "../shared/text.js";
import { isSupportedLocale } from "../users/users.service.js";
import type { Context, ConversationContext } from "./context.js";

export const LOCALES_DIR = join(PROJECT_ROOT, "locales");

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
  const i18n = new I18n<C>({
    defaultLocale,
    directory: LOCALES_DIR,
    // Unicode isolation marks around variables show up as stray characters in some Telegram clients.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: negotiator,
  });
  escapeVariables(i18n.fluent);
  return i18n;
}

type TranslationVariables = Parameters<I18n["fluent"]["translate"]>[2];

/**
 * Messages are sent as HTML, so every string given to a translation is escaped here, once, for every way of
 * translating (ctx.t, inside conversations, fluent.withLocale for broadcasts): text from people cannot become
 * markup however a message is built. What is already HTML is passed as verbatim(...).
 */
function escapeVariables(fluent: I18n["fluent"]): void {
  const translate = fluent.translate.bind(fluent);
  fluent.translate = (locales, path, variables) => translate(locales, path, variables && escaped(variables));
}

function escaped(variables: NonNullable<TranslationVariables>): TranslationVariables {
  const out: NonNullable<TranslationVariables> = {};
  for (const [name, value] of Object.entries(variables))
    out[name] = typeof value === "string" ? escapeHtml(value) : value;
  return out;
}

export { SUPPORTED_LOCALES };
