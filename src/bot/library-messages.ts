import { InlineKeyboard } from "grammy";
import type { LibraryFilters } from "../db/types.js";
import type { LibraryHit } from "../library/library.repository.js";
import type { LibraryService } from "../library/library.service.js";
import { truncate } from "../shared/text.js";
import { formatIsoDate } from "../shared/time.js";
import type { Translate } from "./broadcast-messages.js";
import { LIBRARY_BUTTON, type LibraryFilterKind } from "./library-callback-data.js";
import { verbatim } from "./verbatim.js";

export type LibraryEntry = Awaited<ReturnType<LibraryService["publicEntry"]>>;
export type LibraryPage = Awaited<ReturnType<LibraryService["search"]>>;

const FILTER_KINDS: readonly LibraryFilterKind[] = ["year", "field", "level", "scope", "district"];
/** Units listed by name under a result; the rest are counted. */
const APPLICATIONS_LISTED = 10;

/** How a filter's value reads: fields and scopes are translated, years and unit groups are shown as they are. */
export function filterValueLabel(t: Translate, kind: LibraryFilterKind, value: string): string {
  if (kind === "field") return t(`choice-field-${value}`);
  if (kind === "scope") return t(`scope-${value}`);
  return value;
}

/** One result's line of a list. */
export function hitLine(t: Translate, n: number, h: LibraryHit): string {
  return t("library-hit", {
    n,
    code: h.code ?? "—",
    title: truncate(h.title ?? "", 160),
    unit: h.unit_name ?? "—",
    year: h.school_year ?? "—",
  });
}

/** A page of results with its filter and paging buttons. */
export function resultsMessage(t: Translate, r: LibraryPage): { text: string; keyboard: InlineKeyboard } {
  const active = Object.entries(r.filters) as [LibraryFilterKind, string][];
  const header = t(r.words ? "library-results-for" : "library-results-latest", { words: r.words });
  const filterLine =
    active.length > 0
      ? t("library-filters-active", {
          filters: active
            .map(([k, v]) => `${t(`library-filter-${k}`)}: ${filterValueLabel(t, k, v)}`)
            .join(" · "),
        })
      : "";
  const lines = r.hits.map((h, i) => hitLine(t, r.page * 8 + i + 1, h));
  const body =
    r.hits.length === 0
      ? t("library-none")
      : [...(r.approximate ? [t("library-approximate")] : []), ...lines].join("\n");
  const keyboard = new InlineKeyboard();
  r.hits.forEach((h, i) => {
    keyboard.text(String(r.page * 8 + i + 1), LIBRARY_BUTTON.open.data(h.id));
    if (i % 4 === 3) keyboard.row();
  });
  keyboard.row();
  if (r.page > 0) keyboard.text(t("library-prev"), LIBRARY_BUTTON.page.data(r.searchId, r.page - 1));
  if (r.more) keyboard.text(t("library-next"), LIBRARY_BUTTON.page.data(r.searchId, r.page + 1));
  keyboard.row();
  FILTER_KINDS.forEach((k, i) => {
    keyboard.text(t(`library-filter-${k}`), LIBRARY_BUTTON.filterMenu.data(r.searchId, k));
    if (i === 2) keyboard.row();
  });
  if (active.length > 0)
    keyboard.row().text(t("library-filter-clear"), LIBRARY_BUTTON.filterClear.data(r.searchId));
  return { text: [header, filterLine, body].filter((p) => p !== "").join("\n\n"), keyboard };
}

/** The choices of one filter, as buttons (by position in `choices`). */
export function filterMenu(
  t: Translate,
  searchId: number,
  kind: LibraryFilterKind,
  choices: string[],
  filters: LibraryFilters,
): { text: string; keyboard: InlineKeyboard } {
  const keyboard = new InlineKeyboard();
  choices.slice(0, 60).forEach((value, i) => {
    const label = filterValueLabel(t, kind, value);
    keyboard.text(
      `${filters[kind] === value ? "✓ " : ""}${truncate(label, 40)}`,
      LIBRARY_BUTTON.filterSet.data(searchId, kind, i),
    );
    if (i % 2 === 1) keyboard.row();
  });
  keyboard.row().text(t("library-back"), LIBRARY_BUTTON.page.data(searchId, 0));
  return { text: t("library-filter-ask", { filter: t(`library-filter-${kind}`) }), keyboard };
}

/** The readable summary of an initiative: what a result opens to and what an inline result shares. */
export function entrySummary(t: Translate, e: LibraryEntry): string {
  const authors = e.authors
    .map((a) => (a.unit_name ? `${a.full_name} (${a.unit_name})` : a.full_name))
    .join(", ");
  const applied = e.applications
    .slice(0, APPLICATIONS_LISTED)
    .map((a) => t("library-applied-line", { unit: a.unit_name, since: formatIsoDate(a.started_on) }));
  const more = e.applications.length - applied.length;
  const appliedText =
    e.applications.length === 0
      ? t("library-applied-none")
      : [
          t("library-applied-header", { units: e.applications.length }),
          ...applied,
          ...(more > 0 ? [t("library-applied-more", { n: more })] : []),
        ].join("\n");
  return t("library-summary", {
    title: e.title ?? "",
    code: e.code ?? "—",
    authors: authors || "—",
    unit: e.unit_name ?? "—",
    year: e.school_year ?? "—",
    field: e.field ? verbatim(t(`choice-field-${e.field}`)) : "—",
    scope: e.scope_recognised ? verbatim(t(`scope-${e.scope_recognised}`)) : "—",
    decision: e.decision_number
      ? verbatim(
          t("library-decision", {
            number: e.decision_number,
            date: e.decision_date ? formatIsoDate(e.decision_date) : "—",
          }),
        )
      : "—",
    applied: verbatim(appliedText),
  });
}
