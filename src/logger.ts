import pino from "pino";

export type Logger = pino.Logger;

/** A bot token as Telegram's URLs carry it ("…/bot123456:AbC-…/getMe"), wherever it sits in a log line. */
const TOKEN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/**
 * Errors as logged: name, message, code, stack and cause, but never a Bot API call's payload (GrammyError.payload
 * holds the message texts: names, refusal reasons) nor the request behind a network error.
 */
function errorForLog(err: unknown, depth = 0): unknown {
  if (!(err instanceof Error) || depth > 3) return err;
  const e = err as Error & { error_code?: number; method?: string; code?: string; error?: unknown };
  // grammY's HttpError keeps the network error in `error`, others in `cause`.
  const inner = e.cause ?? e.error;
  return {
    type: e.name,
    message: e.message,
    ...(e.method ? { method: e.method } : {}),
    ...(e.error_code ? { error_code: e.error_code } : {}),
    ...(e.code ? { code: e.code } : {}),
    stack: e.stack,
    ...(inner ? { cause: errorForLog(inner, depth + 1) } : {}),
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "thidua-bot" },
      redact: { paths: ["token", "*.token", "config.botToken"], censor: "[redacted]" },
      serializers: { err: errorForLog, error: errorForLog },
      // The last line of defence: a token inside any text (an error's URL, a message) never reaches the output.
      hooks: { streamWrite: (line) => line.replace(TOKEN, "[redacted]") },
    },
    destination,
  );
}
