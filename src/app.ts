import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { Api } from "grammy";
import { sql } from "kysely";
import { campaignMessageRenderer } from "./bot/broadcast-messages.js";
import { broadcastSummaryReporter } from "./bot/broadcast-summary.js";
import { type AppBot, createBot } from "./bot/index.js";
import { type Launched, launchPolling, launchWebhook } from "./bot/launch.js";
import { type BroadcastSender, startBroadcastSender } from "./broadcasts/broadcast-sender.js";
import type { Config } from "./config.js";
import { type BackupResponder, startBackupResponder } from "./db/backup/backup-request.js";
import { createDatabase, type DatabaseHandle, databaseTarget } from "./db/create-database.js";
import { migrateToLatest } from "./db/migrator.js";
import { type Dispatcher, isTelegramTrouble, startDispatcher } from "./intake/dispatcher.js";
import { releaseAllLeases } from "./intake/inbox.repository.js";
import { type Scheduler, startScheduler } from "./jobs/schedule.js";
import type { Logger } from "./logger.js";
import { createServices } from "./services.js";

export interface RunningApp {
  bot: AppBot;
  database: DatabaseHandle;
  /** Stops taking updates, lets in-flight updates finish, stops cron, closes the database. */
  shutdown(): Promise<void>;
}

/** The start was stopped by a signal before it finished (see startApp's `stopped`). */
export class StartAbortedError extends Error {
  constructor() {
    super("stopped before the start finished");
    this.name = "StartAbortedError";
  }
}

/**
 * The composition root: database -> migrations -> services -> bot -> scheduler. `stopped` ends a start that is
 * still waiting (for Telegram, say) with StartAbortedError after closing what it opened, so a `docker stop` or
 * `systemctl stop` during a Telegram outage still closes the database cleanly.
 */
export async function startApp(config: Config, logger: Logger, stopped?: AbortSignal): Promise<RunningApp> {
  const database = await createDatabase(databaseTarget(config), (err) =>
    logger.warn({ err }, "lost a database connection; reconnecting"),
  );
  let launched: Launched | undefined;
  let scheduler: Scheduler | undefined;
  let sender: BroadcastSender | undefined;
  let dispatcher: Dispatcher | undefined;
  let backups: BackupResponder | undefined;
  const shutdown = async () => {
    await launched?.stop();
    await dispatcher?.stop();
    await sender?.stop();
    await scheduler?.stop();
    await backups?.stop();
    await database.close();
  };
  try {
    logger.info({ dialect: database.dialect }, "database opened");
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ applied }, "migrations applied");
    // `npm run db:backup` cannot open the embedded database while this process holds it: it asks this process.
    if (database.snapshot)
      backups = startBackupResponder({
        dataDir: resolve(config.dataDir),
        snapshot: database.snapshot,
        logger,
      });

    const services = createServices(database.db, config);
    await services.users.bootstrapAdmins(config.adminTelegramIds);

    const bot = createBot(config, { db: database.db, logger, services });
    await initWhenReachable(bot, logger, stopped);
    logger.info({ username: bot.botInfo.username }, "connected to the Telegram Bot API");
    await bot.setCommandMenus();
    for (const telegramId of config.adminTelegramIds) await bot.menus.refresh(telegramId);

    const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    // The embedded database has one user, this process: claims left by a crash are freed now, not after the lease.
    if (database.dialect === "pglite") await releaseAllLeases(database.db);
    dispatcher = startDispatcher(
      { db: database.db, logger, instance, handle: (update) => bot.handleUpdate(update) },
      { concurrency: config.updateConcurrency, leaseMs: config.updateLeaseMs, idlePollMs: 250 },
    );
    const intake = { db: database.db, dispatcher, logger };
    scheduler = startScheduler({ db: database.db, config, logger }, instance);
    sender = startBroadcastSender(
      {
        db: database.db,
        dialect: database.dialect,
        // Without the bot's auto-retry: the sender waits out a 429 for every message at once.
        api: new Api(
          config.botToken,
          config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : undefined,
        ),
        logger,
        botId: bot.botInfo.id,
        render: campaignMessageRenderer(bot.i18n, config.timezone, config.defaultLocale),
        onFinished: broadcastSummaryReporter(bot, services, config),
      },
      { rate: config.broadcastRate, paid: config.broadcastPaid },
    );
    launched =
      config.botMode === "webhook"
        ? await launchWebhook(bot, config, intake, async () => {
            try {
              await sql`select 1`.execute(database.db);
              return true;
            } catch {
              return false;
            }
          })
        : launchPolling(bot, intake);
    return { bot, database, shutdown };
  } catch (error) {
    await shutdown().catch(() => {});
    throw error;
  }
}

/**
 * getMe until Telegram answers: a network without Telegram (a firewall, an outage, its 5xx) is said once, with the
 * retry, and the bot starts as soon as it can reach it. A refused token still ends the start at once.
 */
async function initWhenReachable(bot: AppBot, logger: Logger, stopped?: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (stopped?.aborted) throw new StartAbortedError();
    try {
      // getMe ourselves: bot.init() retries a network error forever, in silence.
      // The stop signal also cuts a getMe in flight: a firewall that drops packets would hold it for minutes.
      bot.botInfo = await bot.api.getMe(stopped as Parameters<typeof bot.api.getMe>[0]);
      await bot.init();
      if (attempt > 1) logger.info({ attempts: attempt }, "Telegram can be reached again");
      return;
    } catch (err) {
      if (stopped?.aborted) throw new StartAbortedError();
      if (!isTelegramTrouble(err)) throw err;
      const delayMs = Math.min(60_000, 1000 * 2 ** Math.min(attempt - 1, 6));
      if (attempt === 1 || attempt % 10 === 0)
        logger.warn(
          { err, attempt, retryInSeconds: delayMs / 1000 },
          "cannot reach the Telegram Bot API; check the network or TELEGRAM_API_ROOT. Still trying",
        );
      await abortableDelay(delayMs, stopped);
    }
  }
}

function abortableDelay(ms: number, stopped?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    stopped?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      stopped?.removeEventListener("abort", done);
      resolve();
    }
  });
}
