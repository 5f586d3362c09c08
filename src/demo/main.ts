import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import { startApp } from "../app.js";
import { campaignTick } from "../campaigns/campaign-tick.js";
import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { runScreeningQueue } from "../screening/screening-queue.js";
import { createServices } from "../services.js";
import { formatDateTime } from "../shared/time.js";
import { DemoBotApi } from "./bot-api.js";
import { ChatStore } from "./chat-store.js";
import { createDemoServer } from "./demo-server.js";
import { type Milestone, seedDemoYear } from "./demo-year.js";
import { DEMO_PEOPLE, personById } from "./people.js";

// npm run demo [-- --port N]: the real bot, on a fresh embedded database with a demo school year, talking to a
// local stand-in for the Bot API that also serves a page looking like a Telegram chat. No token, no network.

const portArg = process.argv.indexOf("--port");
const port = Number(portArg > -1 ? process.argv[portArg + 1] : (process.env.DEMO_PORT ?? 8080));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error("The port must be a number from 0 to 65535 (0: any free port).");
  process.exit(1);
}
const timezone = process.env.TIMEZONE ?? "Asia/Ho_Chi_Minh";

const store = new ChatStore();
const userOf = (chatId: number): User =>
  personById(chatId)?.user ?? { id: chatId, is_bot: false, first_name: `Người dùng ${chatId}` };
const api = new DemoBotApi(store, userOf);
let milestones: Milestone[] = [];
let runClock: (at: Date) => Promise<string> = async () => "Bot chưa sẵn sàng";
const server = createDemoServer({
  store,
  api,
  people: DEMO_PEOPLE,
  milestones: () => milestones,
  timezone,
  runClock: (at) => runClock(at),
});
let dataDir: string | undefined;
let app: Awaited<ReturnType<typeof startApp>> | undefined;
let stopping = false;
// Ctrl-C at any moment, even while the bot starts, stops everything and deletes the demo's data.
const stop = async () => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log("\nStopping the demo…");
  api.stop();
  server.closeAllConnections();
  server.close();
  await app?.shutdown();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(process.exitCode ?? 0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
try {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
  console.error(`Port ${port} is in use: run npm run demo -- --port <another port> (0: any free port).`);
  process.exit(1);
}
const { port: listening } = server.address() as AddressInfo;
dataDir = mkdtempSync(join(tmpdir(), "thidua-demo-"));

const config = loadConfig({
  // The stand-in takes any token; this one only has the shape config checks for.
  BOT_TOKEN: "1000000000:demo-token-not-a-secret-000000",
  DATA_DIR: dataDir,
  TELEGRAM_API_ROOT: `http://127.0.0.1:${listening}`,
  ADMIN_TELEGRAM_IDS: DEMO_PEOPLE.filter((p) => p.role === "admin")
    .map((p) => p.user.id)
    .join(","),
  TIMEZONE: timezone,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  LOG_FORMAT: "pretty",
});
const logger = createLogger(config.logLevel, undefined, "pretty");

console.log("Starting the demo: a fresh embedded database and a demo school year…");
const started = Date.now();
try {
  app = await startApp(config, logger);
} catch (error) {
  console.error("The bot could not start:", error);
  process.exitCode = 1;
  await stop();
}
const running = app as NonNullable<typeof app>;
const appReadyMs = Date.now() - started;

const now = new Date();
try {
  const services = createServices(running.database.db, config);
  milestones = await seedDemoYear(running.database.db, services, timezone, now);
  for (const person of DEMO_PEOPLE)
    if (person.role !== "newcomer") await running.bot.menus.refresh(person.user.id);
} catch (error) {
  console.error("The demo school year could not be made:", error);
  process.exitCode = 1;
  await stop();
}
runClock = async (at) => {
  const report = await campaignTick(running.database.db, timezone, at);
  const sent = report.enqueued.reduce((n, e) => n + e.recipients, 0);
  return (
    `${formatDateTime(timezone, at)}: mở ${report.opened}, đóng ${report.closed} phong trào; ` +
    `${report.enqueued.length} thông báo/nhắc hạn cho ${sent} người`
  );
};
// The open campaign's announcement goes out now, as the minute tick would send it.
await runClock(now);
// The demo year's submissions are screened now rather than at the first minute's tick, so their overlap reports open.
await runScreeningQueue(running.database.db, logger);

const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.log(
  `Bot started in ${seconds(appReadyMs)} s, demo year made in ${seconds(Date.now() - started - appReadyMs)} s.`,
);
console.log(`\nThe demo is ready: http://localhost:${listening}\n(Ctrl-C stops it and deletes its data.)`);
