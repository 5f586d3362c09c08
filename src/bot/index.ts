import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import { Bot, type BotConfig } from "grammy";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import {
  CONVERSATION_STATE_VERSION,
  postgresConversationStorage,
} from "../conversations/conversation-storage.js";
import type { Database } from "../db/types.js";
import { clearNul } from "../intake/clear-nul.js";
import { isTelegramTrouble } from "../intake/dispatcher.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";
import { ForbiddenError } from "../users/permissions.js";
import { type PersonalMenus, personalMenus, setCommandMenus } from "./commands.js";
import type { Context, ConversationContext } from "./context.js";
import { conversationsFeature } from "./conversations/index.js";
import { domainErrorAnswer } from "./domain-errors.js";
import { batchDecisionFeature } from "./features/batch-decision.js";
import { broadcastsFeature } from "./features/broadcasts.js";
import { campaignsFeature } from "./features/campaigns.js";
import { cancelFeature } from "./features/cancel.js";
import { certificateVerificationFeature } from "./features/certificate-verification.js";
import { chatMemberFeature } from "./features/chat-member.js";
import { councilFeature } from "./features/council.js";
import { decisionDocumentsFeature } from "./features/decision-documents.js";
import { decisionsFeature } from "./features/decisions.js";
import { editedFeature } from "./features/edited.js";
import { endorsementFeature } from "./features/endorsement.js";
import { exportFeature } from "./features/export.js";
import { fallbackFeature } from "./features/fallback.js";
import { formFeature } from "./features/form.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { leaveOnCommandFeature } from "./features/leave-on-command.js";
import { libraryFeature } from "./features/library.js";
import { mySubmissionsFeature } from "./features/my-submissions.js";
import { personalDataFeature } from "./features/personal-data.js";
import { profileFeature } from "./features/profile.js";
import { rolesFeature } from "./features/roles.js";
import { screeningFeature } from "./features/screening.js";
import { startFeature } from "./features/start.js";
import { statsFeature } from "./features/stats.js";
import { submitFeature } from "./features/submit.js";
import { htmlByDefault } from "./html-by-default.js";
import { createI18n, negotiateLocale } from "./i18n.js";
import { attachDeps } from "./middlewares/attach-deps.js";
import { loadUser } from "./middlewares/load-user.js";
import { rateLimit } from "./middlewares/rate-limit.js";

/** auto-retry inside an update: two tries, waiting at most 5 s each (the dispatcher retries beyond that). */
// A network error is not retried in place: auto-retry would retry it forever, in silence. The inbox hands the
// update back instead (and the start retries getMe, saying so).
const IN_UPDATE_RETRY = { maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: true } as const;

export interface BotDeps {
  db: Kysely<Database>;
  logger: Logger;
  services: Services;
}

export type AppBot = Bot<Context> & {
  setCommandMenus(): Promise<void>;
  /** Role holders' own command menus (the first administrators' are set at start). */
  menus: PersonalMenus;
  /** The bot's translations, for messages sent outside an update (broadcasts, summaries). */
  i18n: I18n<Context>;
};

