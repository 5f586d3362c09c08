import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import type { Role } from "../db/types.js";
import type { Logger } from "../logger.js";

/** What the menus need of @grammyjs/i18n. */
export interface Translator {
  t(locale: string, key: string): string;
}

const MENU = [
  "submit",
  "my",
  "drafts",
  "library",
  "campaigns",
  "profile",
  "language",
  "mydata",
  "help",
  "cancel",
  "start",
] as const;

/** What each role adds to a person's menu (the commands its holders, and only they, may run). */
const ROLE_MENU: Record<Role, readonly string[]> = {
  unit_head: ["queue"],
  reviewer: ["review"],
  admin: ["decide", "decisions", "council", "newcampaign", "broadcasts", "stats", "export", "roles", "find"],
};

/** Everyone's commands, then those of `roles` (in the order of ROLE_MENU), described in `locale`. */
export function commandMenu(i18n: Translator, locale: string, roles: readonly Role[] = []): BotCommand[] {
  const held = (Object.keys(ROLE_MENU) as Role[]).filter((role) => roles.includes(role));
  return [...MENU, ...held.flatMap((role) => ROLE_MENU[role])].map((command) => ({
    command,
    description: i18n.t(locale, `command-${command}`),
  }));
}

/** What a person's own menu depends on. */
export interface MenuHolder {
  locale: string;
  roles: readonly Role[];
}

export interface PersonalMenus {
  /**
   * Gives this person the menu of their roles, in their language, in their chat with the bot (a chat-scoped menu,
   * which Telegram shows there instead of the everyone menu); someone with no role, or erased, gets the everyone
   * menu back — unless `holdersOnly`, for a change (their language) that matters to role holders only. Called when
   * a role is granted or revoked, when a role holder changes language and after an erasure. A failure costs only
   * the menu (the commands work typed), so it is logged.
   */
  refresh(telegramId: number, options?: { holdersOnly?: boolean }): Promise<void>;
}

export function personalMenus(
  api: Api,
  i18n: Translator,
  holderOf: (telegramId: number) => Promise<MenuHolder | undefined>,
  logger: Logger,
): PersonalMenus {
  return {
    async refresh(telegramId, { holdersOnly = false } = {}) {
      try {
        const holder = await holderOf(telegramId);
        const scope = { type: "chat", chat_id: telegramId } as const;
        // No role, or no longer known (erased): the everyone menu.
        if (!holder || holder.roles.length === 0) {
          if (!holdersOnly) await api.deleteMyCommands({ scope });
        } else await api.setMyCommands(commandMenu(i18n, holder.locale, holder.roles), { scope });
      } catch (err) {
        logger.warn({ err }, "could not set a role holder's command menu; the commands still work typed");
      }
    },
  };
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
