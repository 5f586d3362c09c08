/**
 * 1,000 simulated teachers each submit a whole initiative, all at once, through the real bot stack (middleware,
 * conversations with their PostgreSQL storage, drafts, the submissions service) on real PostgreSQL, with Telegram
 * replaced by an in-process fake. Prints updates/s and handling-time percentiles next to two references measured in
 * the same run: the same harness driving a bare grammY bot that only echoes, and pgbench -N on this server.
 *
 *   npm run bench:conversations [-- --teachers 1000]      (BENCH_DATABASE_URL, default the local server)
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import pg from "pg";
import { createBot } from "../src/bot/index.js";
import { loadConfig } from "../src/config.js";
import { createDatabase } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/services.js";
import { BENCH_BOT_INFO, inProcessTelegram } from "./in-process-telegram.js";

const { values } = parseArgs({
  options: {
    teachers: { type: "string", default: "1000" },
    "no-references": { type: "boolean", default: false },
  },
});
const REFERENCES = !values["no-references"];
const TEACHERS = Number(values.teachers);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TOKEN = "123456789:BENCH-token-for-the-in-process-fake";

// ---- one teacher's updates, in order: the whole initiative form -------------------------------------------
type Step = { label: string; update: (chatId: number) => Omit<Update, "update_id"> };
let messageId = 1;
const text = (t: string) => (chatId: number) => ({
  message: {
    message_id: messageId++,
    date: 0,
    chat: { id: chatId, type: "private" as const, first_name: "T" },
    from: { id: chatId, is_bot: false, first_name: "T" },
    text: t,
    ...(t.startsWith("/")
      ? { entities: [{ type: "bot_command" as const, offset: 0, length: t.length }] }
      : {}),
  },
});
const press = (data: string) => (chatId: number) => ({
  callback_query: {
    id: String(messageId++),
    from: { id: chatId, is_bot: false, first_name: "T" },
    chat_instance: "ci",
    data,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: chatId, type: "private" as const, first_name: "T" },
      text: "…",
    },
  },
});
const FORM: Step[] = [
  { label: "/submit", update: text("/submit") },
  { label: "choose kind (enter)", update: press("sub:kind:initiative") },
  { label: "step 1: title", update: text("Ứng dụng trò chơi trong dạy học Toán lớp 10") },
  { label: "step 2: type", update: press("a:initiative") },
  { label: "step 3: field", update: press("a:teaching") },
  { label: "step 4: problem", update: text("Học sinh còn thụ động. ".repeat(40)) },
  { label: "step 5: date", update: text("05/09/2025") },
  { label: "step 6: essence", update: text("Tổ chức trò chơi học tập theo nhóm. ".repeat(60)) },
  { label: "step 7: conditions", update: text("Máy chiếu, phiếu học tập.") },
  { label: "step 8: benefits", update: text("Tỷ lệ khá giỏi tăng từ 40% lên 55%. ".repeat(20)) },
  { label: "step 9: confidential (skip)", update: press("f:skip") },
  { label: "step 10: co-authors (skip)", update: press("f:skip") },
  { label: "step 11: scope", update: press("a:province") },
  { label: "step 12: attachments (done)", update: press("f:done") },
  { label: "submit", update: press("f:submit") },
];
const FIRST_STEP = "step 1: title";
const LAST_STEP = "step 12: attachments (done)";

interface Timings {
  wallMs: number;
  updates: number;
  all: number[];
  byLabel: Map<string, number[]>;
}

/** Every teacher goes through `steps` one update after another; all teachers at once. */
async function drive(
  handle: (u: Update) => Promise<void>,
  chatIds: number[],
  steps: Step[],
): Promise<Timings> {
  let updateId = 1;
  const all: number[] = [];
  const byLabel = new Map<string, number[]>();
  const started = performance.now();
  await Promise.all(
    chatIds.map(async (chatId) => {
      for (const step of steps) {
        const update = { update_id: updateId++, ...step.update(chatId) } as Update;
        const t0 = performance.now();
        await handle(update);
        const ms = performance.now() - t0;
        all.push(ms);
        const list = byLabel.get(step.label) ?? [];
        list.push(ms);
        byLabel.set(step.label, list);
      }
    }),
  );
  return { wallMs: performance.now() - started, updates: all.length, all, byLabel };
}

/** Busy and total CPU time of the whole machine (all processes, PostgreSQL's included) from /proc/stat, in ticks. */
function machineCpu(since?: { busy: number; total: number }): { busy: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const busy = total - (fields[3] ?? 0) - (fields[4] ?? 0); // minus idle and iowait
  return since ? { busy: busy - since.busy, total: total - since.total } : { busy, total };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

async function withServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.href;
}

// ---- the bot under test --------------------------------------------------------------------------------------
const dbName = `bench_conv_${Date.now()}`;
await withServer(SERVER, (c) => c.query(`create database ${dbName}`));
const config = loadConfig({ BOT_TOKEN: TOKEN, DATABASE_URL: databaseUrl(dbName), LOG_LEVEL: "silent" });
const database = await createDatabase({ kind: "postgres", url: databaseUrl(dbName), poolSize: 10 });
await migrateToLatest(database.db);
const services = createServices(database.db, config);
await services.units.importCatalogue(
  readFileSync(new URL("../seed/demo-units.csv", import.meta.url), "utf8"),
);
const unit = (await services.units.search("thpt le loi"))[0];
const chatIds = Array.from({ length: TEACHERS }, (_, i) => 100_000 + i);
for (const chatId of chatIds) {
  const user = await services.users.identify({ id: chatId, first_name: "T" });
  await services.users.register(user.id, `Giáo viên ${chatId}`, unit?.id ?? 0);
}

