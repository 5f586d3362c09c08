import { createRequire } from "node:module";
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

export type LogFormat = "pretty" | "json";

/** `auto` as a person expects it: readable lines on a terminal, JSON for a log collector (systemd, Docker, a file). */
export const logFormatFor = (
  setting: "auto" | LogFormat,
  isTerminal = process.stdout.isTTY === true,
): LogFormat => (setting === "auto" ? (isTerminal ? "pretty" : "json") : setting);

export function createLogger(
  level: string,
  destination?: pino.DestinationStream,
  format: LogFormat = "json",
): Logger {
  return pino(
    {
      level,
      base: { service: "thidua-bot" },
      redact: { paths: ["token", "*.token", "config.botToken"], censor: "[redacted]" },
      serializers: { err: errorForLog, error: errorForLog },
      // The last line of defence: a token inside any text (an error's URL, a message) never reaches the output.
      // Pretty output is formatted from this same redacted line.
      hooks: { streamWrite: (line) => line.replace(TOKEN, "[redacted]") },
    },
    format === "pretty" ? prettyStream(destination) : destination,
  );
}

/** pino-pretty, in process and synchronous (no worker thread), one line per event; loaded only when asked for. */
function prettyStream(destination?: pino.DestinationStream): pino.DestinationStream {
  const pretty = createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty");
  return pretty({
    destination: destination ?? 1,
    sync: true,
    colorize: destination === undefined && process.stdout.isTTY === true,
    singleLine: true,
    translateTime: "SYS:HH:MM:ss",
    // An error is told on the event's line, by its chain of messages; its stack is in the JSON format.
    ignore: "pid,hostname,service,err,error",
    messageFormat: (log, key) => {
      const err = log.err ?? log.error;
      return err === undefined ? String(log[key]) : `${String(log[key])} — ${errorChain(err)}`;
    },
  });
}

/** "HttpError: Network request for 'getMe' failed! ← FetchError: … ECONNREFUSED" from a logged error. */
function errorChain(err: unknown, depth = 0): string {
  if (typeof err !== "object" || err === null || depth > 3) return String(err);
  const e = err as { type?: string; message?: string; cause?: unknown };
  const here = `${e.type ?? "Error"}: ${e.message ?? ""}`;
  return e.cause === undefined ? here : `${here} ← ${errorChain(e.cause, depth + 1)}`;
}
