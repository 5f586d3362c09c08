import { TZDate } from "@date-fns/tz";

// Intl formatters are costly to build and are used on hot paths (every answer checks "today"): one per zone.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let formatter = map.get(timeZone);
  if (!formatter) {
    formatter = make();
    map.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) at `now` in `timeZone`. */
export function dateIn(timeZone: string, now: Date): string {
  return cached(
    dateFormatters,
    timeZone,
    () => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }),
  ).format(now);
}

/** dd/MM/yyyy HH:mm in `timeZone`, as Vietnamese documents write it. */
export function formatDateTime(timeZone: string, at: Date): string {
  const formatter = cached(
    dateTimeFormatters,
    timeZone,
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  );
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** dd/MM/yyyy of `at` in `timeZone`. */
export function formatDate(timeZone: string, at: Date): string {
  return formatDateTime(timeZone, at).slice(0, 10);
}

/** dd/MM/yyyy of a stored 'YYYY-MM-DD'. */
export function formatIsoDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** The school year a date falls in: September to August, e.g. "2025-2026". */
export function schoolYearOf(isoDate: string): string {
  const [year, month] = isoDate.split("-").map(Number) as [number, number];
  return month >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** The hour a date typed without a time stands for: the end of office hours. */
export const DEFAULT_DEADLINE_HOUR = 17;

/**
 * Reads "dd/mm/yyyy HH:mm" (or "dd/mm/yyyy", meaning DEFAULT_DEADLINE_HOUR) as a wall-clock time in `timeZone`.
 * Undefined when it is not a real date and time.
 */
export function parseLocalDateTime(text: string, timeZone: string): Date | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:hg](\d{2}))?$/i.exec(text.trim());
  if (!m) return undefined;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = m[4] === undefined ? DEFAULT_DEADLINE_HOUR : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return undefined;
  // A campaign's dates are this century's: 31/12/9999 or 01/01/0000 is a slip of the keyboard, not a plan.
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const at = new TZDate(year, month - 1, day, hour, minute, 0, timeZone);
  // new TZDate rolls 31/02 over into March: such a date does not exist.
  if (at.getDate() !== day || at.getMonth() !== month - 1) return undefined;
  return new Date(at.getTime());
}
