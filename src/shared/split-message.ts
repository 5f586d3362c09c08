/** Telegram refuses messages over 4096 characters; keep a margin for entities. */
export const MESSAGE_LIMIT = 4000;

/**
 * Splits HTML text into messages Telegram accepts, at line breaks where possible and otherwise at spaces, so an
 * escaped entity (&amp;) or a tag on its own line is never cut.
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
      const at = cut > limit / 2 ? cut : limit;
      push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    push(rest);
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