export function createBot(config: Config, deps: BotDeps, botConfig: BotConfig<Context> = {}): AppBot {
  const bot = new Bot<Context>(config.botToken, {
    ...botConfig,
    client: { ...botConfig.client, ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}) },
  });
  // Retries a short 429 or a 5xx/network blip in place; anything longer fails the update, which the inbox hands
  // back later (src/intake/dispatcher.ts), so one chat's wait never holds a handler slot for a minute.
  bot.api.config.use(autoRetry(IN_UPDATE_RETRY));
  bot.api.config.use(htmlByDefault);

  const i18n = createI18n<Context>(config.defaultLocale, (ctx) =>
    negotiateLocale(ctx.user?.locale, ctx.from?.language_code, config.defaultLocale),
  );
  // Context objects inside a conversation never pass the outer middleware; they take the locale it negotiated.
  const innerI18n = createI18n<ConversationContext>(
    config.defaultLocale,
    (ctx) => ctx.locale ?? negotiateLocale(undefined, ctx.from?.language_code, config.defaultLocale),
  );

  // One chat's updates reach the bot one after another, in order, from the inbox (src/intake): no lock needed here.
  // Updates from the inbox were cleaned as stored; this covers every other way in (handleUpdate, tests).
  bot.use((ctx, next) => {
    clearNul(ctx.update);
    return next();
  });
  const menus = personalMenus(
    bot.api,
    i18n,
    (telegramId) => deps.services.users.menuHolder(telegramId, config.defaultLocale),
    deps.logger,
  );
  bot.use(attachDeps({ config, services: deps.services, logger: deps.logger, menus }));
  bot.use(rateLimit(i18n, config.defaultLocale, config.rateLimitPerMinute));
  bot.use(loadUser);
  bot.use(i18n);
  bot.use(async (ctx, next) => {
    ctx.locale = await ctx.i18n.getLocale();
    await next();
  });

  const features = bot.errorBoundary(async (err) => {
    const ctx = err.ctx;
    // A privileged action by someone without the role (a forged or stale button, a typed command) is refused.
    if (err.error instanceof ForbiddenError)
      ctx.logger.warn({ role: err.error.role, userId: ctx.user?.id }, "privileged action refused");
    // A domain error with one answer everywhere (not found, not allowed, …): said in the user's language.
    const answer = domainErrorAnswer(ctx, err.error);
    if (answer !== undefined) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      // Telegram unreachable: thrown below like any reply that failed, so the update is tried again.
      await ctx.reply(answer);
      return;
    }
    // Telegram unreachable or refusing for now: the update goes back to the inbox and is handled again later, so
    // the chat picks up where it was (the form re-sends its question) instead of losing the reply.
    if (isTelegramTrouble(err.error)) throw err.error;
    ctx.logger.error({ err: err.error, update_id: ctx.update.update_id }, "update failed");
    if (ctx.chatId === undefined) return;
    try {
      await ctx.reply(ctx.t("error-apology"));
    } catch (replyError) {
      ctx.logger.warn({ err: replyError }, "could not send the apology");
    }
  });

  // Edits are never answers. The form comes before the conversations plugin, which reads a chat's conversation
  // state at every update it sees: a form step does not need it (one round trip less).
  features.use(chatMemberFeature, editedFeature, formFeature);
  features.use(
    conversations<Context, ConversationContext>({
      storage: {
        type: "key",
        version: CONVERSATION_STATE_VERSION,
        prefix: "chat:",
        getStorageKey: (ctx) => ctx.chatId?.toString(),
        adapter: postgresConversationStorage(deps.db, (key, bytes) =>
          deps.logger.warn({ key, bytes }, "conversation state over its bound; the update is not kept"),
        ),
      },
      plugins: (conversation) => [
        async (ctx, next) => {
          // Inside a conversation each context gets a fresh Api without the bot's transformers, so auto-retry is
          // installed again. It sits outside the plugin's replay log: after a failed call, later replays wait out
          // the recorded failure once more, hence the lower delay cap here.
          ctx.api.config.use(autoRetry(IN_UPDATE_RETRY));
          ctx.api.config.use(htmlByDefault);
          ctx.locale = await conversation.external((outer) => outer.locale);
          ctx.config = config;
          await next();
        },
        innerI18n,
      ],
    }),
  );
  // /help and /cancel come before any conversation so they work at every step; other commands then leave the
  // conversation and run; the catch-all goes last.
  features.use(
    helpFeature,
    cancelFeature,
    leaveOnCommandFeature,
    conversationsFeature,
    certificateVerificationFeature,
    startFeature,
    profileFeature,
    submitFeature,
    mySubmissionsFeature,
    campaignsFeature,
    broadcastsFeature,
    rolesFeature,
    endorsementFeature,
    decisionsFeature,
    batchDecisionFeature,
    decisionDocumentsFeature,
    councilFeature,
    screeningFeature,
    statsFeature,
    exportFeature,
    libraryFeature,
    personalDataFeature,
    languageFeature,
    fallbackFeature,
  );

  bot.catch((err) =>
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "unhandled error"),
  );

  return Object.assign(bot, {
    setCommandMenus: () => setCommandMenus(bot.api, i18n, config.defaultLocale, deps.logger),
    menus,
    i18n,
  });
}
