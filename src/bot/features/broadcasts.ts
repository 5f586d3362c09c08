import { Composer, InlineKeyboard } from "grammy";
import { progressText } from "../broadcast-messages.js";
import type { Context } from "../context.js";
import { hasUser, type UserContext } from "../filters.js";

/** /broadcasts: administrators follow each broadcast (sent, pending, failed, blocked). */
export const broadcastsFeature = new Composer<Context>();
const private_ = broadcastsFeature.chatType("private").filter(hasUser);

const REFRESH = "bc:refresh";

async function show(ctx: UserContext): Promise<void> {
  // The service refuses anyone but an administrator (ForbiddenError, answered by the error boundary).
  const list = await ctx.services.broadcasts.progress(ctx.user.id, 10);
  const t = ctx.t.bind(ctx);
  const text =
    list.length === 0
      ? ctx.t("broadcasts-none")
      : [ctx.t("broadcasts-title"), ...list.map((p) => progressText(t, p))].join("\n\n");
  await ctx.reply(text, {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("broadcasts-refresh"), REFRESH),
  });
}

private_.command("broadcasts", show);
private_.callbackQuery(REFRESH, async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx);
});
