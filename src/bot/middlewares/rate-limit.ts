import type { I18n } from "@grammyjs/i18n";
import { limit } from "@grammyjs/ratelimiter";
import type { MiddlewareFn } from "grammy";
import type { Locale } from "../../config.js";
import type { Context } from "../context.js";
import { negotiateLocale } from "../i18n.js";

/** The window of RATE_LIMIT_PER_MINUTE: a fixed minute, so a flood is told once a minute at most. */
const WINDOW_MS = 60_000;

/**
 * A per-user rate limit (RATE_LIMIT_PER_MINUTE, by default 120: generous for a person — an album of 10 photos, a
 * long text split in parts, quick taps — and tight for a flood of hundreds), with @grammyjs/ratelimiter in memory
 * per instance, ahead of everything that reads the database: a flood costs a counter increment per update, and the flooder is told once per window, politely, in
 * their Telegram language (their stored one is not read, to keep a dropped update free of queries).
 */
export function rateLimit(
  i18n: I18n<Context>,
  defaultLocale: Locale,
  perMinute: number,
): MiddlewareFn<Context> {
  return limit<Context, never>({
    timeFrame: WINDOW_MS,
    limit: perMinute,
    keyGenerator: (ctx) => (ctx.from && !ctx.from.is_bot ? String(ctx.from.id) : undefined),
    // The limiter returns this handler's promise as the middleware's, so the notice is awaited with the update.
    onLimitExceeded: async (ctx) => {
      ctx.logger.warn({ userId: ctx.from?.id }, "rate limit reached; dropping this user's updates for now");
      const t = i18n.fluent.withLocale(negotiateLocale(undefined, ctx.from?.language_code, defaultLocale));
      if (ctx.chat?.type === "private") await ctx.reply(t("rate-limited")).catch(() => {});
    },
  }) as MiddlewareFn<Context>;
}
