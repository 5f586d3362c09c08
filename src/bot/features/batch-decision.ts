import { Composer, GrammyError, InlineKeyboard } from "grammy";
import {
  BATCH_PAGE_SIZE,
  DecisionNumberTakenError,
  EmptyDecisionError,
  RefusalsWithoutReasonError,
  StaleSubmissionsError,
} from "../../review/batch-decision.service.js";
import { truncate } from "../../shared/text.js";
import {
  confirmScreen,
  countsText,
  itemScreen,
  pageScreen,
  staleScreen,
  summaryScreen,
} from "../batch-decision-messages.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { BATCH_INPUT_CONVERSATION } from "../conversations/batch-decision-input.js";
import { hasUser, type UserContext } from "../filters.js";
import { verbatim } from "../verbatim.js";

/**
 * Administrators: a decision over a campaign's submissions (from /decide). Every screen is read from the draft in
 * the database; a button carries only the draft's id and the submission, outcome or page it is about.
 */
export const batchDecisionFeature = new Composer<Context>();
const private_ = batchDecisionFeature.chatType("private").filter(hasUser);

type Screen = { text: string; reply_markup: InlineKeyboard };

/** Navigation replaces the screen it was pressed on; a message too old to edit gets a new one. */
async function show(ctx: UserContext, screen: Screen): Promise<void> {
  try {
    await ctx.editMessageText(screen.text, { reply_markup: screen.reply_markup });
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (/not modified/i.test(error.description)) return;
    await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
  }
}

const tr = (ctx: UserContext) => ctx.t.bind(ctx);

async function summary(ctx: UserContext, draftId: number): Promise<Screen> {
  const { draft, campaign, counts } = await ctx.services.batchDecisions.summary(ctx.user.id, draftId);
  return summaryScreen(tr(ctx), draft, campaign, counts);
}

async function item(ctx: UserContext, draftId: number, submissionId: number): Promise<Screen | undefined> {
  const found = await ctx.services.batchDecisions.item(ctx.user.id, draftId, { submissionId });
  return found ? itemScreen(tr(ctx), draftId, found) : undefined;
}

private_.callbackQuery(BUTTON.batchPick.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [campaigns, current] = await Promise.all([
    ctx.services.batchDecisions.campaigns(ctx.user.id),
    ctx.services.batchDecisions.current(ctx.user.id),
  ]);
  const keyboard = new InlineKeyboard();
  if (current)
    keyboard
      .text(
        ctx.t("batch-continue-button", { number: verbatim(current.number) }),
        BUTTON.batchHome.data(current.id),
      )
      .row();
  for (const c of campaigns)
    keyboard
      .text(
        ctx.t("batch-campaign-button", { title: verbatim(truncate(c.title, 48)), waiting: c.waiting }),
        BUTTON.batchStart.data(c.id),
      )
      .row();
  await ctx.reply(ctx.t(campaigns.length > 0 ? "batch-pick-campaign" : "batch-pick-none"), {
    reply_markup: keyboard,
  });
});

private_.callbackQuery(BUTTON.batchStart.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [campaignId] = BUTTON.batchStart.read(ctx.match);
  // Refused at once for a non-administrator, before anything is typed; the service checks again on each step.
  await ctx.services.batchDecisions.campaigns(ctx.user.id);
  await ctx.conversation.enter(BATCH_INPUT_CONVERSATION, { kind: "header", campaignId });
});

private_.callbackQuery(BUTTON.batchHome.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchHome.read(ctx.match);
  await show(ctx, await summary(ctx, draftId));
});

private_.callbackQuery(BUTTON.batchList.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId, bucket, page] = BUTTON.batchList.read(ctx.match);
  const p = await ctx.services.batchDecisions.page(ctx.user.id, draftId, bucket, page);
  await show(ctx, pageScreen(tr(ctx), draftId, bucket, p, BATCH_PAGE_SIZE));
});

private_.callbackQuery(BUTTON.batchItem.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId, submissionId] = BUTTON.batchItem.read(ctx.match);
  const screen = await item(ctx, draftId, submissionId);
  if (screen) await show(ctx, screen);
  else await ctx.reply(ctx.t("batch-not-found"));
});

