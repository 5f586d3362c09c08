import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "thidua-bot" },
    // Tokens can appear in Telegram API URLs that end up in error objects.
    redact: { paths: ["token", "*.token", "config.botToken"], censor: "[redacted]" },
  });
}
