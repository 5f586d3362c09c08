/**
 * Characters that change how text around them is shown but show nothing themselves: direction overrides and
 * isolates (a name with U+202E reads backwards: "gpj.exe" as "exe.jpg"), zero-width spaces and the BOM. The
 * zero-width joiners that build emoji stay.
 */
const INVISIBLE_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g;

/**
 * Trims, Unicode-normalizes to NFC (text pasted from old documents often carries combining marks), removes
 * invisible direction and spacing controls, and collapses runs of spaces within lines. A text with nothing visible
 * left comes back empty.
 */
export function normalizeText(text: string): string {
  const normalized = text
    .normalize("NFC")
    .replace(INVISIBLE_CONTROLS, "")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
  return hasVisibleText(normalized) ? normalized : "";
}

/** Whether a text shows anything: not only spaces, zero-width or direction marks (which look empty on a phone). */
export function hasVisibleText(text: string): boolean {
  return text.replace(/[\p{White_Space}\p{Cf}]/gu, "") !== "";
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text for Telegram's HTML parse mode. Every piece of user text goes through this before it is sent back. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Lower-case and without Vietnamese diacritics, for matching what people type ("thpt le loi" finds "THPT Lê Lợi"). */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes LIKE's wildcards, so typed text is matched literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });

/**
 * Where to cut `text` at or before index `at` without splitting a character as people see it: half a surrogate
 * pair (an emoji) is not valid UTF-8 and Telegram refuses the whole message; half a flag, a skin tone or a family
 * emoji shows as something else.
 */
export function safeCut(text: string, at: number): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  return graphemes.segment(text).containing(at)?.index ?? at;
}

/**
 * Shortens a text to `max` characters for a button or a list, ending with "…" at a word boundary (a word cut in
 * half reads as a typo); a single long word is cut where it must be, never inside an emoji.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, safeCut(text, max - 1));
  const space = head.lastIndexOf(" ");
  const cut = space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–-]+$/, "")}…`;
}