private_.callbackQuery(BUTTON.batchSet.filter, async (ctx) => {
  const [draftId, submissionId, outcome] = BUTTON.batchSet.read(ctx.match);
  const counts = await ctx.services.batchDecisions.setOutcome(ctx.user.id, draftId, submissionId, outcome);
  // The new counts in the toast, so the effect of each change is seen at once.
  await ctx.answerCallbackQuery(countsText(tr(ctx), counts).replace(/<[^>]+>/g, ""));
  const screen = await item(ctx, draftId, submissionId);
  if (screen) await show(ctx, screen);
});

private_.callbackQuery(BUTTON.batchExclude.filter, async (ctx) => {
  const [draftId, submissionId, way] = BUTTON.batchExclude.read(ctx.match);
  await ctx.answerCallbackQuery();
  await ctx.services.batchDecisions.setExcluded(ctx.user.id, draftId, submissionId, way === "out");
  const screen = await item(ctx, draftId, submissionId);
  if (screen) await show(ctx, screen);
});

private_.callbackQuery(BUTTON.batchCode.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchCode.read(ctx.match);
  await ctx.services.batchDecisions.summary(ctx.user.id, draftId);
  await ctx.conversation.enter(BATCH_INPUT_CONVERSATION, { kind: "code", draftId });
});

private_.callbackQuery(BUTTON.batchReason.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId, submissionId] = BUTTON.batchReason.read(ctx.match);
  const found = await ctx.services.batchDecisions.item(ctx.user.id, draftId, { submissionId });
  if (!found) return ctx.reply(ctx.t("batch-not-found"));
  await ctx.conversation.enter(BATCH_INPUT_CONVERSATION, {
    kind: "reason",
    draftId,
    submissionId,
    code: found.code,
  });
});

private_.callbackQuery(BUTTON.batchReasonAll.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchReasonAll.read(ctx.match);
  const { counts } = await ctx.services.batchDecisions.summary(ctx.user.id, draftId);
  await ctx.conversation.enter(BATCH_INPUT_CONVERSATION, {
    kind: "reason-all",
    draftId,
    count: counts.refusalsWithoutReason,
  });
});

private_.callbackQuery(BUTTON.batchConfirm.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchConfirm.read(ctx.match);
  const { draft, counts } = await ctx.services.batchDecisions.summary(ctx.user.id, draftId);
  if (draft.status !== "open") return ctx.reply(ctx.t("batch-closed"));
  if (counts.refusalsWithoutReason > 0)
    return ctx.reply(ctx.t("batch-missing-reasons", { count: counts.refusalsWithoutReason }), {
      reply_markup: new InlineKeyboard().text(
        ctx.t("batch-reason-all-button"),
        BUTTON.batchReasonAll.data(draftId),
      ),
    });
  await show(ctx, confirmScreen(tr(ctx), draft, counts));
});

private_.callbackQuery(BUTTON.batchApply.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchApply.read(ctx.match);
  try {
    const applied = await ctx.services.batchDecisions.apply(ctx.user.id, draftId, new Date());
    if (applied.again) return ctx.reply(ctx.t("batch-applied-again"));
    const { draft } = await ctx.services.batchDecisions.summary(ctx.user.id, draftId);
    await ctx.reply(
      ctx.t("batch-applied", {
        number: draft.number,
        recognised: applied.recognised,
        refused: applied.refused,
        told: applied.told,
      }),
    );
  } catch (error) {
    if (error instanceof StaleSubmissionsError) {
      const screen = staleScreen(tr(ctx), draftId, error.items);
      return ctx.reply(screen.text, { reply_markup: screen.reply_markup });
    }
    if (error instanceof RefusalsWithoutReasonError)
      return ctx.reply(ctx.t("batch-missing-reasons", { count: error.count }));
    if (error instanceof EmptyDecisionError) return ctx.reply(ctx.t("batch-empty"));
    if (error instanceof DecisionNumberTakenError)
      return ctx.reply(ctx.t("batch-number-taken", { number: error.number }));
    throw error;
  }
});

private_.callbackQuery(BUTTON.batchDropStale.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [draftId] = BUTTON.batchDropStale.read(ctx.match);
  const dropped = await ctx.services.batchDecisions.excludeStale(ctx.user.id, draftId);
  await ctx.reply(ctx.t("batch-dropped", { count: dropped }));
  const screen = await summary(ctx, draftId);
  await ctx.reply(screen.text, { reply_markup: screen.reply_markup });
});
