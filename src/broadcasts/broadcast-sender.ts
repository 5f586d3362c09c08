import { setTimeout as sleep } from "node:timers/promises";
import { type Api, GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Kysely } from "kysely";
import type { DialectName } from "../db/create-database.js";
import type { Broadcast, Campaign, Database } from "../db/types.js";
import type { Logger } from "../logger.js";
import {
  advisoryUnlock,
  type ClaimedDelivery,
  claimDeliveries,
  connectionAlive,
  type DeliveryOutcome,
  finishCompletedBroadcasts,
  giveBackDeliveries,
  loadBroadcasts,
  recordOutcomes,
  releaseAllLeases,
  tryAdvisoryLock,
} from "./broadcasts.repository.js";
import { Pacer } from "./pacer.js";

export interface OutgoingMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

export interface BroadcastForRender {
  broadcast: Pick<Broadcast, "id" | "kind" | "payload" | "created_by">;
  campaign: Campaign | undefined;
}

/** Turns a delivery into the recipient's message (HTML), in the recipient's language; undefined: nothing to send. */
export type RenderDelivery = (
  delivery: ClaimedDelivery,
  of: BroadcastForRender,
) => OutgoingMessage | undefined;

export interface SenderOptions {
  /** Messages per second across all broadcasts (BROADCAST_RATE). */
  rate: number;
  /** Telegram's paid broadcasts (allow_paid_broadcast), which lift the limit to 1000/s. */
  paid: boolean;
  maxAttempts?: number;
  leaseMs?: number;
  /** How often an idle sender looks for new work, and a waiting instance for the lock. */
  idleMs?: number;
  lockRetryMs?: number;
  flushMs?: number;
  maxInFlight?: number;
}

export interface SenderDeps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** An Api without auto-retry: the sender handles 429s itself, for all messages at once. */
  api: Api;
  logger: Logger;
  /** The bot's id: one sender per bot token runs at a time, whatever the number of instances. */
  botId: number;
  render: RenderDelivery;
  /** Called once per finished broadcast (e.g. to send its creator a summary). */
  onFinished?: (broadcastId: number) => Promise<void>;
}

export interface BroadcastSender {
  /** Whether this instance holds the sender lock and is sending (for tests and logs). */
  readonly active: () => boolean;
  stop(): Promise<void>;
}

const BLOCKED =
  /bot was blocked|user is deactivated|chat not found|PEER_ID_INVALID|bot can't initiate|have no rights/i;

/**
 * Delivers the broadcast queue. Rows are leased in batches (short transactions, FOR UPDATE SKIP LOCKED), sent at
 * the configured rate, and their outcomes written back in batches every fraction of a second. A crash can only
 * repeat the messages in flight or sent-but-not-yet-recorded at that moment; nothing is lost, as leases lapse and
 * the next sender releases them at once on taking over.
 */
