import { InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import { formatDate, formatDateTime } from "../../shared/time.js";
import type { AnswerProblem } from "../../submissions/answers.js";
import type { IncomingFile } from "../../submissions/attachment-rules.js";
import { MAX_ATTACHMENT_BYTES } from "../../submissions/attachment-rules.js";
import {
  AttachmentRefusedError,
  CampaignClosedError,
  IncompleteSubmissionError,
  InvalidAnswerError,
  NotEditableError,
  SubmissionNotFoundError,
} from "../../submissions/errors.js";
import { findStep, MAX_ATTACHMENTS } from "../../submissions/forms.js";
import { type DraftView, SUMMARY_STEP } from "../../submissions/submissions.service.js";
import type { AppConversation, Context, ConversationContext } from "../context.js";
import { negotiateLocale } from "../i18n.js";
import { FORM } from "./submission-form-buttons.js";
import { askStep, sendSummary } from "./submission-render.js";

export const SUBMISSION_CONVERSATION = "submission-form";

/** Telegram clients split a long text into messages of at most 4096 characters: a part this long has a sequel. */
const SPLIT_PART_LENGTH = 4000;

type Outcome =
  | { ok: true; view: DraftView }
  | { ok: false; error: "answer"; detail: AnswerProblem }
  | { ok: false; error: "attachment"; problem: string }
  | { ok: false; error: "gone" };

/**
 * Fills in a submission draft one step at a time. The draft in the database is the truth: each step reads it,
 * asks, saves the answer through the service, then rewinds the conversation to the top. The replay log never
 * holds more than the step in progress, so a restart loses nothing and the last step replays as fast as the first.
 */
export async function submissionFormConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  draftId: number,
) {
  const top = conversation.checkpoint();
  const loaded = await run(conversation, (o, userId) => {
    const saved = savedThisUpdate.get(o);
    return saved?.id === draftId ? Promise.resolve(saved) : o.services.submissions.view(userId, draftId);
  });
  if (!loaded.ok) return ctx.reply(ctx.t("form-gone"));
  const view = loaded.view;

  if (view.step === SUMMARY_STEP) {
    await sendSummary(ctx, view);
    const action = await waitForSummaryAction(conversation);
    if (action === FORM.cancel) return ctx.reply(ctx.t("form-paused"), { parse_mode: "HTML" });
    if (action === FORM.back) await run(conversation, (o, u) => o.services.submissions.back(u, draftId));
    else if (action === FORM.submit) {
      const receipt = await conversation.external(async (o) => {
        try {
          const r = await o.services.submissions.submit(requireUser(o), draftId, new Date());
          return {
            ok: true as const,
            code: r.code,
            submittedAt: r.submittedAt.toISOString(),
            dueAt: r.decisionDueAt.toISOString(),
            tz: o.config.timezone,
          };
        } catch (error) {
          if (error instanceof IncompleteSubmissionError)
            return { ok: false as const, missing: error.missing };
          if (error instanceof CampaignClosedError)
            return { ok: false as const, missing: ["campaign"], closed: true };
          throw error;
        }
      });
      if (receipt.ok) {
        await conversation.external((o) => notifyUnitHeads(o, draftId, receipt.code));
        return ctx.reply(
          ctx.t("form-receipt", {
            code: receipt.code,
            received: formatDateTime(receipt.tz, new Date(receipt.submittedAt)),
            due: formatDate(receipt.tz, new Date(receipt.dueAt)),
          }),
          { parse_mode: "HTML" },
        );
      }
      if ("closed" in receipt) {
        // The deadline passed while the draft was open: offer the campaigns still taking submissions.
        await ctx.reply(ctx.t("form-campaign-closed"));
        await run(conversation, (o, u) => o.services.submissions.reopenCampaignChoice(u, draftId));
      } else {
        await ctx.reply(ctx.t("form-incomplete"));
        await run(conversation, (o, u) =>
          o.services.submissions.edit(u, draftId, receipt.missing[0] ?? "title"),
        );
      }
    } else {
      await run(conversation, (o, u) =>
        o.services.submissions.edit(u, draftId, action.slice(FORM.edit.length)),
      );
    }
    return conversation.rewind(top);
  }

  await askStep(ctx, view);
  const step = findStep(view.kind, view.step);
  if (!step) return ctx.reply(ctx.t("form-gone"));
  let parts: string[] = [];

  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    let outcome: Outcome | undefined;

    if (data === FORM.cancel) return answer.reply(answer.t("form-paused"), { parse_mode: "HTML" });
    if (data === FORM.back)
      outcome = await run(conversation, (o, u) => o.services.submissions.back(u, draftId));
    else if (data === FORM.skip && step.optional)
      outcome = await run(conversation, (o, u) => o.services.submissions.skip(u, draftId, step.key));
    else if (data === FORM.done && step.kind === "attachments")
      outcome = await run(conversation, (o, u) => o.services.submissions.finishAttachments(u, draftId));
    else if (data === FORM.done && parts.length > 0)
      outcome = await save(conversation, draftId, step.key, parts.join("\n"));
    else if (data === FORM.keep && typeof view.answers[step.key] === "string")
      outcome = await save(conversation, draftId, step.key, view.answers[step.key] as string);
    else if (data?.startsWith(FORM.answer) && (step.kind === "choice" || step.kind === "campaign"))
      outcome = await save(conversation, draftId, step.key, data.slice(FORM.answer.length));
    else if (data !== undefined) {
      await answer.reply(answer.t("button-expired"));
      continue;
    } else if (step.kind === "attachments") {
      const file = incomingFile(answer);
      if (!file) {
        await answer.reply(answer.t("form-expect-file"));
        continue;
      }
      const added = await run(conversation, (o, u) => o.services.submissions.addAttachment(u, draftId, file));
      if (added.ok) {
        await answer.reply(
          answer.t("form-file-received", { count: added.view.attachments.length, max: MAX_ATTACHMENTS }),
          {
            reply_markup: new InlineKeyboard().text(answer.t("form-done-button"), FORM.done),
          },
        );
      } else if (added.error === "attachment") {
        const limits = { max: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
        await answer.reply(answer.t(`form-file-${added.problem}`, limits));
      } else {
        return answer.reply(answer.t("form-gone"));
      }
      continue;
    } else if (step.kind === "choice" || step.kind === "campaign") {
      await answer.reply(answer.t("expect-button"));
      continue;
    } else {
      const text = answer.message?.text;
      if (text === undefined) {
        await answer.reply(answer.t("expect-text"));
        continue;
      }
      if (step.kind === "longText" && (text.length >= SPLIT_PART_LENGTH || parts.length > 0)) {
        parts.push(text);
        const joined = parts.join("\n");
        if (text.length >= SPLIT_PART_LENGTH) {
          // Probably a part of a longer text: keep it and wait for the rest.
          await conversation.external((o) =>
            o.services.submissions.savePartial(requireUser(o), draftId, step.key, joined),
          );
          await answer.reply(answer.t("form-part-received", { count: joined.length }), {
            reply_markup: new InlineKeyboard().text(answer.t("form-done-button"), FORM.done),
          });
          continue;
        }
        outcome = await save(conversation, draftId, step.key, joined);
      } else {
        outcome = await save(conversation, draftId, step.key, text);
      }
    }

    if (outcome.ok) {
      if (step.key === "title")
        await warnSimilarTitles(conversation, ctx, draftId, outcome.view.answers.title);
      break;
    }
    parts = [];
    if (outcome.error === "gone") return answer.reply(answer.t("form-gone"));
    if (outcome.error === "answer") {
      // A clear hint, then the same question again; nothing saved earlier is touched.
      await answer.reply(problemHint(answer, outcome.detail), { parse_mode: "HTML" });
      await askStep(answer, view);
    }
  }

  return conversation.rewind(top);
}

