import type { IncomingMessage } from "node:http";

/** A Bot API call's parameters, sent as JSON, a form or multipart (with files) as Telegram accepts them. */
export async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.includes("multipart/form-data")) return parseMultipart(body, type);
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

function parseMaybeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Multipart bodies as grammY writes them (and Telegram accepts): header parameters without spaces and file names
 * unquoted, which undici's strict FormData parser refuses. Files sent as "attach://<part>" are resolved to
 * { file, name, size, bytes }.
 */
export function parseMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  const fields: Record<string, unknown> = {};
  const files = new Map<string, { file: true; name: string; size: number; bytes: Buffer }>();
  let at = body.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length + 2; // after the marker and CRLF
    const next = body.indexOf(marker, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // without the CRLF before the next marker
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="?([^";\r\n]+)"?/i.exec(headers.replace(/filename=[^;\r\n]*/i, ""))?.[1] ?? "";
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (filename !== undefined)
      files.set(name, { file: true, name: filename, size: content.length, bytes: content });
    else fields[name] = parseMaybeJson(content.toString("utf8"));
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://"))
      fields[key] = files.get(value.slice(9)) ?? value;
  }
  return fields;
}
