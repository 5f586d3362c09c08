import { safeCut } from "./text.js";

/** Telegram refuses messages over 4096 characters; keep a margin for entities. */
export const MESSAGE_LIMIT = 4000;

/**
 * Splits HTML text into messages Telegram accepts, at line breaks where possible and otherwise at spaces, so an
 * escaped entity (&amp;) or a tag on its own line is never cut.
 */
/** A cut at `limit` in a line without spaces, moved back before an escaped entity (&lt;) or an emoji it would split. */
function hardCut(line: string, limit: number): number {
  const amp = line.lastIndexOf("&", limit - 1);
  const entityOpen = amp !== -1 && limit - amp < 8 && !line.slice(amp, limit).includes(";");
  return safeCut(line, entityOpen ? amp : limit);
}

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
      const at = cut > limit / 2 ? cut : hardCut(rest, limit);
      push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    push(rest);
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
