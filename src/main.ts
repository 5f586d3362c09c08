import { existsSync } from "node:fs";
import { GrammyError } from "grammy";
import { type RunningApp, StartAbortedError, startApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { createLogger, logFormatFor } from "./logger.js";

// A .env file is read when present; variables already set in the environment win.
if (existsSync(".env")) process.loadEnvFile(".env");

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`${error.message}\n\nSee .env.example and the README for every setting.`);
  process.exit(1);
}

const logger = createLogger(config.logLevel, undefined, logFormatFor(config.logFormat));

// The signals are heard from the first moment: a stop while the start still waits (for Telegram, say) ends the
// start and closes the database, instead of killing the process with the embedded database open.
const startStopped = new AbortController();
let app: RunningApp | undefined;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) {
    logger.warn({ signal }, "second signal: exiting at once");
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, "shutting down");
  // Still starting: startApp closes what it opened and rejects, or, past its last wait, returns and is shut below.
  if (app) await shutDown(app);
  else startStopped.abort();
};
const shutDown = async (running: RunningApp) => {
  try {
    await running.shutdown();
    logger.info("stopped cleanly");
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

try {
  app = await startApp(config, logger, startStopped.signal);
  if (stopping) await shutDown(app);
} catch (error) {
  if (error instanceof StartAbortedError) {
    logger.info("stopped cleanly before the start finished");
    process.exit(0);
  }
  if (error instanceof DataDirLockedError) {
    logger.fatal(error.message);
  } else if (error instanceof GrammyError && error.error_code === 401) {
    logger.fatal("Telegram rejected BOT_TOKEN (401 Unauthorized): check the token @BotFather gave you.");
  } else {
    logger.fatal({ err: error }, "the bot could not start");
  }
  process.exitCode = 1;
}
