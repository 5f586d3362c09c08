import { Composer, InlineKeyboard } from "grammy";
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
import { SUMMARY_STEP } from "../../submissions/form-machine.js";
import { MAX_ATTACHMENTS } from "../../submissions/forms.js";
import type { DraftView, Receipt } from "../../submissions/submissions.service.js";
import type { Context } from "../context.js";
import { FORM } from "../form/form-buttons.js";
import { type FormInput, type FormMove, interpret, isFormButton } from "../form/form-input.js";
import { showScreen as show } from "../form/form-render.js";
import { LIBRARY_BUTTON } from "../library-callback-data.js";
import { verbatim } from "../verbatim.js";

/**
 * The submission form, a step machine over the draft row: each update reads the draft, decides (form-input.ts and
 * the service's transition), writes once, and shows the next screen. No replay log: the draft and the user's
 * active_draft_id are the whole state, so a restart, a crash or a redelivered update leaves nothing to repair.
 * Installed before the conversations plugin: a chat with an open form is the form's.
 */
export const formFeature = new Composer<Context>();

const inForm = formFeature
  .chatType("private")
  .filter(
    (ctx): ctx is typeof ctx & { user: { id: number; active_draft_id: number } } =>
      ctx.user?.active_draft_id !== null && ctx.user?.active_draft_id !== undefined,
  );

inForm.on(["message", "callback_query:data"], async (ctx, next) => {
  const draftId = ctx.user.active_draft_id;
  const command = /^\/(\w+)/.exec(ctx.message?.text ?? "")?.[1];
  // /help answers and asks the form's question again; /cancel pauses the form (both handled further on).
  if (command === "help" || command === "cancel") return next();
  if (command !== undefined) {
    // A command is never an answer: the form is left, its draft kept, and the command runs.
    await ctx.services.submissions.leaveForm(ctx.user.id);
    await ctx.reply(ctx.t("form-left"), { parse_mode: "HTML" });
    return next();
  }
  let view: DraftView;
  try {
    // The draft came with the user (one query); read it apart only if that did not happen.
    view =
      ctx.openDraft?.id === draftId
        ? await ctx.services.submissions.viewOf(ctx.user.id, ctx.openDraft)
        : await ctx.services.submissions.view(ctx.user.id, draftId);
  } catch (error) {
    if (!(error instanceof SubmissionNotFoundError)) throw error;
    await ctx.services.submissions.leaveForm(ctx.user.id);
    return next();
  }
  const move = interpret(view, inputOf(ctx));
  // A form whose submission went on (sent, withdrawn) is left, but for a repeated 📨 Gửi, which shows its receipt.
  if (move.type === "leave" || (!isEditable(view) && move.type !== "submit")) {
    await ctx.services.submissions.leaveForm(ctx.user.id);
    return next();
  }
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await applyMove(ctx, view, move);
});

/**
 * Opens a draft's form in this chat and asks its current step (or shows its summary). `known`: the draft as the
 * service has just returned it in this update.
 */
export async function openForm(ctx: Context, draftId: number, known?: DraftView): Promise<void> {
  if (!ctx.user) return;
  // A form and a conversation never share the chat: the form takes over.
  if (Object.keys(await ctx.conversation.active()).length > 0) await ctx.conversation.exitAll();
  const view = await ctx.services.submissions.openForm(ctx.user.id, draftId, known);
  await showScreen(ctx, view);
}

/** Asks the open form's current question again (after /help, or anything that was not an answer). */
export async function showOpenForm(ctx: Context): Promise<void> {
  const draftId = ctx.user?.active_draft_id;
  if (!ctx.user || draftId === null || draftId === undefined) return;
  try {
    await showScreen(ctx, await ctx.services.submissions.view(ctx.user.id, draftId));
  } catch (error) {
    if (!(error instanceof SubmissionNotFoundError)) throw error;
  }
}

async function applyMove(ctx: Context & { user: { id: number } }, view: DraftView, move: FormMove) {
  const submissions = ctx.services.submissions;
  const updateId = ctx.update.update_id;
  try {
    switch (move.type) {
      case "hint":
        await ctx.reply(ctx.t(move.hint), { parse_mode: "HTML" });
        return showScreen(ctx, view, true);
      case "pause":
        await submissions.leaveForm(ctx.user.id);
        return void (await ctx.reply(ctx.t("form-paused"), { parse_mode: "HTML" }));
      case "submit":
        return await submit(ctx, view);
      case "attach": {
        const added = await submissions.addAttachment(ctx.user.id, view.id, move.file);
        return void (await ctx.reply(
          ctx.t("form-file-received", { count: added.attachments.length, max: MAX_ATTACHMENTS }),
          { reply_markup: doneKeyboard(ctx) },
        ));
      }
      case "step": {
        const result =
          move.action.type === "finishAttachments"
            ? await submissions.finishAttachments(ctx.user.id, view.id, updateId, view)
            : await submissions.step(ctx.user.id, view.id, move.action, {
                now: new Date(),
                updateId,
                current: view,
              });
        if (result.applied && move.action.type === "partial") {
          const count = (result.view.answers[move.action.key] as string).length;
          return void (await ctx.reply(ctx.t("form-part-received", { count }), {
            reply_markup: doneKeyboard(ctx),
          }));
        }
        if (result.applied && move.action.type === "answer" && move.action.key === "title")
          await warnSimilarTitles(ctx, result.view);
        return showScreen(ctx, result.view);
      }
    }
  } catch (error) {
    if (error instanceof InvalidAnswerError) {
      // A clear hint, then the same question again; nothing saved earlier is touched.
      await ctx.reply(problemHint(ctx, error.detail), { parse_mode: "HTML" });
      return showScreen(ctx, view, true);
    }
    if (error instanceof AttachmentRefusedError) {
      const limits = { max: MAX_ATTACHMENTS, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 };
      return void (await ctx.reply(ctx.t(`form-file-${error.problem}`, limits)));
    }
    if (error instanceof NotEditableError || error instanceof SubmissionNotFoundError) {
      await submissions.leaveForm(ctx.user.id);
      return void (await ctx.reply(ctx.t("form-gone")));
    }
    throw error;
  }
}