/** Tells the unit's heads of the new submission, each in their language. A failed notice never fails the submit. */
async function notifyUnitHeads(outer: Context, submissionId: number, code: string): Promise<void> {
  const heads = await outer.services.submissions.unitHeadsToNotify(submissionId);
  if (heads.length === 0) return;
  const { submission } = await outer.services.submissions.details(requireUser(outer), submissionId);
  for (const head of heads) {
    const t = outer.i18n.fluent.withLocale(
      negotiateLocale(head.locale, undefined, outer.config.defaultLocale),
    );
    const text = t("unit-head-new-submission", {
      code,
      kind: t(`kind-${submission.kind}`),
      title: escapeHtml(submission.title ?? ""),
      submitter: escapeHtml(outer.user?.full_name ?? ""),
    });
    try {
      await outer.api.sendMessage(head.telegram_id, text, {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard().text(t("endorse-open-button"), `end:o:${submissionId}`),
      });
    } catch (err) {
      outer.logger.warn({ err, submissionId }, "could not tell a unit head of a new submission");
    }
  }
}

/**
 * The draft as the last service call of this update left it. After a saved step the conversation rewinds and
 * starts over within the same update; it takes the draft from here instead of reading it again (one query less
 * per step). Keyed by the update's outer context, so nothing outlives the update.
 */
