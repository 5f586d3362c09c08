import { GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import type { Logger } from "../logger.js";
import { claimUpdates, markHandled, releaseForRetry, renewLeases } from "./inbox.repository.js";

export interface DispatcherOptions {
  /** Updates handled at once (each of a different chat). */
  concurrency: number;
  /** How long a claim holds if this instance dies; renewed while the update is being handled. */
  leaseMs: number;
  /** How often an idle dispatcher looks for updates another instance stored. */
  idlePollMs: number;
}

export interface Dispatcher {
  /** Looks for work now (called after updates were stored here). */
  wake(): void;
  /** Stops claiming and waits for the updates being handled. */
  stop(): Promise<void>;
}

/** Attempts after which an update Telegram keeps refusing is given up (about half an hour of outage). */
const MAX_ATTEMPTS = 250;

/**
 * Telegram could not be reached or refused for now (network, 5xx, 429 beyond auto-retry): the update is tried again
 * later, so its chat picks up where it was once Telegram answers. Other errors are the bot's own: retrying would
 * fail the same way.
 */
export function isTelegramTrouble(error: unknown): boolean {
  if (error instanceof HttpError) return true;
  return error instanceof GrammyError && (error.error_code === 429 || error.error_code >= 500);
}

/**
 * 1, 2, 4, 8, 8 … seconds: short enough that a chat goes on within seconds of Telegram answering again, long
 * enough not to hammer it meanwhile.
 */
export const retryDelayMs = (attempts: number) => Math.min(8_000, 1000 * 2 ** Math.max(0, attempts - 1));

/**
 * Handles the updates of the inbox: claims each chat's oldest pending update, runs it through `handle`, marks it
 * handled. Many chats at once, one update per chat at a time, on any number of instances.
 */
export function startDispatcher(
  deps: { db: Kysely<Database>; logger: Logger; instance: string; handle: (update: Update) => Promise<void> },
  options: DispatcherOptions,
): Dispatcher {
  const { db, logger, instance } = deps;
  const running = new Map<number, Promise<void>>();
  /** Handled here, to be marked so in the database with the next claim. */
  let finished: number[] = [];
  let stopped = false;
  let signal: (() => void) | undefined;
  // A wake-up that comes while the loop is claiming must not be lost: the next sleep then returns at once.
  let woken = false;
  const wake = () => {
    woken = true;
    signal?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal = undefined;
        resolve();
      }
      signal = done;
    });

  async function handleOne(update: Update, attempts: number): Promise<void> {
    const log = logger.child({ update_id: update.update_id });
    try {
      await deps.handle(update);
    } catch (error) {
      const cause = (error as { error?: unknown }).error ?? error;
      if (isTelegramTrouble(cause) && attempts < MAX_ATTEMPTS) {
        const delay = retryDelayMs(attempts);
        log.warn(
          { err: cause, attempts, retryInMs: delay },
          "Telegram failed while handling an update; retrying",
        );
        await releaseForRetry(db, instance, update.update_id, delay);
        return;
      }
      log.error({ err: cause, attempts }, "update failed; not retried");
    }
    // Marked handled by the next claim, in the same round trip (or at stop).
    finished.push(update.update_id);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      woken = false;
      const free = options.concurrency - running.size;
      let claimed = 0;
      let failed = false;
      if (free > 0) {
        const marking = finished;
        finished = [];
        try {
          const claimedNow = await claimUpdates(db, instance, options.leaseMs, free, marking);
          for (const { update, attempts } of claimedNow) {
            claimed++;
            const id = update.update_id;
            const task = handleOne(update, attempts)
              .catch((err: unknown) =>
                logger.error({ err, update_id: id }, "could not record an update's outcome"),
              )
              .finally(() => {
                running.delete(id);
                wake();
              });
            running.set(id, task);
          }
        } catch (err) {
          finished.push(...marking);
          failed = true;
          logger.error({ err }, "could not claim updates");
        }
      }
      // Go round again at once only with a free slot and a reason: a full batch may have more behind it, or updates
      // finished meanwhile wait to be marked. Otherwise wait for a wake-up (an update stored or finished) or the
      // poll; after a failed claim, for the poll.
      const more = !failed && free > 0 && (claimed === free || finished.length > 0);
      if (!more) await sleep(options.idlePollMs);
      // On the embedded database a claim never waits for I/O and resolves within this turn of the event loop: let
      // timers (the leases' renewal), Telegram's answers and new updates in before the next one.
      else await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  const heartbeat = setInterval(() => {
    renewLeases(db, instance, [...running.keys()], options.leaseMs).catch((err: unknown) =>
      logger.warn({ err }, "could not renew update leases"),
    );
  }, options.leaseMs / 3);
  const looping = loop();

  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await looping;
      clearInterval(heartbeat);
      await Promise.all(running.values());
      await markHandled(db, instance, finished);
    },
  };
}
