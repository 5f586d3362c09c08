import { createServer, type Server } from "node:http";
import { type RunnerHandle, run } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { AppBot } from "./index.js";

export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** How long shutdown waits for updates in flight before giving up on them. */
const DRAIN_TIMEOUT_MS = 30_000;

export interface Launched {
  /** Stops taking updates and resolves once the updates in flight are handled. */
  stop(): Promise<void>;
}

export function launchPolling(bot: AppBot, logger: Logger): Launched {
  const handle: RunnerHandle = run(bot, {
    runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  });
  logger.info("bot is taking updates by long polling");
  return {
    async stop() {
      await handle.stop();
      // The runner's stop() ends fetching only; updates already handed to its sink keep running. Wait for them,
      // so that a conversation step in flight gets to save its state.
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (handle.size() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      if (handle.size() > 0) logger.warn({ inFlight: handle.size() }, "stopped with updates still in flight");
    },
  };
}

/**
 * Serves Telegram's webhook with the secret token checked, and GET /healthz (200 when the database answers).
 */
export async function launchWebhook(
  bot: AppBot,
  config: Config,
  logger: Logger,
  isHealthy: () => Promise<boolean>,
): Promise<Launched> {
  const url = new URL(config.webhookUrl as string);
  const handleUpdate = webhookCallback(bot, "http", { secretToken: config.webhookSecret });
  const server: Server = createServer((req, res) => {
    const path = req.url?.split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      void isHealthy().then((ok) => {
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok }));
      });
      return;
    }
    if (req.method === "POST" && path === url.pathname) {
      handleUpdate(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    res.writeHead(404).end();
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
    // close() stops accepting connections and waits for the requests in flight, i.e. the updates being handled.
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
