import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { splitMessage } from "../../shared/split-message.js";
import { formatDate, formatDateTime, formatIsoDate } from "../../shared/time.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { hasUser, type UserContext } from "../filters.js";
import { LIBRARY_BUTTON } from "../library-callback-data.js";
import { verbatim } from "../verbatim.js";
import { fileSlug, withTempDir } from "./document-files.js";

export const mySubmissionsFeature = new Composer<Context>();
const private_ = mySubmissionsFeature.chatType("private").filter(hasUser);

const WITHDRAWABLE = ["submitted", "returned", "endorsed"];

private_.command("my", async (ctx) => {
  const mine = (await ctx.services.submissions.mine(ctx.user.id)).filter((s) => s.status !== "draft");
  if (mine.length === 0) return ctx.reply(ctx.t("my-none"));
  const lines = mine.map((s, i) =>
    ctx.t("my-line", {
      n: i + 1,
      code: s.code ?? "—",
      title: s.title ?? "",
      status: verbatim(ctx.t(`status-${s.status}`) + decisionSuffix(ctx, s)),
    }),
  );
  const keyboard = new InlineKeyboard();
  mine.slice(0, 20).forEach((s, i) => {
    keyboard.text(`${i + 1}. ${s.code ?? "—"}`, BUTTON.myDetails.data(s.id));
    if (i % 2 === 1) keyboard.row();
  });
  await replyInParts(ctx, [ctx.t("my-title"), ...lines].join("\n"), keyboard);
});

private_.callbackQuery(BUTTON.myDetails.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showDetails(ctx, ...BUTTON.myDetails.read(ctx.match));
});

private_.callbackQuery(BUTTON.myWithdraw.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.myWithdraw.read(ctx.match);
  // Someone else's submission named in a forged button is not even acknowledged (SubmissionNotFoundError).
  await ctx.services.submissions.details(ctx.user.id, id);
  await ctx.reply(ctx.t("my-withdraw-confirm"), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t("my-withdraw-yes"), BUTTON.myWithdrawConfirmed.data(id))
      .text(ctx.t("my-withdraw-no"), BUTTON.myDetails.data(id)),
  });
});

private_.callbackQuery(BUTTON.myWithdrawConfirmed.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.services.submissions.withdraw(ctx.user.id, ...BUTTON.myWithdrawConfirmed.read(ctx.match));
  await ctx.reply(ctx.t("my-withdrawn"));
});

/** ", cấp tỉnh — QĐ số 336/QĐ-SGDĐT ngày 14/07/2026" after a recognised submission's status in the list. */
function decisionSuffix(
  ctx: Context,
  s: {
    status: string;
    scope_recognised: string | null;
    decision_number: string | null;
    decision_date: string | null;
  },
): string {
  if (s.status !== "recognised" || !s.decision_number || !s.decision_date) return "";
  return ctx.t("my-line-decision", {
    scope: verbatim(s.scope_recognised ? ctx.t(`scope-${s.scope_recognised}`) : "—"),
    number: s.decision_number,
    date: formatIsoDate(s.decision_date),
  });
}

async function showDetails(ctx: UserContext, id: number): Promise<void> {
  const { submission: s, events } = await ctx.services.submissions.details(ctx.user.id, id);
  const tz = ctx.config.timezone;
  const history = events.map((e) =>
    ctx.t("my-history-line", {
      at: formatDateTime(tz, e.created_at),
      status: verbatim(ctx.t(`status-${e.to_status}`)),
      note: e.note ? ` — ${e.note}` : "",
    }),
  );
  const text = ctx.t("my-details", {
    code: s.code ?? "—",
    kind: verbatim(ctx.t(`kind-${s.kind}`)),
    title: s.title ?? "",
    status: verbatim(ctx.t(`status-${s.status}`)),
    received: s.submitted_at ? formatDateTime(tz, s.submitted_at) : "—",
    due: s.decision_due_at ? formatDate(tz, s.decision_due_at) : "—",
    history: verbatim(history.join("\n")),
  });
  // After a recognition: its scope and the decision it cites (or its revocation), and the authors' certificates.
  const revokedAt =
    s.status === "recognised" && s.decision_id
      ? await ctx.services.certificates.revokedAt(s.decision_id)
      : null;
  let decided = "";
  if (s.status === "recognised" && s.decision_number && s.decision_date)
    decided = `\n${ctx.t("my-decision", {
      scope: verbatim(s.scope_recognised ? ctx.t(`scope-${s.scope_recognised}`) : "—"),
      number: s.decision_number,
      date: formatIsoDate(s.decision_date),
    })}`;
  if (revokedAt) decided += `\n${ctx.t("my-decision-revoked", { at: formatDate(tz, revokedAt) })}`;
  const keyboard = new InlineKeyboard();
  if (s.status === "recognised" && s.kind === "initiative" && !revokedAt)
    keyboard.text(ctx.t("my-certificate-button"), BUTTON.myCertificate.data(s.id)).row();
  if (s.status === "returned") keyboard.text(ctx.t("my-edit-button"), BUTTON.continueDraft.data(s.id)).row();
  if (WITHDRAWABLE.includes(s.status))
    keyboard.text(ctx.t("my-withdraw-button"), BUTTON.myWithdraw.data(s.id)).row();
  // Whether the library may send this initiative's files (once recognised): the author's to change at any time.
  if (s.kind === "initiative")
    keyboard.text(
      ctx.t(s.share_files ? "library-share-turn-off" : "library-share-turn-on"),
      LIBRARY_BUTTON.share.data(s.id, !s.share_files),
    );
  // Return notes can make the history long: it goes in parts, the buttons under the last one.
  await replyInParts(ctx, text + decided, keyboard);
}

private_.callbackQuery(BUTTON.myCertificate.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.myCertificate.read(ctx.match);
  // Only the submitter or an author of a recognised initiative, under a decision in force (the service checks).
  const batch = await ctx.services.certificates.forSubmission(ctx.user.id, id);
  await ctx.replyWithChatAction("upload_document");
  await withTempDir(async (dir) => {
    const path = join(dir, "giay-chung-nhan.pdf");
    await ctx.services.certificates.write(batch, ctx.me.username, createWriteStream(path));
    const code = batch.certificates[0]?.submission_code ?? String(id);
    await ctx.replyWithDocument(new InputFile(path, `giay-chung-nhan-${fileSlug(code)}.pdf`), {
      caption: ctx.t("my-certificate-caption", { count: batch.certificates.length }),
    });
  });
});

/** HTML text in as many messages as it needs (Telegram takes 4,096 characters), the keyboard under the last. */
async function replyInParts(ctx: Context, text: string, keyboard: InlineKeyboard): Promise<void> {
  const chunks = splitMessage(text);
  for (const [i, chunk] of chunks.entries())
    await ctx.reply(chunk, {
      parse_mode: "HTML",
      ...(i === chunks.length - 1 ? { reply_markup: keyboard } : {}),
    });
}
