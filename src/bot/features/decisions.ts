import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { REVIEW_NOTE_CONVERSATION } from "../conversations/review-note.js";
import { hasUser } from "../filters.js";
import { queueKeyboard, resendAttachments, sendSubmissionCard, showAnswerPage } from "../review-messages.js";
import { verbatim } from "../verbatim.js";
import { screeningButton } from "./screening.js";

/** Administrators: /decide lists what waits for a decision; each opens to recognise (with a scope) or refuse. */
export const decisionsFeature = new Composer<Context>();
const private_ = decisionsFeature.chatType("private").filter(hasUser);

private_.command("decide", async (ctx) => {
  const queue = await ctx.services.decisions.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("decide-queue-empty"));
  // A decision over a whole campaign first: the single decision stays for exceptions.
  await ctx.reply(ctx.t("decide-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("batch-button"), BUTTON.batchPick.data("campaigns"))
      .row()
      .append(queueKeyboard(queue, BUTTON.decideOpen)),
  });
});

private_.callbackQuery(BUTTON.decideOpen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { reviews, proposal, ...file } = await ctx.services.decisions.open(
    ctx.user.id,
    ...BUTTON.decideOpen.read(ctx.match),
  );
  const s = file.submission;
  // The council's scores, their average and the outcome they propose, so the decision is taken with them in view.
  const reviewLines = reviews.map((r) =>
    ctx.t("decide-review-line", {
      name: r.full_name ?? "—",
      total: r.total ?? 0,
      recommendation: verbatim(r.recommendation ? ctx.t(`recommendation-${r.recommendation}`) : "—"),
      comment: verbatim(r.comment ? ` — <i>${escapeHtml(r.comment)}</i>` : ""),
    }),
  );
  const council =
    reviewLines.length > 0
      ? `\n\n${ctx.t("decide-reviews")}\n${reviewLines.join("\n")}\n${ctx.t("decide-proposal", {
          average: proposal.average ?? 0,
          passMark: proposal.passMark,
          outcome: verbatim(ctx.t(`batch-bucket-${proposal.outcome ?? "unscored"}`)),
        })}`
      : `\n\n${ctx.t("decide-no-reviews")}`;
  await sendSubmissionCard(ctx, file, BUTTON.decidePage, council);
  await resendAttachments(ctx, file.attachments, s.code);
  const keyboard = new InlineKeyboard()
    .text(ctx.t("decide-recognise-unit"), BUTTON.decideRecognise.data(s.id, "unit"))
    .row()
    .text(ctx.t("decide-recognise-province"), BUTTON.decideRecognise.data(s.id, "province"))
    .row()
    .text(ctx.t("decide-recognise-nation"), BUTTON.decideRecognise.data(s.id, "nation"))
    .row()
    .text(ctx.t("decide-refuse"), BUTTON.decideRefuse.data(s.id));
  const report = await screeningButton(ctx, s.id);
  await ctx.reply(ctx.t("decide-choose", { code: s.code ?? "" }), {
    reply_markup: report ? keyboard.row(report) : keyboard,
  });
});

private_.callbackQuery(BUTTON.decidePage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id, page] = BUTTON.decidePage.read(ctx.match);
  await showAnswerPage(ctx, await ctx.services.decisions.open(ctx.user.id, id), page, BUTTON.decidePage);
});

private_.callbackQuery(BUTTON.decideRecognise.filter, async (ctx) => {
  const [id, scope] = BUTTON.decideRecognise.read(ctx.match);
  await ctx.answerCallbackQuery();
  // Refused at once for a non-administrator or one's own; the service checks again when the decision is saved.
  await ctx.services.decisions.checkMayAct(ctx.user.id, id);
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, `recognise:${scope}`, id);
});

private_.callbackQuery(BUTTON.decideRefuse.filter, async (ctx) => {
  const [id] = BUTTON.decideRefuse.read(ctx.match);
  await ctx.answerCallbackQuery();
  await ctx.services.decisions.checkMayAct(ctx.user.id, id);
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, "refuse", id);
});
