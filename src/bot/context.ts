import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context as BaseContext } from "grammy";
import type { Config } from "../config.js";
import type { User } from "../db/types.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import type { OpenDraftRow } from "../users/users.repository.js";
import type { PersonalMenus } from "./commands.js";

interface AppExtras {
  config: Config;
  services: Services;
  /** Role holders' own command menus. */
  menus: PersonalMenus;
  /** Child logger carrying the update id and chat id. */
  logger: Logger;
  /** The user behind the update; undefined for updates without a human sender. */
  user: User | undefined;
  /** The draft whose form the user's chat is in, read with the user (see features/form.ts). */
  openDraft: OpenDraftRow | undefined;
  /** The negotiated locale of this update. */
  locale: string;
}

/** The one context type of the bot's middleware. */
export type Context = ConversationFlavor<BaseContext & I18nFlavor & AppExtras>;

/**
 * Context objects inside conversations: built fresh on each replay, they carry translations, the locale and the
 * configuration (fixed while the bot runs) only; anything else goes through conversation.external.
 */
export type ConversationContext = BaseContext & I18nFlavor & { locale?: string; config: Config };

export type AppConversation = Conversation<Context, ConversationContext>;
