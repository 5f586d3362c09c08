import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { escapeHtml } from "../shared/text.js";
import type { Context } from "./context.js";
import { negotiateLocale } from "./i18n.js";

type Vars = Record<string, string | number>;
type Translate = (key: string, vars?: Vars) => string;

export interface SubmitterContact {
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
): Promise<void> {
  if (!contact) return;
  const t = deps.i18n.fluent.withLocale(
    negotiateLocale(contact.locale, undefined, deps.config.defaultLocale),
  );
  const text = t(key, {
    code: contact.code ?? "",
    title: escapeHtml(contact.title ?? ""),
    kind: t(`kind-${contact.kind}`),
    ...(typeof vars === "function" ? vars(t) : vars),
  });
  try {
    await deps.api.sendMessage(contact.telegram_id, text, { parse_mode: "HTML" });
  } catch (err) {
    deps.logger.warn({ err, key }, "could not tell the submitter");
  }
}
