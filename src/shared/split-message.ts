import { safeCut } from "./text.js";

/** Telegram refuses messages over 4096 characters; keep a margin for entities and re-opened tags. */
export const MESSAGE_LIMIT = 4000;

/**
 * Splits HTML text into messages Telegram accepts, at line breaks where possible and otherwise at spaces. A cut
 * never falls inside a tag, an escaped entity (&amp;) or an emoji, and a tag still open at a cut (a long bold
 * title) is closed at the end of its message and opened again at the start of the next, so every part parses.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string) => {
    if (current.length + piece.length + 1 > limit && current !== "") {
      chunks.push(current);
      current = "";
    }
    current = current === "" ? piece : `${current}\n${piece}`;
  };
  for (const line of text.split("\n")) {
    if (line.length <= limit) {
      push(line);
      continue;
    }
    let rest = line;
    while (rest.length > limit) {
      const cut = rest.lastIndexOf(" ", limit);
      const at = cut > limit / 2 && !insideTag(rest, cut) ? cut : hardCut(rest, limit);
      push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    push(rest);
  }
  if (current !== "") chunks.push(current);
  return balanceTags(chunks);
}

/** A cut at `limit` in a line without spaces, moved back before a tag, an escaped entity (&lt;) or an emoji it would split. */
function hardCut(line: string, limit: number): number {
  const open = line.lastIndexOf("<", limit - 1);
  if (open > 0 && line.lastIndexOf(">", limit - 1) < open) return open;
  const amp = line.lastIndexOf("&", limit - 1);
  const entityOpen = amp !== -1 && limit - amp < 8 && !line.slice(amp, limit).includes(";");
  return safeCut(line, entityOpen ? amp : limit);
}

const insideTag = (line: string, at: number) => line.lastIndexOf("<", at) > line.lastIndexOf(">", at);

const TAG = /<(\/?)([a-z-]+)[^>]*>/gi;

/** Closes at the end of each part the tags still open there, and re-opens them (as written) at the next one's start. */
function balanceTags(chunks: string[]): string[] {
  let carried: { name: string; open: string }[] = [];
  return chunks.map((chunk) => {
    const text = carried.map((t) => t.open).join("") + chunk;
    const open: { name: string; open: string }[] = [];
    for (const m of text.matchAll(TAG)) {
      const name = (m[2] as string).toLowerCase();
      if (m[1] === "/") {
        const at = open.map((t) => t.name).lastIndexOf(name);
        if (at !== -1) open.splice(at, 1);
      } else open.push({ name, open: m[0] });
    }
    carried = open;
    return (
      text +
      [...open]
        .reverse()
        .map((t) => `</${t.name}>`)
        .join("")
    );
  });
}
