import type { Config } from "../config.js";
import type { Services } from "../services.js";
import { progressText } from "./broadcast-messages.js";
import { negotiateLocale } from "./i18n.js";
import type { AppBot } from "./index.js";

/** Tells the creator of a finished broadcast how it went, once, in the creator's language. */
export function broadcastSummaryReporter(bot: AppBot, services: Services, config: Config) {
  return async (broadcastId: number): Promise<void> => {
    const summary = await services.broadcasts.summaryToSend(broadcastId, new Date());
    if (!summary) return;
    const t = bot.i18n.fluent.withLocale(
      negotiateLocale(summary.creator.locale, undefined, config.defaultLocale),
    );
    await bot.api.sendMessage(
      summary.creator.telegram_id,
      `${t("broadcast-finished")}\n${progressText(t, summary.progress)}`,
      { parse_mode: "HTML" },
    );
  };
}