const telegram = inProcessTelegram();
const bot = createBot(
  config,
  { db: database.db, logger: createLogger("silent"), services },
  {
    botInfo: BENCH_BOT_INFO,
    client: { fetch: telegram.fetch },
  },
);
await bot.init();
const machineBefore = machineCpu();
const botBefore = process.cpuUsage();
const form = await drive((u) => bot.handleUpdate(u), chatIds, FORM);
const botCpu = process.cpuUsage(botBefore);
const machine = machineCpu(machineBefore);
const submitted = await database.db
  .selectFrom("submissions")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .where("status", "=", "submitted")
  .executeTakeFirstOrThrow();
await database.close();

// ---- reference 1: a bare grammY bot that echoes, same harness --------------------------------------------------
const EMPTY: Timings = { wallMs: Number.NaN, updates: 0, all: [], byLabel: new Map() };
const echoTelegram = inProcessTelegram();
const echo = new Bot(TOKEN, { botInfo: BENCH_BOT_INFO, client: { fetch: echoTelegram.fetch } });
echo.on("message:text", (ctx) => ctx.reply(ctx.message.text));
const echoSteps = FORM.map((s, i) => ({ label: s.label, update: text(`echo ${i}`) }));
const bare = REFERENCES ? await drive((u) => echo.handleUpdate(u), chatIds, echoSteps) : EMPTY;

// ---- reference 2: pgbench -N (simple-update transactions, each persisting) ------------------------------------
const pgbenchDb = `bench_pgbench_${Date.now()}`;
await withServer(SERVER, (c) => c.query(`create database ${pgbenchDb}`));
const server = new URL(SERVER);
const pgArgs = [
  "-h",
  server.hostname,
  "-p",
  server.port || "5432",
  "-U",
  decodeURIComponent(server.username || "postgres"),
];
execFileSync("pgbench", [...pgArgs, "-i", "-s", "10", "-q", pgbenchDb], { stdio: "ignore" });
const pgbenchOut = execFileSync("pgbench", [...pgArgs, "-N", "-c", "10", "-j", "2", "-T", "15", pgbenchDb], {
  encoding: "utf8",
});
const tps = Number(/tps = ([\d.]+)/.exec(pgbenchOut)?.[1] ?? Number.NaN);
await withServer(SERVER, async (c) => {
  await c.query(`drop database if exists ${dbName} with (force)`);
  await c.query(`drop database if exists ${pgbenchDb} with (force)`);
});

// ---- report ---------------------------------------------------------------------------------------------------
const rate = (t: Timings) => (t.updates / t.wallMs) * 1000;
const first = pct(form.byLabel.get(FIRST_STEP) ?? [], 50);
const last = pct(form.byLabel.get(LAST_STEP) ?? [], 50);
console.log(
  `\n${TEACHERS} teachers × ${FORM.length} updates each, all at once; PostgreSQL pool of 10; ${submitted.n} submissions stored\n`,
);
console.log("| harness | updates | updates/s | p50 ms | p99 ms |");
console.log("|---|---:|---:|---:|---:|");
for (const [name, t] of [
  ["thi-đua bot: whole initiative form", form],
  ["bare grammY echo bot (reference)", bare],
] as const) {
  console.log(
    `| ${name} | ${t.updates} | ${rate(t).toFixed(0)} | ${pct(t.all, 50).toFixed(1)} | ${pct(t.all, 99).toFixed(1)} |`,
  );
}
console.log(`| pgbench -N, 10 clients (reference) | — | ${tps.toFixed(0)} tps | — | — |`);
console.log(`\nbot updates/s as a share of pgbench tps: ${(rate(form) / tps).toFixed(2)} (target ≥ 0.6)`);
console.log(
  `bot process CPU per update: ${((botCpu.user + botCpu.system) / 1000 / form.updates).toFixed(2)} ms ` +
    `(user ${(botCpu.user / 1000 / form.updates).toFixed(2)}, system ${(botCpu.system / 1000 / form.updates).toFixed(2)}); ` +
    `machine busy during the form run: ${((machine.busy / machine.total) * 100).toFixed(0)}% of ${availableParallelism()} cores`,
);
// Everything busy that is not this process is, during the run, PostgreSQL: its CPU cost of one update.
const cores = availableParallelism();
const machineCpuMs = (machine.busy / machine.total) * cores * form.wallMs;
const otherMs = (machineCpuMs - (botCpu.user + botCpu.system) / 1000) / form.updates;
console.log(
  `other processes (PostgreSQL) CPU per update: ${otherMs.toFixed(2)} ms; pgbench: ${((cores * 1000) / tps).toFixed(2)} ms of machine CPU per transaction`,
);
console.log(`p50 handling of the first form step (${FIRST_STEP}): ${first.toFixed(1)} ms`);
console.log(
  `p50 handling of the last form step (${LAST_STEP}): ${last.toFixed(1)} ms — ratio ${(last / first).toFixed(2)} (target ≤ 2)`,
);
console.log("\nper step, p50 / p99 ms:");
for (const step of FORM) {
  const xs = form.byLabel.get(step.label) ?? [];
  console.log(
    `  ${step.label.padEnd(30)} ${pct(xs, 50).toFixed(1).padStart(7)} ${pct(xs, 99).toFixed(1).padStart(8)}`,
  );
}
console.log(
  `\nBot API calls answered in process: ${[...telegram.calls.entries()].map(([m, n]) => `${m} ${n}`).join(", ")}`,
);