const savedThisUpdate = new WeakMap<Context, DraftView>();

/** Runs a service call on the outer context for the current user, turning domain errors into plain outcomes. */
async function run(
  conversation: AppConversation,
  task: (outer: Context, userId: number) => Promise<DraftView>,
): Promise<Outcome> {
  return conversation.external(async (outer): Promise<Outcome> => {
    try {
      const view = await task(outer, requireUser(outer));
      savedThisUpdate.set(outer, view);
      return { ok: true, view };
    } catch (error) {
      if (error instanceof InvalidAnswerError) return { ok: false, error: "answer", detail: error.detail };
      if (error instanceof AttachmentRefusedError)
        return { ok: false, error: "attachment", problem: error.problem };
      if (error instanceof SubmissionNotFoundError || error instanceof NotEditableError)
        return { ok: false, error: "gone" };
      throw error;
    }
  });
}

const save = (conversation: AppConversation, draftId: number, key: string, raw: string) =>
  run(conversation, (o, u) => o.services.submissions.answer(u, draftId, key, raw, new Date()));

function requireUser(outer: Context): number {
  if (!outer.user) throw new Error("submission form without a user");
  return outer.user.id;
}

async function waitForSummaryAction(conversation: AppConversation): Promise<string> {
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data === FORM.submit || data === FORM.cancel || data === FORM.back || data?.startsWith(FORM.edit))
      return data;
    await answer.reply(answer.t(data === undefined ? "expect-button" : "button-expired"));
  }
}

function incomingFile(ctx: ConversationContext): IncomingFile | undefined {
  const document = ctx.message?.document;
  if (document) {
    return {
      kind: "document",
      fileId: document.file_id,
      fileUniqueId: document.file_unique_id,
      fileName: document.file_name ?? null,
      mimeType: document.mime_type ?? null,
      sizeBytes: document.file_size ?? null,
    };
  }
  const photo = ctx.message?.photo?.at(-1);
  if (photo) {
    return {
      kind: "photo",
      fileId: photo.file_id,
      fileUniqueId: photo.file_unique_id,
      fileName: null,
      mimeType: "image/jpeg",
      sizeBytes: photo.file_size ?? null,
    };
  }
  return undefined;
}

function problemHint(ctx: ConversationContext, detail: AnswerProblem): string {
  switch (detail.problem) {
    case "too-long":
      return ctx.t("form-problem-too-long", { max: detail.max, length: detail.length });
    case "co-author-line":
      return ctx.t("form-problem-co-author-line", { line: detail.line });
    case "share-too-small":
      return ctx.t("form-problem-share-too-small", { min: detail.min });
    case "shares-total":
      return ctx.t("form-problem-shares-total", { total: detail.total });
    default:
      return ctx.t(`form-problem-${detail.problem}`);
  }
}

async function warnSimilarTitles(
  conversation: AppConversation,
  ctx: ConversationContext,
  draftId: number,
  title: unknown,
): Promise<void> {
  if (typeof title !== "string") return;
  const similar = await conversation.external(async (o) =>
    (await o.services.submissions.similarTitles(title, draftId)).map((s) => ({
      code: s.code ?? "",
      title: s.title ?? "",
    })),
  );
  if (similar.length === 0) return;
  const list = similar.map((s) => `• ${escapeHtml(s.code)} — ${escapeHtml(s.title)}`).join("\n");
  await ctx.reply(ctx.t("form-similar-titles", { list }), { parse_mode: "HTML" });
}
