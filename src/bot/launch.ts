import type { IncomingMessage, Server } from "node:http";
import { createRequire } from "node:module";
import { createBatchSink, createRunner, createSource, createUpdateFetcher } from "@grammyjs/runner";
import type { Update } from "grammy/types";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/types.js";
import type { Dispatcher } from "../intake/dispatcher.js";
import { storeUpdates } from "../intake/inbox.repository.js";
import { webhookUpdateStore } from "../intake/update-store.js";
import type { Logger } from "../logger.js";
import type { AppBot } from "./index.js";

// Through require, not an ESM import: an ESM import of node:http reads every one of its exports to build the module
// namespace, and its lazy WebSocket export loads Node's undici, ~0.7 MB of code the idle bot would keep in memory.
const { createServer } = createRequire(import.meta.url)("node:http") as typeof import("node:http");

export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "callback_query",
  "my_chat_member",
  "inline_query",
] as const;

/** A webhook body larger than this is not an update (Telegram's are a few kilobytes). */
const MAX_WEBHOOK_BODY = 1024 * 1024;

export interface Launched {
  /** Stops taking updates (those already stored are handled by the dispatcher). */
  stop(): Promise<void>;
}

export interface IntakeDeps {
  db: Kysely<Database>;
  dispatcher: Dispatcher;
  logger: Logger;
}

/**
 * Long polling that loses nothing, on @grammyjs/runner's fetcher, source and runner. The runner confirms a batch
 * (the next getUpdates offset) as soon as it asks for the next one, before the batch's updates are handled; so here
 * the source's supplier stores each batch in the inbox before it returns, and the sink has nothing left to do (the
 * dispatcher handles what is stored). A crash at any moment leaves every update stored or still at Telegram.
 */
export function launchPolling(bot: AppBot, deps: IntakeDeps): Launched {
  const { logger } = deps;
  let failing = false;
  // The runner's fetcher, fed through an adapter that says "Telegram cannot be reached" once per outage (not once
  // per try) and that Telegram answers again; it retries every second, so polling resumes within a second.
  const fetchUpdates = createUpdateFetcher(
    {
      handleUpdate: async () => {},
      errorHandler: () => {},
      api: {
        getUpdates: async (args, signal) => {
          try {
            const updates = await bot.api.getUpdates(
              { ...args, allowed_updates: [...ALLOWED_UPDATES] },
              signal as Parameters<typeof bot.api.getUpdates>[1],
            );
            if (failing) logger.info("Telegram answers again; taking updates");
            failing = false;
            return updates;
          } catch (err) {
            if (!failing && !signal.aborted)
              logger.warn({ err }, "cannot get updates from Telegram; retrying every second");
            failing = true;
            throw err;
          }
        },
      },
    },
    { retryInterval: 1000, silent: true },
  );
  const source = createSource<Update>({
    supply: async (batchSize, signal) => {
      const updates = await fetchUpdates(batchSize, signal);
      await storeUntilStored(deps, updates, signal);
      deps.dispatcher.wake();
      return updates;
    },
  });
  const sink = createBatchSink<Update>({ consume: async () => {} }, async () => {});
  const handle = createRunner(source, sink);
  handle.start();
  logger.info("bot is taking updates by long polling");
  return { stop: () => handle.stop() };
}

/**
 * The fetcher confirms a batch with its next request, so a batch must never be given up unstored: while the
 * database refuses, this waits and tries again (nothing further is fetched meanwhile).
 */
async function storeUntilStored(
  deps: IntakeDeps,
  updates: Update[],
  signal: { aborted: boolean },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await storeUpdates(deps.db, updates);
      return;
    } catch (err) {
      if (signal.aborted) throw err;
      deps.logger.error({ err, attempt }, "could not store fetched updates; trying again");
      await new Promise((r) => setTimeout(r, Math.min(5000, 250 * attempt)));
    }
  }
}

/**
 * Serves Telegram's webhook with the secret token checked, and GET /healthz (200 when the database answers). An
 * update is answered 200 as soon as it is stored: the handling happens after, so a slow handler never makes
 * Telegram time out and redeliver, and a redelivered update_id is recognised and ignored.
 */
export async function launchWebhook(
  bot: AppBot,
  config: Config,
  deps: IntakeDeps,
  isHealthy: () => Promise<boolean>,
): Promise<Launched> {
  const url = new URL(config.webhookUrl as string);
  const { logger } = deps;
  const store = webhookUpdateStore(deps.db);
  const server: Server = createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      void isHealthy().then((ok) => {
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok }));
      });
      return;
    }
    if (req.method !== "POST" || path !== url.pathname) {
      res.writeHead(404).end();
      return;
    }
    if (req.headers["x-telegram-bot-api-secret-token"] !== config.webhookSecret) {
      res.writeHead(401).end();
      return;
    }
    readUpdate(req)
      .then(async (update) => {
        await store(update);
        res.writeHead(200).end();
        deps.dispatcher.wake();
      })
      .catch((err: unknown) => {
        logger.error({ err }, "could not store a webhook update");
        // Not stored: an error makes Telegram deliver it again.
        if (!res.headersSent) res.writeHead(err instanceof BadUpdateError ? 400 : 500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, resolve);
  });
  await bot.api.setWebhook(url.href, {
    secret_token: config.webhookSecret,
    allowed_updates: [...ALLOWED_UPDATES],
  });
  logger.info({ port: config.port, path: url.pathname }, "bot is taking updates by webhook");
  return {
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

class BadUpdateError extends Error {}

async function readUpdate(req: IncomingMessage): Promise<Update> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BODY) throw new BadUpdateError("webhook body too large");
    chunks.push(chunk as Buffer);
  }
  let update: unknown;
  try {
    update = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadUpdateError("webhook body is not JSON");
  }
  if (typeof (update as Update)?.update_id !== "number")
    throw new BadUpdateError("webhook body has no update_id");
  return update as Update;
}