export function startBroadcastSender(deps: SenderDeps, options: SenderOptions): BroadcastSender {
  const opts = {
    maxAttempts: 5,
    leaseMs: 60_000,
    idleMs: 1000,
    lockRetryMs: 2000,
    flushMs: 100,
    maxInFlight: Math.max(8, Math.ceil(options.rate / 4)),
    ...options,
  };
  const batchSize = Math.min(1000, Math.max(10, Math.ceil(opts.rate * 2)));
  const log = deps.logger.child({ component: "broadcast-sender" });
  const abort = new AbortController();
  let holding = false;

  const nap = (ms: number) => sleep(ms, undefined, { signal: abort.signal }).catch(() => {});

  async function sendAll(isLockAlive: () => Promise<boolean>): Promise<void> {
    const released = await releaseAllLeases(deps.db);
    if (released > 0) log.warn({ released }, "took back deliveries left in flight by a sender that stopped");
    const pacer = new Pacer(opts.rate);
    const inFlight = new Set<Promise<void>>();
    let outcomes: DeliveryOutcome[] = [];
    let flushing: Promise<void> | undefined;
    let lastFlush = Date.now();
    let lastCheck = Date.now();

    const flush = async () => {
      await flushing;
      if (outcomes.length === 0) return;
      const batch = outcomes;
      outcomes = [];
      lastFlush = Date.now();
      flushing = recordOutcomes(deps.db, batch)
        .catch((err: unknown) => {
          // Not recorded yet: keep them for the next flush rather than send them again.
          outcomes.push(...batch);
          log.error({ err }, "could not record delivery outcomes");
        })
        .finally(() => {
          flushing = undefined;
        });
      await flushing;
    };
    const maybeFlush = () => {
      if (!flushing && (outcomes.length >= 200 || Date.now() - lastFlush >= opts.flushMs)) void flush();
    };
    const finish = async () => {
      await flush();
      for (const done of await finishCompletedBroadcasts(deps.db, new Date())) {
        log.info({ broadcastId: done.id, kind: done.kind }, "broadcast finished");
        await deps
          .onFinished?.(done.id)
          .catch((err: unknown) =>
            log.warn({ err, broadcastId: done.id }, "could not report a finished broadcast"),
          );
      }
    };

    const sendOne = async (d: ClaimedDelivery, of: BroadcastForRender) => {
      let message: OutgoingMessage | undefined;
      try {
        message = deps.render(d, of);
      } catch (err) {
        // A message that cannot be built would fail the same way on every retry: record it, do not loop on it.
        log.error({ err, deliveryId: d.id }, "could not build a broadcast message");
      }
      if (!message) {
        outcomes.push({ id: d.id, status: "failed", error: "nothing to send" });
        maybeFlush();
        return;
      }
      try {
        const sent = await deps.api.sendMessage(d.chat_id, message.text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(message.reply_markup ? { reply_markup: message.reply_markup } : {}),
          ...(opts.paid ? { allow_paid_broadcast: true } : {}),
        });
        outcomes.push({ id: d.id, status: "sent", messageId: sent.message_id, at: new Date() });
      } catch (err) {
        outcomes.push(classify(err, d, pacer, opts.maxAttempts));
      } finally {
        maybeFlush();
      }
    };

    // The next batch is claimed while the current one is being sent, and the periodic checks run beside the
    // sending: the loop never stalls on a query, which at 1,000 messages/s would cost slots.
    type Claimed = { batch: ClaimedDelivery[]; context: Map<number, BroadcastForRender> };
    const claim = async (): Promise<Claimed> => {
      const batch = await claimDeliveries(deps.db, new Date(), opts.leaseMs, batchSize);
      return { batch, context: batch.length > 0 ? await loadBroadcasts(deps.db, batch) : new Map() };
    };
    let prefetched: Promise<Claimed> | undefined;
    let checking: Promise<void> | undefined;
    let lockLost = false;
    const giveBack = (ids: number[]) => giveBackDeliveries(deps.db, ids);

    while (!abort.signal.aborted && !lockLost) {
      if (!checking && Date.now() - lastCheck > 5000) {
        lastCheck = Date.now();
        checking = (async () => {
          if (!(await isLockAlive())) {
            log.warn("lost the sender lock; stopping to send");
            lockLost = true;
            return;
          }
          await finish();
        })()
          .catch((err: unknown) => log.warn({ err }, "periodic broadcast check failed"))
          .finally(() => {
            checking = undefined;
          });
      }
      const { batch, context } = await (prefetched ?? claim());
      prefetched = undefined;
      if (batch.length === 0) {
        await Promise.all(inFlight);
        await checking;
        await finish();
        await nap(opts.idleMs);
        continue;
      }
      let next = 0;
      for (; next < batch.length && !abort.signal.aborted && !lockLost; next++) {
        // A full batch suggests more behind it: claim the next one half way through this one.
        if (next === Math.floor(batch.length / 2) && batch.length === batchSize) prefetched = claim();
        const d = batch[next] as ClaimedDelivery;
        await pacer.take();
        while (inFlight.size >= opts.maxInFlight) await Promise.race(inFlight);
        const of = context.get(d.broadcast_id) as BroadcastForRender;
        const p = sendOne(d, of).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      // Stopping mid-batch: give the rest (and any batch claimed ahead) back now rather than at the lease's end.
      await giveBack(batch.slice(next).map((d) => d.id));
      if ((abort.signal.aborted || lockLost) && prefetched) {
        await giveBack((await prefetched).batch.map((d) => d.id));
        prefetched = undefined;
      }
    }
    await checking;
    await Promise.all(inFlight);
    await flush();
  }

  async function withLock(work: (isLockAlive: () => Promise<boolean>) => Promise<void>): Promise<boolean> {
    // Embedded PGlite: one process owns the data directory, so there is never a second sender.
    if (deps.dialect === "pglite") {
      await work(async () => true);
      return true;
    }
    // A session-level advisory lock on a connection held for as long as this instance sends: if the process
    // dies, PostgreSQL drops the connection and the lock with it, and another instance takes over.
    return deps.db.connection().execute(async (conn) => {
      const key = `broadcast-sender:${deps.botId}`;
      if (!(await tryAdvisoryLock(conn, key))) return false;
      try {
        await work(() => connectionAlive(conn));
      } finally {
        await advisoryUnlock(conn, key).catch(() => {});
      }
      return true;
    });
  }

  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        const ran = await withLock(async (isLockAlive) => {
          holding = true;
          log.info({ rate: opts.rate, paid: opts.paid }, "this instance sends the broadcasts");
          try {
            await sendAll(isLockAlive);
          } finally {
            holding = false;
          }
        });
        if (!ran) await nap(opts.lockRetryMs);
      } catch (err) {
        log.error({ err }, "broadcast sender failed; starting again shortly");
        await nap(opts.lockRetryMs);
      }
    }
  })();

  return {
    active: () => holding,
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

function classify(err: unknown, d: ClaimedDelivery, pacer: Pacer, maxAttempts: number): DeliveryOutcome {
  const now = Date.now();
  if (err instanceof GrammyError) {
    const error = `${err.error_code} ${err.description}`.slice(0, 500);
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 5;
      pacer.pause(seconds * 1000);
      // Not the recipient's fault: the attempt does not count.
      return {
        id: d.id,
        status: "retry",
        nextAttemptAt: new Date(now + seconds * 1000),
        error,
        countAttempt: false,
      };
    }
    if (err.error_code === 403 || (err.error_code === 400 && BLOCKED.test(err.description)))
      return { id: d.id, status: "blocked", error };
    if (err.error_code < 500) return { id: d.id, status: "failed", error };
    return retryLater(d, error, now, maxAttempts);
  }
  // Network errors and timeouts: the message may or may not have arrived; try again.
  return retryLater(d, String(err instanceof Error ? err.message : err).slice(0, 500), now, maxAttempts);
}

function retryLater(d: ClaimedDelivery, error: string, now: number, maxAttempts: number): DeliveryOutcome {
  if (d.attempts >= maxAttempts) return { id: d.id, status: "failed", error };
  const backoff = Math.min(60_000, 1000 * 2 ** (d.attempts - 1)) * (0.75 + Math.random() / 2);
  return { id: d.id, status: "retry", nextAttemptAt: new Date(now + backoff), error, countAttempt: true };
}
