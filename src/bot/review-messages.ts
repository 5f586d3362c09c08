import type { I18n } from "@grammyjs/i18n";
import { type Api, GrammyError, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { Submission } from "../db/types.js";
import type { Logger } from "../logger.js";
import { MESSAGE_LIMIT, splitMessage } from "../shared/split-message.js";
import { escapeHtml, truncate } from "../shared/text.js";
import { formatDateTime } from "../shared/time.js";
import type { ButtonKind } from "./callback-data.js";
import type { Context } from "./context.js";
import { negotiateLocale } from "./i18n.js";
import { answerPager, answerPages } from "./submission-answers.js";
import { type Verbatim, verbatim } from "./verbatim.js";

/** Message values: strings are escaped for HTML by the translation, verbatim(...) ones are not. */
type Vars = Record<string, string | number | Verbatim>;
type Translate = (key: string, vars?: Vars) => string;

export interface SubmitterContact {
  /** The submission's id. */
  id: number;
  telegram_id: number;
  locale: string | null;
  code: string | null;
  title: string | null;
  kind: "initiative" | "nomination";
}

/**
 * Tells the submitter at once of what happened to their submission, in their language. A failed message is
 * logged and never undoes the decision.
 */
export async function notifySubmitter(
  deps: { api: Api; i18n: Pick<I18n<Context>, "fluent">; config: Config; logger: Logger },
  contact: SubmitterContact | undefined,
  key: string,
  /** Values for the message; a function gets the submitter's translations, for values that are words. */
  vars: Vars | ((t: Translate) => Vars) = {},
  /** A button under the message, labelled in the submitter's language. */
  button?: { key: string; data: string },
): Promise<void> {
  if (!contact) return;
  const t = deps.i18n.fluent.withLocale(
    negotiateLocale(contact.locale, undefined, deps.config.defaultLocale),
  );
  const text = t(key, {
    code: contact.code ?? "",
    title: contact.title ?? "",
    kind: verbatim(t(`kind-${contact.kind}`)),
    ...(typeof vars === "function" ? vars(t) : vars),
  });
  try {
    await deps.api.sendMessage(contact.telegram_id, text, {
      parse_mode: "HTML",
      ...(button ? { reply_markup: new InlineKeyboard().text(t(button.key), button.data) } : {}),
    });
  } catch (err) {
    deps.logger.warn({ err, key }, "could not tell the submitter");
  }
}

/** A work queue as buttons, one per submission: "📂 code — title". */
export function queueKeyboard(
  items: readonly { id: number; code: string | null; title: string | null }[],
  open: ButtonKind<[id: number]>,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const s of items)
    keyboard.text(`📂 ${s.code ?? s.id} — ${truncate(s.title ?? "", 40)}`, open.data(s.id)).row();
  return keyboard;
}

export interface ReviewFile {
  submission: Pick<Submission, "id" | "code" | "kind" | "title" | "status" | "submitted_at" | "fields">;
  authors: readonly { full_name: string; share: number }[];
  attachments: readonly unknown[];
  submitterName: string;
}

/** The card a unit head or an administrator reads before acting: the submission, its authors and shares. */
export function submissionCardText(ctx: Context, file: ReviewFile): string {
  const s = file.submission;
  return ctx.t("endorse-card", {
    code: s.code ?? "",
    kind: verbatim(ctx.t(`kind-${s.kind}`)),
    title: s.title ?? "",
    submitter: file.submitterName,
    received: s.submitted_at ? formatDateTime(ctx.config.timezone, s.submitted_at) : "—",
    status: verbatim(ctx.t(`status-${s.status}`)),
    authors: verbatim(
      file.authors.map((a) => `• ${escapeHtml(a.full_name)} — ${a.share}%`).join("\n") || "—",
    ),
    files: file.attachments.length,
  });
}

/**
 * The submission's files again, by the file_id Telegram gave (no download, no upload), each captioned with the
 * submission's code and the file's name, so a file read later in the chat still says whose it is.
 */
export async function resendAttachments(
  ctx: Context,
  attachments: readonly { kind: "document" | "photo"; telegram_file_id: string; file_name: string | null }[],
  code: string | null,
): Promise<void> {
  for (const [i, a] of attachments.entries()) {
    const caption = ctx.t("attachment-caption", {
      code: code ?? "",
      // A caption holds 1,024 characters: a name of any length keeps it well within.
      name: a.file_name ? truncate(a.file_name, 200) : ctx.t("attachment-unnamed", { n: i + 1 }),
      n: i + 1,
      count: attachments.length,
    });
    if (a.kind === "photo") await ctx.replyWithPhoto(a.telegram_file_id, { caption });
    else await ctx.replyWithDocument(a.telegram_file_id, { caption });
  }
}

/**
 * The card a unit head or an administrator reads: the submission's header, then the first page of its typed
 * answers (problem, essence, benefits…; a nomination's fields), with buttons to the next pages. `extra` (the
 * council's scores) goes on the card when it fits, else in a message of its own.
 */
export async function sendSubmissionCard(
  ctx: Context,
  file: ReviewFile,
  pageButton: ButtonKind<[id: number, page: number]>,
  extra = "",
): Promise<void> {
  const t = ctx.t.bind(ctx);
  const pages = answerPages(t, file.submission.kind, file.submission.fields);
  const header = submissionCardText(ctx, file) + extra;
  const first = pages[0];
  const pager = answerPager(0, pages.length, file.submission.id, pageButton);
  if (first !== undefined && header.length + first.length + 2 <= MESSAGE_LIMIT) {
    await ctx.reply(`${header}\n\n${first}`, {
      parse_mode: "HTML",
      ...(pager ? { reply_markup: pager } : {}),
    });
    return;
  }
  for (const part of splitMessage(header)) await ctx.reply(part, { parse_mode: "HTML" });
  if (first !== undefined)
    await ctx.reply(first, { parse_mode: "HTML", ...(pager ? { reply_markup: pager } : {}) });
}

/** Another page of the typed answers, in place of the one shown. */
export async function showAnswerPage(
  ctx: Context,
  file: ReviewFile,
  page: number,
  pageButton: ButtonKind<[id: number, page: number]>,
): Promise<void> {
  const pages = answerPages(ctx.t.bind(ctx), file.submission.kind, file.submission.fields);
  const current = Math.min(Math.max(0, page), Math.max(0, pages.length - 1));
  const text = `<b>${escapeHtml(file.submission.code ?? "")}</b> — ${ctx.t("answers-page", { page: current + 1, pages: pages.length })}\n\n${pages[current] ?? ""}`;
  const pager = answerPager(current, pages.length, file.submission.id, pageButton);
  try {
    await ctx.editMessageText(text, { parse_mode: "HTML", ...(pager ? { reply_markup: pager } : {}) });
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (!/not modified/i.test(error.description))
      await ctx.reply(text, { parse_mode: "HTML", ...(pager ? { reply_markup: pager } : {}) });
  }
}
