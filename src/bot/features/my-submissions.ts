import { Composer, InlineKeyboard } from "grammy";
import { splitMessage } from "../../shared/split-message.js";
import { escapeHtml } from "../../shared/text.js";
import { formatDate, formatDateTime } from "../../shared/time.js";
import type { Context } from "../context.js";
import { hasUser, type UserContext } from "../filters.js";

export const mySubmissionsFeature = new Composer<Context>();
const private_ = mySubmissionsFeature.chatType("private").filter(hasUser);

const DETAILS = /^my:(\d+)$/;
const WITHDRAW = /^my:w:(\d+)$/;
const WITHDRAW_CONFIRMED = /^my:wy:(\d+)$/;
const WITHDRAWABLE = ["submitted", "returned", "endorsed"];

private_.command("my", async (ctx) => {
  const mine = (await ctx.services.submissions.mine(ctx.user.id)).filter((s) => s.status !== "draft");
  if (mine.length === 0) return ctx.reply(ctx.t("my-none"));
  const lines = mine.map((s, i) =>
    ctx.t("my-line", {
      n: i + 1,
      code: s.code ?? "—",
      title: escapeHtml(s.title ?? ""),
      status: ctx.t(`status-${s.status}`),
    }),
  );
  const keyboard = new InlineKeyboard();
  mine.slice(0, 20).forEach((s, i) => {
    keyboard.text(`${i + 1}. ${s.code ?? "—"}`, `my:${s.id}`);
    if (i % 2 === 1) keyboard.row();
  });
  const chunks = splitMessage([ctx.t("my-title"), ...lines].join("\n"));
  for (const [i, chunk] of chunks.entries()) {
    await ctx.reply(chunk, {
      parse_mode: "HTML",
      ...(i === chunks.length - 1 ? { reply_markup: keyboard } : {}),
    });
  }
});

private_.callbackQuery(DETAILS, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDetails(ctx, Number(ctx.match[1]));
});

private_.callbackQuery(WITHDRAW, async (ctx) => {
  await ctx.answerCallbackQuery();
  const id = Number(ctx.match[1]);
  // Someone else's submission named in a forged button is not even acknowledged (SubmissionNotFoundError).
  await ctx.services.submissions.details(ctx.user.id, id);
  await ctx.reply(ctx.t("my-withdraw-confirm"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("my-withdraw-yes"), `my:wy:${id}`)
      .text(ctx.t("my-withdraw-no"), `my:${id}`),
  });
});

private_.callbackQuery(WITHDRAW_CONFIRMED, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.services.submissions.withdraw(ctx.user.id, Number(ctx.match[1]));
  await ctx.reply(ctx.t("my-withdrawn"));
});

async function showDetails(ctx: UserContext, id: number): Promise<void> {
  const { submission: s, events } = await ctx.services.submissions.details(ctx.user.id, id);
  const tz = ctx.config.timezone;
  const history = events.map((e) =>
    ctx.t("my-history-line", {
      at: formatDateTime(tz, e.created_at),
      status: ctx.t(`status-${e.to_status}`),
      note: e.note ? ` — ${escapeHtml(e.note)}` : "",
    }),
  );
  const text = ctx.t("my-details", {
    code: s.code ?? "—",
    kind: ctx.t(`kind-${s.kind}`),
    title: escapeHtml(s.title ?? ""),
    status: ctx.t(`status-${s.status}`),
    received: s.submitted_at ? formatDateTime(tz, s.submitted_at) : "—",
    due: s.decision_due_at ? formatDate(tz, s.decision_due_at) : "—",
    history: history.join("\n"),
  });
  const keyboard = new InlineKeyboard();
  if (s.status === "returned") keyboard.text(ctx.t("my-edit-button"), `sub:go:${s.id}`).row();
  if (WITHDRAWABLE.includes(s.status)) keyboard.text(ctx.t("my-withdraw-button"), `my:w:${s.id}`);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}
