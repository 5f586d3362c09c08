import type { I18n } from "@grammyjs/i18n";
import { type Api, InlineKeyboard } from "grammy";
import type { Config } from "../config.js";
import type { Submission } from "../db/types.js";
import type { Logger } from "../logger.js";
import { escapeHtml, truncate } from "../shared/text.js";
import { formatDateTime } from "../shared/time.js";
import type { ButtonKind } from "./callback-data.js";
import type { Context } from "./context.js";
import { negotiateLocale } from "./i18n.js";
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
  submission: Pick<Submission, "code" | "kind" | "title" | "status" | "submitted_at">;
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

/** The submission's files again, by the file_id Telegram gave: no download, no upload. */
export async function resendAttachments(
  ctx: Context,
  attachments: readonly { kind: "document" | "photo"; telegram_file_id: string }[],
): Promise<void> {
  for (const a of attachments) {
    if (a.kind === "photo") await ctx.replyWithPhoto(a.telegram_file_id);
    else await ctx.replyWithDocument(a.telegram_file_id);
  }
}
