import { SIMILARITY_THRESHOLD } from "../screening/screener.js";
import type { OverlapReport } from "../screening/screening.service.js";
import { MESSAGE_LIMIT } from "../shared/split-message.js";
import { truncate } from "../shared/text.js";
import { formatDateTime } from "../shared/time.js";
import { type Verbatim, verbatim } from "./verbatim.js";

type Translate = (key: string, vars?: Record<string, string | number | Verbatim>) => string;

/** A quoted sentence is cut to this many characters: the passage is a pointer to the texts, not a copy of them. */
const QUOTE_MAX = 280;

/** The label of the report's button: how many sources it names, or that it is still being computed. */
export function screeningButtonLabel(t: Translate, report: OverlapReport): string {
  return report.state === "ready"
    ? t("screening-button", { count: report.sources.length })
    : t("screening-button-pending");
}

/**
 * The overlap report as one message (Telegram's 4096 characters): the sources most similar first, each with its
 * figure and passages side by side; what does not fit is counted, not cut mid-tag. Every text from people is
 * escaped by the translation; the wording points to passages to compare and never says who copied.
 */
export function screeningReportText(
  t: Translate,
  timezone: string,
  report: OverlapReport,
  limit = MESSAGE_LIMIT,
): string {
  const head = [t("screening-title", { code: report.code }), t("screening-disclaimer")];
  if (report.state === "pending") return [...head, t("screening-pending")].join("\n\n");
  if (report.state === "failed") return [...head, t("screening-failed")].join("\n\n");
  head.push(t("screening-computed", { at: formatDateTime(timezone, report.computedAt) }));
  if (report.updating) head.push(t("screening-updating"));
  if (report.sources.length === 0)
    return [...head, t("screening-none", { threshold: Math.round(SIMILARITY_THRESHOLD * 100) })].join("\n\n");

  let text = head.join("\n\n");
  for (const [i, source] of report.sources.entries()) {
    const more = (shown: number) => `\n\n${t("screening-more", { count: report.sources.length - shown })}`;
    // Room kept for the line that counts the sources left out, should the next one not fit.
    const room = limit - (i < report.sources.length - 1 ? more(i).length : 0);
    let block = sourceHeading(t, i + 1, source);
    if (`${text}\n\n${block}`.length > room) return text + more(i);
    for (const p of source.passages) {
      const pair = [
        t("screening-passage-mine", { text: truncate(p.mine, QUOTE_MAX) }),
        t("screening-passage-theirs", { code: source.code, text: truncate(p.theirs, QUOTE_MAX) }),
      ].join("\n");
      if (`${text}\n\n${block}\n\n${pair}`.length > room) break;
      block += `\n\n${pair}`;
    }
    text += `\n\n${block}`;
  }
  return text;
}

function sourceHeading(
  t: Translate,
  rank: number,
  source: Extract<OverlapReport, { state: "ready" }>["sources"][number],
): string {
  return t("screening-source", {
    rank,
    code: source.code,
    title: truncate(source.title, 200),
    year: verbatim(source.schoolYear ? t("screening-year", { year: source.schoolYear }) : ""),
    percent: Math.round(source.similarity * 100),
  });
}
