import { Composer, InlineKeyboard } from "grammy";
import type { SubmissionKind } from "../../db/types.js";
import { NotAReviewerError, RubricInUseError, RubricKindError } from "../../review/council.service.js";
import { InvalidDecisionError, WrongStageError } from "../../review/review-errors.js";
import { MAX_CRITERIA, parseRubric, RubricInputError } from "../../review/rubric.js";
import { foldForSearch } from "../../shared/text.js";
import { formatDateTime, parseLocalDateTime } from "../../shared/time.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { REVIEW_SCORE_CONVERSATION } from "../conversations/review-score.js";
import { hasUser } from "../filters.js";
import { queueKeyboard, resendAttachments } from "../review-messages.js";
import { rubricsText } from "../rubric-text.js";
import { verbatim } from "../verbatim.js";
import { screeningButton } from "./screening.js";

/**
 * /council c<id> <telegram ids…> names a campaign's reviewers, /council c<id> assign spreads its endorsed
 * submissions among them (administrators); /review is a reviewer's queue.
 */
export const councilFeature = new Composer<Context>();
const private_ = councilFeature.chatType("private").filter(hasUser);

private_.command("council", async (ctx) => {
  // The first line holds the arguments; a rubric's criteria follow on the next lines.
  const [firstLine = "", ...moreLines] = ctx.match.trim().split("\n");
  const [target, ...rest] = firstLine.trim().split(/\s+/);
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
    if (rest[0] === "rubric")
      return await rubricCommand(ctx, campaignId, rest.slice(1), moreLines.join("\n"));
    if (rest.length === 1 && rest[0] === "assign") {
      const n = await ctx.services.council.assign(ctx.user.id, campaignId);
      return ctx.reply(ctx.t("council-assigned", { n }));
    }
    const ids = [...rest, ...moreLines.join(" ").trim().split(/\s+/)].filter(Boolean).map(Number);
    if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
      return ctx.reply(ctx.t("council-usage"), { parse_mode: "HTML" });
    const n = await ctx.services.council.setReviewers(ctx.user.id, campaignId, ids);
    return ctx.reply(ctx.t("council-reviewers-set", { n }));
  } catch (error) {
    if (error instanceof InvalidDecisionError) return ctx.reply(ctx.t("council-deadline-past"));
    if (error instanceof RubricInputError)
      return ctx.reply(
        ctx.t(`rubric-problem-${error.problem}`, { line: error.line ?? 0, max: MAX_CRITERIA }),
        {
          parse_mode: "HTML",
        },
      );
    if (error instanceof RubricInUseError)
      return ctx.reply(ctx.t("rubric-in-use", { kind: verbatim(ctx.t(`kind-${error.kind}`)) }));
    if (error instanceof RubricKindError)
      return ctx.reply(ctx.t("rubric-kind-not-taken", { kind: verbatim(ctx.t(`kind-${error.kind}`)) }));
    if (error instanceof NotAReviewerError)
      return ctx.reply(ctx.t("council-not-a-reviewer", { id: String(error.telegramId) }));
    throw error;
  }
});

const RUBRIC_KINDS: Record<string, SubmissionKind> = {
  initiative: "initiative",
  sangkien: "initiative",
  nomination: "nomination",
  decu: "nomination",
};

/** /council c12 rubric [initiative|nomination [default | criteria on the next lines]]: shows or sets the rubric. */
async function rubricCommand(ctx: Context, campaignId: number, [kindArg, ...words]: string[], body: string) {
  const actorId = ctx.user?.id ?? 0;
  if (kindArg === undefined) {
    const text = rubricsText(ctx, await ctx.services.council.rubrics(actorId, campaignId));
    return ctx.reply(`${text}\n\n${ctx.t("rubric-usage", { id: String(campaignId) })}`, {
      parse_mode: "HTML",
    });
  }
  const kind = RUBRIC_KINDS[foldForSearch(kindArg).replace(/[^a-z]/g, "")];
  const reset = body.trim() === "" && /^(default|mac ?dinh)$/.test(foldForSearch(words.join(" ")));
  if (!kind || (body.trim() === "" && !reset))
    return ctx.reply(ctx.t("rubric-usage", { id: String(campaignId) }), { parse_mode: "HTML" });
  const criteria = reset ? null : parseRubric(body);
  await ctx.services.council.setRubric(actorId, campaignId, kind, criteria, new Date());
  const saved = (await ctx.services.council.rubrics(actorId, campaignId)).filter((r) => r.kind === kind);
  return ctx.reply(`${ctx.t("rubric-saved")}\n${rubricsText(ctx, saved)}`, { parse_mode: "HTML" });
}

private_.command("review", async (ctx) => {
  const queue = await ctx.services.council.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("council-queue-empty"));
  await ctx.reply(ctx.t("council-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: queueKeyboard(queue, BUTTON.reviewOpen),
  });
});

private_.callbackQuery(BUTTON.reviewOpen.filter, async (ctx) => {
  const [id] = BUTTON.reviewOpen.read(ctx.match);
  await ctx.answerCallbackQuery();
  const { submission: s, assignment } = await ctx.services.council.open(ctx.user.id, id);
  const attachments = await ctx.services.submissions.attachmentsForReview(s.id);
  const report = await screeningButton(ctx, s.id);
  await ctx.reply(
    ctx.t("council-card", {
      code: s.code ?? "",
      kind: verbatim(ctx.t(`kind-${s.kind}`)),
      title: s.title ?? "",
    }),
    { parse_mode: "HTML", ...(report ? { reply_markup: InlineKeyboard.from([[report]]) } : {}) },
  );
  await resendAttachments(ctx, attachments, s.code);
  if (assignment.status === "assigned")
    await ctx.reply(ctx.t("council-choose"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("council-score-button"), BUTTON.reviewScore.data(assignment.id))
        .row()
        .text(ctx.t("council-conflict-button"), BUTTON.reviewConflict.data(assignment.id)),
    });
});

private_.callbackQuery(BUTTON.reviewScore.filter, async (ctx) => {
  const [id] = BUTTON.reviewScore.read(ctx.match);
  await ctx.answerCallbackQuery();
  // Refused at once for someone else's assignment; the service checks again when the score is saved.
  await ctx.services.council.open(ctx.user.id, id);
  await ctx.conversation.enter(REVIEW_SCORE_CONVERSATION, id);
});

private_.callbackQuery(BUTTON.reviewConflict.filter, async (ctx) => {
  const [id] = BUTTON.reviewConflict.read(ctx.match);
  await ctx.answerCallbackQuery();
  try {
    const { reassignedTo } = await ctx.services.council.declareConflict(ctx.user.id, id);
    await ctx.reply(
      ctx.t(reassignedTo === undefined ? "council-conflict-unassigned" : "council-conflict-done"),
    );
  } catch (error) {
    if (error instanceof WrongStageError) return ctx.reply(ctx.t("council-already-done"));
    throw error;
  }
});
