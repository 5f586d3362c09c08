import { Composer, InlineKeyboard } from "grammy";
import { WrongStageError } from "../../review/review-errors.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { REVIEW_NOTE_CONVERSATION } from "../conversations/review-note.js";
import { hasUser } from "../filters.js";
import {
  notifySubmitter,
  queueKeyboard,
  resendAttachments,
  sendSubmissionCard,
  showAnswerPage,
} from "../review-messages.js";
import { verbatim } from "../verbatim.js";

/** Unit heads: /queue, open a submission with its files, endorse it to the council or return it with a note. */
export const endorsementFeature = new Composer<Context>();
const private_ = endorsementFeature.chatType("private").filter(hasUser);

private_.command("queue", async (ctx) => {
  // The service refuses anyone who heads no unit (ForbiddenError, answered by the error boundary).
  const queue = await ctx.services.endorsement.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("endorse-queue-empty"));
  await ctx.reply(ctx.t("endorse-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: queueKeyboard(queue, BUTTON.endorseOpen),
  });
});

private_.callbackQuery(BUTTON.endorseOpen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const file = await ctx.services.endorsement.open(ctx.user.id, ...BUTTON.endorseOpen.read(ctx.match));
  const s = file.submission;
  await sendSubmissionCard(ctx, file, BUTTON.endorsePage);
  await resendAttachments(ctx, file.attachments, s.code);
  if (s.status === "submitted")
    await ctx.reply(ctx.t("endorse-choose"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("endorse-ok-button"), BUTTON.endorseOk.data(s.id))
        .row()
        .text(ctx.t("endorse-return-button"), BUTTON.endorseReturn.data(s.id)),
    });
});

private_.callbackQuery(BUTTON.endorsePage.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id, page] = BUTTON.endorsePage.read(ctx.match);
  // Read again through the service: only a head of its unit sees its pages.
  await showAnswerPage(ctx, await ctx.services.endorsement.open(ctx.user.id, id), page, BUTTON.endorsePage);
});

private_.callbackQuery(BUTTON.endorseOk.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  try {
    const done = await ctx.services.endorsement.endorse(ctx.user.id, ...BUTTON.endorseOk.read(ctx.match));
    await notifySubmitter(ctx, done.submitter, "submitter-endorsed");
    await ctx.reply(ctx.t("endorse-done", { code: done.code }), { parse_mode: "HTML" });
  } catch (error) {
    await answerStageError(ctx, error);
  }
});

private_.callbackQuery(BUTTON.endorseReturn.filter, async (ctx) => {
  const [id] = BUTTON.endorseReturn.read(ctx.match);
  await ctx.answerCallbackQuery();
  // Checked now so a forged button or one's own submission is refused before a note is typed; checked again on save.
  await ctx.services.endorsement.checkMayAct(ctx.user.id, id);
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, "return", id);
});

/** A submission already moved on, or gone: a plain answer instead of an error. */
export async function answerStageError(ctx: Context, error: unknown): Promise<void> {
  if (error instanceof WrongStageError)
    await ctx.reply(ctx.t("review-wrong-stage", { status: verbatim(ctx.t(`status-${error.status}`)) }));
  else throw error; // a gone submission (SubmissionNotFoundError) is answered by the error boundary
}
