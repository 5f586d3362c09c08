import { Composer, InlineKeyboard } from "grammy";
import { CampaignNotFoundError } from "../../campaigns/campaign-input.js";
import { NotAReviewerError } from "../../review/council.service.js";
import { InvalidDecisionError, WrongStageError } from "../../review/review-errors.js";
import { escapeHtml } from "../../shared/text.js";
import { formatDateTime, parseLocalDateTime } from "../../shared/time.js";
import type { Context } from "../context.js";
import { REVIEW_SCORE_CONVERSATION } from "../conversations/review-score.js";
import { queueKeyboard, resendAttachments } from "../review-messages.js";

/**
 * /council c<id> <telegram ids…> names a campaign's reviewers, /council c<id> assign spreads its endorsed
 * submissions among them (administrators); /review is a reviewer's queue.
 */
export const councilFeature = new Composer<Context>();
const private_ = councilFeature.chatType("private");

private_.command("council", async (ctx) => {
  if (!ctx.user) return;
  const [target, ...rest] = ctx.match.trim().split(/\s+/);
  const campaign = /^c(\d+)$/i.exec(target ?? "");
  if (!campaign) return ctx.reply(ctx.t("council-usage"), { parse_mode: "HTML" });
  const campaignId = Number(campaign[1]);
  try {
    // Both calls check the administrator's role; get() also says whether the campaign exists.
    await ctx.services.campaigns.get(ctx.user.id, campaignId);
    if (rest[0] === "deadline") {
      const at = parseLocalDateTime(rest.slice(1).join(" "), ctx.config.timezone);
      if (!at) return ctx.reply(ctx.t("campaign-problem-datetime"), { parse_mode: "HTML" });
      await ctx.services.council.setReviewDeadline(ctx.user.id, campaignId, at, new Date());
      return ctx.reply(ctx.t("council-deadline-set", { deadline: formatDateTime(ctx.config.timezone, at) }));
    }
    if (rest.length === 1 && rest[0] === "assign") {
      const n = await ctx.services.council.assign(ctx.user.id, campaignId);
      return ctx.reply(ctx.t("council-assigned", { n }));
    }
    const ids = rest.map(Number);
    if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
      return ctx.reply(ctx.t("council-usage"), { parse_mode: "HTML" });
    const n = await ctx.services.council.setReviewers(ctx.user.id, campaignId, ids);
    return ctx.reply(ctx.t("council-reviewers-set", { n }));
  } catch (error) {
    if (error instanceof CampaignNotFoundError) return ctx.reply(ctx.t("campaign-not-found"));
    if (error instanceof InvalidDecisionError) return ctx.reply(ctx.t("council-deadline-past"));
    if (error instanceof NotAReviewerError)
      return ctx.reply(ctx.t("council-not-a-reviewer", { id: String(error.telegramId) }));
    throw error;
  }
});

private_.command("review", async (ctx) => {
  if (!ctx.user) return;
  const queue = await ctx.services.council.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("council-queue-empty"));
  await ctx.reply(ctx.t("council-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: queueKeyboard(queue, "rev:o:"),
  });
});

private_.callbackQuery(/^rev:o:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const { submission: s, assignment } = await ctx.services.council.open(ctx.user.id, Number(ctx.match[1]));
  const attachments = await ctx.services.submissions.attachmentsForReview(s.id);
  await ctx.reply(
    ctx.t("council-card", {
      code: s.code ?? "",
      kind: ctx.t(`kind-${s.kind}`),
      title: escapeHtml(s.title ?? ""),
    }),
    { parse_mode: "HTML" },
  );
  await resendAttachments(ctx, attachments);
  if (assignment.status === "assigned")
    await ctx.reply(ctx.t("council-choose"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("council-score-button"), `rev:s:${assignment.id}`)
        .row()
        .text(ctx.t("council-conflict-button"), `rev:c:${assignment.id}`),
    });
});

private_.callbackQuery(/^rev:s:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  // Refused at once for someone else's assignment; the service checks again when the score is saved.
  await ctx.services.council.open(ctx.user.id, Number(ctx.match[1]));
  await ctx.conversation.enter(REVIEW_SCORE_CONVERSATION, Number(ctx.match[1]));
});

private_.callbackQuery(/^rev:c:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  try {
    const { reassignedTo } = await ctx.services.council.declareConflict(ctx.user.id, Number(ctx.match[1]));
    await ctx.reply(
      ctx.t(reassignedTo === undefined ? "council-conflict-unassigned" : "council-conflict-done"),
    );
  } catch (error) {
    if (error instanceof WrongStageError) return ctx.reply(ctx.t("council-already-done"));
    throw error;
  }
});
