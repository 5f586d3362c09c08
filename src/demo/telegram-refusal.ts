import { parseTelegramHtml } from "../shared/telegram-html.js";

/**
 * What Telegram's servers refuse, checked by the demo's Bot API stand-in and the tests' fake Bot APIs so every test catches a message Telegram
 * would not deliver: text that is not valid UTF-8 (half an emoji), HTML its parser rejects (a raw "<", an unknown or
 * unclosed tag), a message or caption over its length after the markup is parsed, an empty message, and buttons
 * with empty labels or callback data over 64 bytes. The HTML rules are parseTelegramHtml's (src/shared).
 */

const LIMITS: Record<string, { field: string; max: number }> = {
  sendMessage: { field: "text", max: 4096 },
  editMessageText: { field: "text", max: 4096 },
  sendDocument: { field: "caption", max: 1024 },
  sendPhoto: { field: "caption", max: 1024 },
  editMessageCaption: { field: "caption", max: 1024 },
  answerCallbackQuery: { field: "text", max: 200 },
};

/** Telegram's error description for this call, or undefined when Telegram would accept it. */
export function telegramRefusal(method: string, payload: Record<string, unknown>): string | undefined {
  const malformed = findMalformedString(payload);
  if (malformed !== undefined) return "Bad Request: strings must be encoded in UTF-8";
  const limit = LIMITS[method];
  const raw = limit ? payload[limit.field] : undefined;
  if (limit && typeof raw === "string") {
    let plain = raw;
    if (payload.parse_mode === "HTML") {
      const parsed = parseTelegramHtml(raw);
      if (!parsed.ok) return `Bad Request: can't parse entities: ${parsed.error}`;
      plain = parsed.text;
    }
    if (limit.field === "text" && method !== "answerCallbackQuery" && plain.trim() === "")
      return "Bad Request: message text is empty";
    if (plain.length > limit.max)
      return limit.field === "caption"
        ? "Bad Request: message caption is too long"
        : "Bad Request: message is too long";
  }
  return buttonRefusal(payload.reply_markup);
}

function buttonRefusal(markup: unknown): string | undefined {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return undefined;
  for (const row of rows) {
    for (const button of row as { text?: string; callback_data?: string }[]) {
      if (!button.text?.trim()) return "Bad Request: text buttons are unallowed in the inline keyboard";
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data, "utf8") > 64)
        return "Bad Request: BUTTON_DATA_INVALID";
    }
  }
  return undefined;
}

/** Half of a surrogate pair: what cutting a string inside an emoji leaves, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function findMalformedString(value: unknown): string | undefined {
  if (typeof value === "string") return LONE_SURROGATE.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findMalformedString(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value))
    return findMalformedString(Object.values(value));
  return undefined;
}
