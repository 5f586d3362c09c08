import { Composer, InlineKeyboard } from "grammy";
import { WrongStageError } from "../../review/review-errors.js";
import { escapeHtml } from "../../shared/text.js";
import { formatDateTime } from "../../shared/time.js";
import { SubmissionNotFoundError } from "../../submissions/errors.js";
import type { Context } from "../context.js";
import { REVIEW_NOTE_CONVERSATION } from "../conversations/review-note.js";
import { notifySubmitter } from "../review-messages.js";

/** Unit heads: /queue, open a submission with its files, endorse it to the council or return it with a note. */
export const endorsementFeature = new Composer<Context>();
const private_ = endorsementFeature.chatType("private");

private_.command("queue", async (ctx) => {
  if (!ctx.user) return;
  // The service refuses anyone who heads no unit (ForbiddenError, answered by the error boundary).
  const queue = await ctx.services.endorsement.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("endorse-queue-empty"));
  const keyboard = new InlineKeyboard();
  for (const s of queue)
    keyboard.text(`📂 ${s.code ?? s.id} — ${(s.title ?? "").slice(0, 40)}`, `end:o:${s.id}`).row();
  await ctx.reply(ctx.t("endorse-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
});

private_.callbackQuery(/^end:o:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const {
    submission: s,
    authors,
    attachments,
    submitterName,
  } = await ctx.services.endorsement.open(ctx.user.id, Number(ctx.match[1]));
  const authorLines = authors.map((a) => `• ${escapeHtml(a.full_name)} — ${a.share}%`).join("\n");
  await ctx.reply(
    ctx.t("endorse-card", {
      code: s.code ?? "",
      kind: ctx.t(`kind-${s.kind}`),
      title: escapeHtml(s.title ?? ""),
      submitter: escapeHtml(submitterName),
      received: s.submitted_at ? formatDateTime(ctx.config.timezone, s.submitted_at) : "—",
      status: ctx.t(`status-${s.status}`),
      authors: authorLines || "—",
      files: attachments.length,
    }),
    { parse_mode: "HTML" },
  );
  // The files again, by the file_id Telegram gave: no download, no upload.
  for (const a of attachments) {
    if (a.kind === "photo") await ctx.replyWithPhoto(a.telegram_file_id);
    else await ctx.replyWithDocument(a.telegram_file_id);
  }
  if (s.status === "submitted")
    await ctx.reply(ctx.t("endorse-choose"), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("endorse-ok-button"), `end:ok:${s.id}`)
        .row()
        .text(ctx.t("endorse-return-button"), `end:ret:${s.id}`),
    });
});

private_.callbackQuery(/^end:ok:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  try {
    const done = await ctx.services.endorsement.endorse(ctx.user.id, Number(ctx.match[1]));
    await notifySubmitter(ctx, done.submitter, "submitter-endorsed");
    await ctx.reply(ctx.t("endorse-done", { code: done.code }), { parse_mode: "HTML" });
  } catch (error) {
    await answerStageError(ctx, error);
  }
});

private_.callbackQuery(/^end:ret:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  // Checked now so a forged button is refused at once; the service checks again when the note is saved.
  await ctx.services.endorsement.open(ctx.user.id, Number(ctx.match[1]));
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, "return", Number(ctx.match[1]));
});

/** A submission already moved on, or gone: a plain answer instead of an error. */
export async function answerStageError(ctx: Context, error: unknown): Promise<void> {
  if (error instanceof WrongStageError)
    await ctx.reply(ctx.t("review-wrong-stage", { status: ctx.t(`status-${error.status}`) }));
  else if (error instanceof SubmissionNotFoundError) await ctx.reply(ctx.t("my-not-found"));
  else throw error;
}
