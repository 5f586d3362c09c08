import { Composer, InlineKeyboard } from "grammy";
import { escapeHtml } from "../../shared/text.js";
import { formatDateTime } from "../../shared/time.js";
import type { Context } from "../context.js";
import { REVIEW_NOTE_CONVERSATION } from "../conversations/review-note.js";

/** Administrators: /decide lists what waits for a decision; each opens to recognise (with a scope) or refuse. */
export const decisionsFeature = new Composer<Context>();
const private_ = decisionsFeature.chatType("private");

private_.command("decide", async (ctx) => {
  if (!ctx.user) return;
  const queue = await ctx.services.decisions.queue(ctx.user.id);
  if (queue.length === 0) return ctx.reply(ctx.t("decide-queue-empty"));
  const keyboard = new InlineKeyboard();
  for (const s of queue)
    keyboard.text(`📂 ${s.code ?? s.id} — ${(s.title ?? "").slice(0, 40)}`, `dec:o:${s.id}`).row();
  await ctx.reply(ctx.t("decide-queue-title", { count: queue.length }), {
    parse_mode: "HTML",
    reply_markup: keyboard,
  });
});

private_.callbackQuery(/^dec:o:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const {
    submission: s,
    authors,
    attachments,
    submitterName,
    reviews,
  } = await ctx.services.decisions.open(ctx.user.id, Number(ctx.match[1]));
  // The council's scores and recommendations, so the decision is taken with them in view.
  const reviewLines = reviews.map((r) =>
    ctx.t("decide-review-line", {
      name: escapeHtml(r.full_name ?? "—"),
      total: r.total ?? 0,
      recommendation: r.recommendation ? ctx.t(`recommendation-${r.recommendation}`) : "—",
      comment: r.comment ? ` — <i>${escapeHtml(r.comment)}</i>` : "",
    }),
  );
  await ctx.reply(
    ctx.t("endorse-card", {
      code: s.code ?? "",
      kind: ctx.t(`kind-${s.kind}`),
      title: escapeHtml(s.title ?? ""),
      submitter: escapeHtml(submitterName),
      received: s.submitted_at ? formatDateTime(ctx.config.timezone, s.submitted_at) : "—",
      status: ctx.t(`status-${s.status}`),
      authors: authors.map((a) => `• ${escapeHtml(a.full_name)} — ${a.share}%`).join("\n") || "—",
      files: attachments.length,
    }) + (reviewLines.length > 0 ? `\n\n${ctx.t("decide-reviews")}\n${reviewLines.join("\n")}` : ""),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("decide-recognise-unit"), `dec:r:${s.id}:unit`)
        .row()
        .text(ctx.t("decide-recognise-province"), `dec:r:${s.id}:province`)
        .row()
        .text(ctx.t("decide-recognise-nation"), `dec:r:${s.id}:nation`)
        .row()
        .text(ctx.t("decide-refuse"), `dec:x:${s.id}`),
    },
  );
});

private_.callbackQuery(/^dec:r:(\d+):(unit|province|nation)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  // Refused at once for a non-administrator; the service checks again when the decision is saved.
  await ctx.services.decisions.open(ctx.user.id, Number(ctx.match[1]));
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, `recognise:${ctx.match[2]}`, Number(ctx.match[1]));
});

private_.callbackQuery(/^dec:x:(\d+)$/, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  await ctx.services.decisions.open(ctx.user.id, Number(ctx.match[1]));
  await ctx.conversation.enter(REVIEW_NOTE_CONVERSATION, "refuse", Number(ctx.match[1]));
});