async function submit(ctx: Context & { user: { id: number } }, view: DraftView): Promise<void> {
  const submissions = ctx.services.submissions;
  let receipt: Receipt | undefined;
  try {
    receipt = isEditable(view)
      ? await submissions.submit(ctx.user.id, view.id, new Date(), ctx.update.update_id)
      : await submissions.receipt(ctx.user.id, view.id);
  } catch (error) {
    if (error instanceof CampaignClosedError) {
      // The deadline passed while the draft was open: the campaigns still taking submissions, as buttons.
      await ctx.reply(ctx.t("form-campaign-closed"));
      return showScreen(ctx, await submissions.reopenCampaignChoice(ctx.user.id, view.id));
    }
    if (error instanceof IncompleteSubmissionError) {
      await ctx.reply(ctx.t("form-incomplete"));
      return showScreen(ctx, await submissions.edit(ctx.user.id, view.id, error.missing[0] ?? "title"));
    }
    if (error instanceof InvalidAnswerError) {
      await ctx.reply(problemHint(ctx, error.detail), { parse_mode: "HTML" });
      return showScreen(ctx, await submissions.edit(ctx.user.id, view.id, error.key));
    }
    throw error;
  }
  if (!receipt) {
    await submissions.leaveForm(ctx.user.id);
    return void (await ctx.reply(ctx.t("form-gone")));
  }
  // Sent (or, for a submit handled again after a crash, sent again) before the form is closed, so a crash in
  // between shows the same receipt once more instead of losing it.
  const text = ctx.t("form-receipt", {
    code: receipt.code,
    received: formatDateTime(ctx.config.timezone, receipt.submittedAt),
    due: formatDate(ctx.config.timezone, receipt.decisionDueAt),
  });
  // An initiative's files are shared in the library once recognised unless the author says no, here or in /my.
  const sharing = view.kind === "initiative";
  await ctx.reply(sharing ? `${text}\n${ctx.t("library-receipt-share")}` : text, {
    parse_mode: "HTML",
    ...(sharing
      ? {
          reply_markup: new InlineKeyboard().text(
            ctx.t("library-share-turn-off"),
            LIBRARY_BUTTON.share.data(view.id, false),
          ),
        }
      : {}),
  });
  await submissions.leaveForm(ctx.user.id, view.id);
}

/**
 * The form's next screen. Going to or from the summary by a button of the form (✏️, an edit answered with a
 * button, ⬅️ back to the summary) replaces the pressed message in place; a question reached by answering goes
 * below as a new message, so the chat keeps the answers given.
 */
function showScreen(ctx: Context, view: DraftView, refused = false): Promise<void> {
  const pressed = ctx.callbackQuery?.data;
  const toOrFromSummary = view.editing || view.step === SUMMARY_STEP;
  return show(ctx, view, !refused && pressed !== undefined && isFormButton(pressed) && toOrFromSummary);
}

const isEditable = (view: DraftView) => view.status === "draft" || view.status === "returned";

/** "✅ Xong" under a received file or part of a long text: the step waits for more until it is pressed. */
const doneKeyboard = (ctx: Context) => new InlineKeyboard().text(ctx.t("form-done-button"), FORM.done);

function inputOf(ctx: Context): FormInput {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return { type: "button", data };
  const text = ctx.message?.text;
  if (text !== undefined) return { type: "text", text };
  const file = incomingFile(ctx);
  return file ? { type: "file", file } : { type: "other" };
}

function incomingFile(ctx: Context): IncomingFile | undefined {
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
  if (!photo) return undefined;
  return {
    kind: "photo",
    fileId: photo.file_id,
    fileUniqueId: photo.file_unique_id,
    fileName: null,
    mimeType: "image/jpeg",
    sizeBytes: photo.file_size ?? null,
  };
}

function problemHint(ctx: Context, detail: AnswerProblem): string {
  switch (detail.problem) {
    case "too-long":
      return ctx.t("form-problem-too-long", { max: detail.max, length: detail.length });
    case "co-author-line":
      return ctx.t("form-problem-co-author-line", { line: detail.line });
    case "share-too-small":
      return ctx.t("form-problem-share-too-small", { min: detail.min });
    case "shares-total":
      return ctx.t("form-problem-shares-total", { total: detail.total, needed: detail.needed });
    case "co-authors-total":
      return ctx.t("form-problem-co-authors-total", {
        coAuthors: detail.coAuthors,
        min: detail.min,
        max: detail.max,
      });
    default:
      return ctx.t(`form-problem-${detail.problem}`);
  }
}

async function warnSimilarTitles(ctx: Context, view: DraftView): Promise<void> {
  const title = view.answers.title;
  if (typeof title !== "string") return;
  const similar = await ctx.services.submissions.similarTitles(title, view.id);
  if (similar.length === 0) return;
  const list = similar.map((s) => `• ${escapeHtml(s.code ?? "")} — ${escapeHtml(s.title ?? "")}`).join("\n");
  await ctx.reply(ctx.t("form-similar-titles", { list: verbatim(list) }), { parse_mode: "HTML" });
}
