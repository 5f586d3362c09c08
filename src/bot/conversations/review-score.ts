import { InlineKeyboard } from "grammy";
import type { Recommendation } from "../../db/types.js";
import { InvalidDecisionError, MAX_NOTE_LENGTH, WrongStageError } from "../../review/review-errors.js";
import { MAX_SCORE } from "../../review/rubric.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { criterionName } from "../rubric-text.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, waitForButton } from "./steps.js";

export const REVIEW_SCORE_CONVERSATION = "review-score";

const SKIP_COMMENT = "rs:nocomment";
const RECOMMENDATIONS: Recommendation[] = [
  "recognise_nation",
  "recognise_province",
  "recognise_unit",
  "refuse",
];

/** A reviewer scores one assignment: each criterion of the rubric 0-10, a comment, a recommended decision. */
export async function reviewScoreConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  assignmentId: number,
) {
  const rubric = await conversation.external(
    async (o) => (await o.services.council.open(o.user?.id ?? 0, assignmentId)).rubric,
  );
  const total = rubric.length + 2;
  const cancel = new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL);
  const scores: Record<string, number> = {};
  for (const [i, criterion] of rubric.entries()) {
    await ctx.reply(
      ctx.t("council-ask-score", {
        step: i + 1,
        total,
        criterion: verbatim(criterionName(ctx, criterion)),
        max: MAX_SCORE,
      }),
      { parse_mode: "HTML", reply_markup: cancel },
    );
    // Refused answers are skipped, so the state keeps only the accepted scores however many arrive.
    const answer = await conversation.waitUntil(
      (c) => c.callbackQuery?.data === CANCEL || parseScore(c.message?.text) !== undefined,
      { otherwise: (c) => c.reply(c.t("council-score-hint", { max: MAX_SCORE })) },
    );
    if (answer.callbackQuery) {
      await answer.answerCallbackQuery();
      return answer.reply(answer.t("council-score-cancelled"));
    }
    scores[criterion.key] = parseScore(answer.message?.text) ?? 0;
  }
  await ctx.reply(ctx.t("council-ask-comment", { step: rubric.length + 1, total }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("council-no-comment"), SKIP_COMMENT),
  });
  const usableComment = (text: string | undefined) =>
    text !== undefined && text.trim().length <= MAX_NOTE_LENGTH;
  const answer = await conversation.waitUntil(
    (c) => c.callbackQuery?.data === SKIP_COMMENT || usableComment(c.message?.text),
    {
      // Checked here too, so a long comment is caught while the reviewer can still shorten it.
      otherwise: (c) =>
        c.message?.text !== undefined
          ? c.reply(c.t("review-problem-note-too-long", { max: MAX_NOTE_LENGTH }))
          : c.reply(c.t("expect-text")),
    },
  );
  if (answer.callbackQuery) await answer.answerCallbackQuery();
  const comment = answer.message?.text ?? "";
  const keyboard = new InlineKeyboard();
  for (const r of RECOMMENDATIONS) keyboard.text(ctx.t(`recommendation-${r}`), `rs:r:${r}`).row();
  await ctx.reply(ctx.t("council-ask-recommendation", { step: total, total }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
  const pressed = await waitForButton(
    conversation,
    RECOMMENDATIONS.map((r) => `rs:r:${r}`),
  );
  const recommendation = pressed.slice("rs:r:".length) as Recommendation;
  const outcome = await conversation.external(async (o) => {
    try {
      const t = await o.services.council.score(
        o.user?.id ?? 0,
        assignmentId,
        { scores, comment, recommendation },
        new Date(),
      );
      return { ok: true as const, total: t };
    } catch (error) {
      // The administrator changed the criteria while this reviewer was scoring: the scores no longer fit them.
      if (error instanceof InvalidDecisionError) return { ok: false as const, why: "council-rubric-changed" };
      if (error instanceof WrongStageError) return { ok: false as const, why: "council-already-done" };
      throw error;
    }
  });
  return ctx.reply(outcome.ok ? ctx.t("council-scored", { total: outcome.total }) : ctx.t(outcome.why));
}

/** A score typed as "8" or "7,5", within 0..MAX_SCORE; undefined otherwise. */
function parseScore(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) && value >= 0 && value <= MAX_SCORE ? value : undefined;
}
