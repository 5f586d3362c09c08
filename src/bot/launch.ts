import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Update } from "grammy/types";
import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/types.js";
import type { Dispatcher } from "../intake/dispatcher.js";
import { storeUpdates } from "../intake/inbox.repository.js";
import type { Logger } from "../logger.js";
import type { AppBot } from "./index.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** Telegram's own bound on a long poll; the connection is reopened after it. */
const POLL_TIMEOUT_SECONDS = 30;
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
 * Long polling that loses nothing: each batch is stored in the inbox before the next getUpdates confirms it (its
 * offset), so a crash at any moment leaves every update either stored or still at Telegram, which redelivers it.
 */
export function launchPolling(bot: AppBot, deps: IntakeDeps): Launched {
  const abort = new AbortController();
  const polling = (async () => {
    let offset = 0;
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        const updates = await bot.api.getUpdates(
          { offset, timeout: POLL_TIMEOUT_SECONDS, allowed_updates: [...ALLOWED_UPDATES] },
          // grammY types its signal with the abort-controller polyfill; Node's own is the same at run time.
          abort.signal as Parameters<typeof bot.api.getUpdates>[1],
        );
        if (failures > 0) deps.logger.info("Telegram answers again; taking updates");
        failures = 0;
        if (updates.length === 0) continue;
        await storeUpdates(deps.db, updates);
        deps.dispatcher.wake();
        offset = Math.max(offset, ...updates.map((u) => u.update_id + 1));
      } catch (err) {
        if (abort.signal.aborted) break;
        failures++;
        const delay = Math.min(30_000, 500 * 2 ** Math.min(failures, 6));
        // Said once per outage at warn level, not once per try.
        if (failures === 1) deps.logger.warn({ err, retryInMs: delay }, "cannot get updates; retrying");
        else deps.logger.debug({ err, failures, retryInMs: delay }, "still cannot get updates");
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  })();
  deps.logger.info("bot is taking updates by long polling");
  return {
    async stop() {
      abort.abort();
      await polling;
    },
  };
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
        await storeUpdates(deps.db, [update]);
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
