import { escapeHtml } from "./text.js";

/**
 * Telegram's HTML parse mode, as its parser (tdlib's) applies it: a "<" must open a supported tag, every tag must be
 * closed in order, "&" starts an entity only when a known one follows. The bot checks stored markup with it before
 * sending; the tests' fake Bot API refuses what it refuses.
 */
const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

export type ParsedHtml = { ok: true; text: string } | { ok: false; error: string };

/** Telegram's HTML parse mode: the plain text it would show, or the error it would answer. */
export function parseTelegramHtml(html: string): ParsedHtml {
  const open: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const c = html[i] as string;
    if (c === "&") {
      const entity = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(i, i + 12));
      const name = entity?.[1];
      const decoded = name ? decodeEntity(name) : undefined;
      if (entity && decoded !== undefined) {
        text += decoded;
        i += entity[0].length;
      } else {
        text += "&";
        i += 1;
      }
      continue;
    }
    if (c !== "<") {
      text += c;
      i += 1;
      continue;
    }
    const end = html.indexOf(">", i);
    if (end === -1) return { ok: false, error: `Unclosed start tag at byte offset ${i}` };
    const tag = html.slice(i + 1, end);
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim().toLowerCase();
      const expected = open.pop();
      if (expected !== name)
        return {
          ok: false,
          error: `Unmatched end tag at byte offset ${i}, expected "</${expected ?? ""}>", found "</${name}>"`,
        };
    } else {
      const name = /^[a-z-]*/i.exec(tag)?.[0].toLowerCase() ?? "";
      if (!SUPPORTED_TAGS.has(name))
        return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${i}` };
      open.push(name);
    }
    i = end + 1;
  }
  const unclosed = open.pop();
  if (unclosed) return { ok: false, error: `Can't find end tag corresponding to start tag "${unclosed}"` };
  return { ok: true, text };
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith("#")) {
    const code =
      name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return NAMED_ENTITIES[name.toLowerCase()];
}

/**
 * A campaign's announcement text as HTML Telegram accepts: the stored markup when it parses, else the text escaped
 * (a row saved before descriptions were always converted could hold a raw "<", which made every delivery fail).
 */
export function announcementHtml(stored: string): string {
  return parseTelegramHtml(stored).ok ? stored : escapeHtml(stored);
}
