import { InlineKeyboard } from "grammy";
import {
  BatchDecisionService,
  DraftClosedError,
  DraftNotFoundError,
} from "../../review/batch-decision.service.js";
import { InvalidDecisionError, MAX_NOTE_LENGTH } from "../../review/review-errors.js";
import { truncate } from "../../shared/text.js";
import { formatIsoDate } from "../../shared/time.js";
import { itemScreen, summaryScreen } from "../batch-decision-messages.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, stepHeader, waitForText } from "./steps.js";

export const BATCH_INPUT_CONVERSATION = "batch-decision-input";

/** What a batch decision asks to be typed: its header, a submission's code, or the reasons of refusals. */
export type BatchInput =
  | { kind: "header"; campaignId: number }
  | { kind: "code"; draftId: number }
  | { kind: "reason-all"; draftId: number; count: number }
  | { kind: "reason"; draftId: number; submissionId: number; code: string };

/** "336/QĐ-SGDĐT 15/06/2026" or "336/QĐ-SGDĐT ngày 15/6/2026" */
const NUMBER_AND_DATE = /^(.+?)\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/i;

const cancelKeyboard = (ctx: ConversationContext) =>
  new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL);

/**
 * The typed parts of a batch decision; the draft itself lives in the database, so this conversation holds only the
 * ids it was started with and the answer being typed. Each answer is checked before anything is saved; a wrong one
 * gets its reason and the question stays.
 */
export async function batchInputConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  input: BatchInput,
) {
  const t = (c: ConversationContext) => c.t.bind(c);
  if (input.kind === "header") {
    await ctx.reply(ctx.t("batch-ask-number", { header: verbatim(stepHeader(ctx, { step: 1, total: 2 })) }), {
      reply_markup: cancelKeyboard(ctx),
    });
    let numberAndDate: { number: string; date: string } | undefined;
    while (!numberAndDate) {
      const reply = await waitForText(conversation);
      if ("cancelled" in reply) return reply.answer.reply(reply.answer.t("batch-cancelled"));
      const m = NUMBER_AND_DATE.exec(reply.text.trim());
      const candidate = m
        ? {
            number: m[1] as string,
            date: `${m[4]}-${(m[3] as string).padStart(2, "0")}-${(m[2] as string).padStart(2, "0")}`,
          }
        : undefined;
      const problem = candidate ? headerProblem({ ...candidate, signer: "-" }) : "decision-format";
      if (problem) await reply.answer.reply(reply.answer.t(`batch-problem-${problem}`));
      else numberAndDate = candidate;
    }
    await ctx.reply(
      ctx.t("batch-ask-signer", {
        header: verbatim(stepHeader(ctx, { step: 2, total: 2 })),
        number: numberAndDate.number,
        date: formatIsoDate(numberAndDate.date),
      }),
      { reply_markup: cancelKeyboard(ctx) },
    );
    for (;;) {
      const reply = await waitForText(conversation);
      const { answer } = reply;
      if ("cancelled" in reply) return answer.reply(answer.t("batch-cancelled"));
      const header = { ...numberAndDate, signer: reply.text };
      const problem = headerProblem(header);
      if (problem) {
        await answer.reply(answer.t(`batch-problem-${problem}`));
        continue;
      }
      const started = await conversation.external(async (o) => {
        const { draftId } = await o.services.batchDecisions.start(o.user?.id ?? 0, input.campaignId, header);
        return o.services.batchDecisions.summary(o.user?.id ?? 0, draftId);
      });
      const screen = summaryScreen(t(answer), started.draft, started.campaign, started.counts);
      return answer.reply(screen.text, { reply_markup: screen.reply_markup });
    }
  }

  if (input.kind === "code") {
    await ctx.reply(ctx.t("batch-ask-code"), { reply_markup: cancelKeyboard(ctx) });
    for (;;) {
      const reply = await waitForText(conversation);
      const { answer } = reply;
      if ("cancelled" in reply) return answer.reply(answer.t("batch-cancelled"));
      const item = await conversation.external((o) =>
        o.services.batchDecisions.item(o.user?.id ?? 0, input.draftId, { code: reply.text }),
      );
      if (!item) {
        await answer.reply(answer.t("batch-code-not-found", { code: truncate(reply.text.trim(), 40) }), {
          reply_markup: cancelKeyboard(answer),
        });
        continue;
      }
      const screen = itemScreen(t(answer), input.draftId, item);
      return answer.reply(screen.text, { reply_markup: screen.reply_markup });
    }
  }

  const prompt =
    input.kind === "reason-all"
      ? ctx.t("batch-ask-reason-all", { count: input.count, max: MAX_NOTE_LENGTH })
      : ctx.t("batch-ask-reason", { code: input.code, max: MAX_NOTE_LENGTH });
  await ctx.reply(prompt, { reply_markup: cancelKeyboard(ctx) });
  for (;;) {
    const reply = await waitForText(conversation);
    const { answer } = reply;
    if ("cancelled" in reply) return answer.reply(answer.t("batch-cancelled"));
    const outcome = await conversation.external(async (o) => {
      const actor = o.user?.id ?? 0;
      const service = o.services.batchDecisions;
      try {
        if (input.kind === "reason-all") {
          const given = await service.reasonForRefusals(actor, input.draftId, reply.text);
          const summary = await service.summary(actor, input.draftId);
          return { ok: true as const, all: true as const, given, summary };
        }
        await service.setReason(actor, input.draftId, input.submissionId, reply.text);
        const item = await service.item(actor, input.draftId, { submissionId: input.submissionId });
        return { ok: true as const, all: false as const, item };
      } catch (error) {
        if (error instanceof InvalidDecisionError) return { ok: false as const, problem: error.problem };
        if (error instanceof DraftClosedError || error instanceof DraftNotFoundError)
          return { ok: false as const, closed: true };
        throw error;
      }
    });
    if (!outcome.ok) {
      if ("closed" in outcome) return answer.reply(answer.t("batch-closed"));
      await answer.reply(answer.t(`review-problem-${outcome.problem}`, { max: MAX_NOTE_LENGTH }));
      continue;
    }
    if (outcome.all) {
      await answer.reply(answer.t("batch-reason-all-done", { count: outcome.given }));
      const { draft, campaign, counts } = outcome.summary;
      const screen = summaryScreen(t(answer), draft, campaign, counts);
      return answer.reply(screen.text, { reply_markup: screen.reply_markup });
    }
    if (!outcome.item) return answer.reply(answer.t("batch-closed"));
    const screen = itemScreen(t(answer), input.draftId, outcome.item);
    return answer.reply(screen.text, { reply_markup: screen.reply_markup });
  }
}

/** Which part of the header is wrong, checked as the service will check it. */
function headerProblem(h: { number: string; date: string; signer: string }) {
  try {
    BatchDecisionService.header(h);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidDecisionError) return error.problem;
    throw error;
  }
}
