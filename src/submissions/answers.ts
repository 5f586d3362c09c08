import { normalizeText } from "../shared/text.js";
import { type CampaignOption, type CoAuthor, type FormStep, NO_CAMPAIGN } from "./forms.js";

export type AnswerProblem =
  | { problem: "empty" }
  | { problem: "too-long"; max: number; length: number }
  | { problem: "not-a-choice" }
  | { problem: "not-a-date" }
  | { problem: "date-in-future" }
  | { problem: "co-author-line"; line: number }
  | { problem: "share-too-small"; min: number }
  /** The submitter's share with the co-authors' does not make 100; `needed` would. */
  | { problem: "shares-total"; total: number; needed: number }
  /** The co-authors leave the submitter less than the minimum (the submitter's own share counts too). */
  | { problem: "co-authors-total"; coAuthors: number; min: number; max: number }
  | { problem: "not-a-number" };

export type AnswerCheck = { ok: true; value: unknown } | ({ ok: false } & AnswerProblem);

export interface AnswerRules {
  /** Today in the configured time zone, as YYYY-MM-DD: dates after it are refused. */
  today: string;
  /** The smallest share one author may have, in percent. */
  minShare: number;
  /** Co-authors already given, for the submitter's own share. */
  coAuthors?: CoAuthor[];
}

const fail = (p: AnswerProblem): AnswerCheck => ({ ok: false, ...p });

/** Checks and normalizes a typed answer to a text-like step (text, long text, date, co-authors, share). */
export function checkTypedAnswer(step: FormStep, raw: string, rules: AnswerRules): AnswerCheck {
  const text = normalizeText(raw);
  if (text === "") return fail({ problem: "empty" });
  switch (step.kind) {
    case "text":
    case "longText": {
      const max = step.max ?? Number.POSITIVE_INFINITY;
      const value = step.kind === "text" ? text.replace(/\s*\n\s*/g, " ") : text;
      return value.length > max
        ? fail({ problem: "too-long", max, length: value.length })
        : { ok: true, value };
    }
    case "date":
      return checkDate(text, rules.today);
    case "coAuthors":
      return checkCoAuthors(text, rules.minShare);
    case "share":
      return checkShare(text, rules);
    default:
      return fail({ problem: "not-a-choice" });
  }
}

/** dd/mm/yyyy (also with - or .), a real calendar date, not after today. Stored as YYYY-MM-DD. */
export function checkDate(text: string, today: string): AnswerCheck {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!m) return fail({ problem: "not-a-date" });
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    year < 1900
  ) {
    return fail({ problem: "not-a-date" });
  }
  const iso = date.toISOString().slice(0, 10);
  return iso > today ? fail({ problem: "date-in-future" }) : { ok: true, value: iso };
}

/** "62,5", "62.5 %" or "40": a percentage as people write it (not "0x46" or "1e1", which Number() also reads). */
const parsePercent = (text: string) => {
  const m = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(text.trim());
  return m ? Math.round(Number(m[1]?.replace(",", ".")) * 100) / 100 : Number.NaN;
};

/** One co-author a line: "Họ tên; Đơn vị; tỷ lệ %". */
export function checkCoAuthors(text: string, minShare: number): AnswerCheck {
  const authors: CoAuthor[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    const parts = line.split(/[;|]/).map((p) => p.trim());
    const share = parsePercent(parts[2] ?? "");
    if (parts.length !== 3 || !parts[0] || !parts[1] || Number.isNaN(share) || share <= 0 || share >= 100) {
      return fail({ problem: "co-author-line", line: index + 1 });
    }
    if (share < minShare) return fail({ problem: "share-too-small", min: minShare });
    authors.push({ name: parts[0], unit: parts[1], share });
  }
  const total = Math.round(authors.reduce((sum, a) => sum + a.share, 0) * 100) / 100;
  if (total > 100 - minShare)
    return fail({ problem: "co-authors-total", coAuthors: total, min: minShare, max: 100 - minShare });
  return { ok: true, value: authors };
}

/** The submitter's own share: with the co-authors' it must make exactly 100. */
export function checkShare(text: string, rules: AnswerRules): AnswerCheck {
  const share = parsePercent(text);
  if (Number.isNaN(share) || share <= 0 || share > 100) return fail({ problem: "not-a-number" });
  if (share < rules.minShare) return fail({ problem: "share-too-small", min: rules.minShare });
  const others = Math.round((rules.coAuthors ?? []).reduce((sum, a) => sum + a.share, 0) * 100) / 100;
  const total = Math.round((share + others) * 100) / 100;
  return total === 100
    ? { ok: true, value: share }
    : fail({ problem: "shares-total", total, needed: Math.round((100 - others) * 100) / 100 });
}

export function checkChoice(step: FormStep, value: string): AnswerCheck {
  return step.choices?.includes(value) ? { ok: true, value } : fail({ problem: "not-a-choice" });
}

/** A campaign among those offered when the draft was opened, or none: stored as its id, or null. */
export function checkCampaignChoice(value: string, options: CampaignOption[]): AnswerCheck {
  if (value === NO_CAMPAIGN) return { ok: true, value: null };
  const chosen = options.find((o) => String(o.id) === value);
  return chosen ? { ok: true, value: chosen.id } : fail({ problem: "not-a-choice" });
}
