/**
 * Teachers filling in the initiative form through the whole update path — the inbox (stored as a webhook stores
 * it), the dispatcher's claims, createBot's middleware, the form's step machine and the database — on real
 * PostgreSQL, with the Bot API answered in process. Prints, in one run:
 *   1. per form step: SQL statements (= round trips), bytes written and read, for the handler and for the intake;
 *   2. all at once: the whole form (the stress figure) and the plain steps of open forms: updates/s, SQL statements,
 *      bot and PostgreSQL CPU per update, beside pgbench -N and the echo bot's own CPU per update;
 *   3. open loop: updates arriving at fixed rates across 1,000 teachers (each teacher's in order), p50/p99 from
 *      arrival to reply (each rate run --repeat times: the median and the worst), and the highest rate with p99 < 50 ms
 *      — for the bot and for a bare grammY echo bot.
 *
 *   npm run bench:conversations [-- --teachers 1000 --seconds 5 --rates 100,200,400,800 --repeat 3]
 *   (BENCH_DATABASE_URL, default the local server)
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { createBot } from "../src/bot/index.js";
import { loadConfig } from "../src/config.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { customParsers } from "../src/db/type-parsers.js";
import type { Database } from "../src/db/types.js";
import { startDispatcher } from "../src/intake/dispatcher.js";
import { webhookUpdateStore } from "../src/intake/update-store.js";
import { createLogger } from "../src/logger.js";
import { createServices } from "../src/services.js";
import { BENCH_BOT_INFO, inProcessTelegram } from "./in-process-telegram.js";
import { emptyCount, meteredPool, type SqlCount } from "./sql-meter.js";

const { values } = parseArgs({
  options: {
    teachers: { type: "string", default: "1000" },
    seconds: { type: "string", default: "5" },
    rates: { type: "string", default: "100,200,400,600,800,1000" },
    /** Open-loop runs per rate: one stall of this shared machine (~50 ms) lifts a 5 s run's p99 on its own. */
    repeat: { type: "string", default: "3" },
    /** Updates handled at once (UPDATE_CONCURRENCY); by default the bot's own default. */
    concurrency: { type: "string" },
  },
});
const TEACHERS = Number(values.teachers);
const SECONDS = Number(values.seconds);
const RATES = values.rates.split(",").map(Number);
const REPEAT = Number(values.repeat);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TOKEN = "123456789:BENCH-token-for-the-in-process-fake";

// ---- updates ------------------------------------------------------------------------------------------------
let messageId = 1;
const from = (chatId: number) => ({ id: chatId, is_bot: false, first_name: "T" });
const chat = (chatId: number) => ({ id: chatId, type: "private" as const, first_name: "T" });
const text = (t: string) => (chatId: number) => ({
  message: {
    message_id: messageId++,
    date: 0,
    chat: chat(chatId),
    from: from(chatId),
    text: t,
    ...(t.startsWith("/")
      ? { entities: [{ type: "bot_command" as const, offset: 0, length: t.length }] }
      : {}),
  },
});
const press = (data: string) => (chatId: number) => ({
  callback_query: {
    id: String(messageId++),
    from: from(chatId),
    chat_instance: "ci",
    data,
    message: { message_id: 1, date: 0, chat: chat(chatId), text: "…" },
  },
});
type Step = { label: string; update: (chatId: number) => Omit<Update, "update_id"> };
/**
 * Titles as different as real ones: six words of a teacher's vocabulary, chosen by the chat id. (A thousand
 * identical titles would make every title step pay for the similar-title check against all of them, the known
 * cost issue 11 addresses, and hide the update path this bench measures.)
 */
const WORDS = (
  "ứng dụng trò chơi dạy học toán văn lịch sử địa lý vật lý hóa sinh tiếng anh tin học âm nhạc mỹ thuật thể dục " +
  "kỹ năng sống stem dự án nhóm hợp tác đánh giá phẩm chất năng lực chuyển đổi số học sinh lớp tiểu học trung học " +
  "phổ thông thư viện đọc sách câu lạc bộ trải nghiệm hướng nghiệp an toàn giao thông môi trường xanh sạch đẹp"
).split(" ");
const titleOf = (chatId: number) =>
  Array.from({ length: 6 }, (_, i) => WORDS[(chatId * 7919 + i * 104_729) % WORDS.length]).join(" ");
/** The whole initiative form, as a teacher goes through it. */
const FORM: Step[] = [
  { label: "/submit", update: text("/submit") },
  { label: "choose kind (opens the form)", update: press("sub:kind:initiative") },
  { label: "step 1: title", update: (chatId) => text(titleOf(chatId))(chatId) },
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
/**
 * The open-loop form: the answers after the title, to drafts already open at the type (every update is a form
 * step of two round trips; the title step's similar-title check is measured in part 1).
 */
const ANSWERS = FORM.slice(3, 12);

// ---- helpers --------------------------------------------------------------------------------------------------
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
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
async function withServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const databaseUrl = (name: string) => Object.assign(new URL(SERVER), { pathname: `/${name}` }).href;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the bot under test, on a metered pool ---------------------------------------------------------------------
const dbName = `bench_conv_${Date.now()}`;
await withServer(SERVER, (c) => c.query(`create database ${dbName}`));
const meter = new AsyncLocalStorage<SqlCount>();
const counts = new Map<string, SqlCount>();
const countFor = (label: string) =>
  counts.get(label) ?? (counts.set(label, emptyCount()).get(label) as SqlCount);
const pool = meteredPool(
  {
    connectionString: databaseUrl(dbName),
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        customParsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
    },
  },
  // Queries made outside an update's handling are the intake's (claims, marks, lease renewals); once the metered
  // part is over, every statement is counted in one total, cheaply.
  () => (metering ? (meter.getStore() ?? countFor("intake")) : total),
);
let metering = true;
const total = emptyCount(true);
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
await migrateToLatest(db);
const config = loadConfig({ BOT_TOKEN: TOKEN, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "100000" });
const CONCURRENCY = Number(values.concurrency ?? config.updateConcurrency);
const services = createServices(db, config);
await services.units.importCatalogue(
  readFileSync(new URL("../seed/demo-units.csv", import.meta.url), "utf8"),
);
const unitId = (await services.units.search("thpt le loi"))[0]?.id ?? 0;

/** `count` registered teachers from `first` on; with `openForms`, each with a titled draft at its type, form open. */
async function seedTeachers(first: number, count: number, openForms: boolean): Promise<number[]> {
  const last = first + count - 1;
  // The Telegram name as the updates carry it, so identifying them is the plain read it is for a known teacher.
  await sql`insert into users (telegram_id, full_name, telegram_name, unit_id)
    select g, 'Giáo viên ' || g, 'T', ${unitId} from generate_series(${first}::bigint, ${last}::bigint) g`.execute(
    db,
  );
  if (openForms) {
    await sql`insert into submissions (kind, submitter_id, unit_id, draft_step, fields, title)
      select 'initiative', id, unit_id, 'initiativeType', jsonb_build_object('title', full_name), full_name
      from users where telegram_id between ${first} and ${last}`.execute(db);
    await sql`update users u set active_draft_id = s.id from submissions s
      where s.submitter_id = u.id and u.telegram_id between ${first} and ${last}`.execute(db);
  }
  return Array.from({ length: count }, (_, i) => first + i);
}

const telegram = inProcessTelegram();
const bot = createBot(
  config,
  { db, logger: createLogger("silent"), services },
  { botInfo: BENCH_BOT_INFO, client: { fetch: telegram.fetch } },
);
await bot.init();

/** Per update: the step it is (for the SQL meter) and who waits for it to be handled. */
const pending = new Map<number, { label: string; done: (at: number) => void }>();
const dispatcher = startDispatcher(
  {
    db,
    logger: createLogger("silent"),
    instance: "bench",
    handle: async (u) => {
      const p = pending.get(u.update_id);
      if (metering) await meter.run(countFor(p?.label ?? "?"), () => bot.handleUpdate(u));
      else await bot.handleUpdate(u);
      pending.delete(u.update_id);
      p?.done(performance.now());
    },
  },
  { concurrency: CONCURRENCY, leaseMs: 30_000, idlePollMs: 50 },
);
let nextUpdateId = 1;
const storeUpdate = webhookUpdateStore(db);
/** Offers one update as a webhook would (stored, then handled); resolves with the time it was handled. */
async function offer(label: string, body: Omit<Update, "update_id">): Promise<number> {
  const update = { update_id: nextUpdateId++, ...body } as Update;
  const handled = new Promise<number>((done) => pending.set(update.update_id, { label, done }));
  if (!metering) {
    await storeUpdate(update);
    dispatcher.wake();
    return handled;
  }
  await meter.run(countFor("intake: store"), () => storeUpdate(update));
  // Woken outside the meter, so the claims it leads to are counted as the intake's.
  meter.exit(() => dispatcher.wake());
  return handled;
}

// ---- 1. per step (one teacher at a time, so nothing queues) -------------------------------------------------------
const perStepTeachers = await seedTeachers(200_000, 50, false);
counts.clear();
for (const chatId of perStepTeachers) for (const step of FORM) await offer(step.label, step.update(chatId));
const perStep = new Map(counts);
const perStepUpdates = perStepTeachers.length * FORM.length;

const perStepIntake = counts.get("intake") ?? emptyCount();
// The meter's async context tracks every promise of the process; the figures below are of the bot alone.
metering = false;
meter.disable();

// ---- the reference: pgbench -N on the same server, measured beside the saturated runs (the machine is shared and
// its speed drifts: the runs are compared with the mean of the pgbench runs just before and just after them).
const server = new URL(SERVER);
const pgArgs = [
  "-h",
  server.hostname,
  "-p",
  server.port || "5432",
  "-U",
  decodeURIComponent(server.username || "postgres"),
];
const pgbenchDb = `bench_pgbench_${Date.now()}`;
await withServer(SERVER, (c) => c.query(`create database ${pgbenchDb}`));
execFileSync("pgbench", [...pgArgs, "-i", "-s", "10", "-q", pgbenchDb], { stdio: "ignore" });
function pgbench(): number {
  const out = execFileSync("pgbench", [...pgArgs, "-N", "-c", "10", "-j", "2", "-T", "10", pgbenchDb], {
    encoding: "utf8",
  });
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
}

// ---- 2. all at once (stress) -------------------------------------------------------------------------------------
interface Saturated {
  updates: number;
  rate: number;
  p50: number;
  p99: number;
  botMs: number;
  botUserMs: number;
  botSystemMs: number;
  otherMs: number;
  busy: number;
  statements: number;
}
/** Every teacher goes through `steps` as fast as the bot answers, all teachers at once. */
async function saturate(teachers: number[], steps: Step[]): Promise<Saturated> {
  const statementsBefore = total.statements;
  const machineBefore = machineCpu();
  const cpuBefore = process.cpuUsage();
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    teachers.map(async (chatId) => {
      for (const step of steps) {
        const t0 = performance.now();
        latencies.push((await offer(step.label, step.update(chatId))) - t0);
      }
    }),
  );
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const machine = machineCpu(machineBefore);
  const updates = teachers.length * steps.length;
  const machineMs = (machine.busy / machine.total) * availableParallelism() * ms;
  return {
    updates,
    rate: (updates / ms) * 1000,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    botMs: (cpu.user + cpu.system) / 1000 / updates,
    botUserMs: cpu.user / 1000 / updates,
    botSystemMs: cpu.system / 1000 / updates,
    otherMs: (machineMs - (cpu.user + cpu.system) / 1000) / updates,
    busy: machine.busy / machine.total,
    statements: (total.statements - statementsBefore) / updates,
  };
}
const tpsBefore = pgbench();
const wholeForm = await saturate(await seedTeachers(300_000, TEACHERS, false), FORM);
const formSteps = await saturate(await seedTeachers(350_000, 2 * TEACHERS, true), ANSWERS);
const tpsAfter = pgbench();
const tps = (tpsBefore + tpsAfter) / 2;
await withServer(SERVER, (c) => c.query(`drop database if exists ${pgbenchDb} with (force)`));

// ---- 3. open loop ------------------------------------------------------------------------------------------------
interface OpenLoop {
  rate: number;
  offered: number;
  p50: number;
  p99: number;
}
/** Updates arrive at `rate`/s for SECONDS, teacher after teacher, each teacher's answers in order. */
async function openLoop(
  rate: number,
  teachers: number[],
  send: (k: number, chatId: number, round: number) => Promise<number>,
): Promise<OpenLoop> {
  const total = Math.min(Math.round(rate * SECONDS), teachers.length * ANSWERS.length);
  const latencies: Promise<number>[] = [];
  const start = performance.now();
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const chatId = teachers[k % teachers.length] as number;
    // From the arrival time, or from the offer when the timer let it go a fraction of a millisecond early.
    const arrived = Math.min(due, performance.now());
    latencies.push(send(k, chatId, Math.floor(k / teachers.length)).then((at) => at - arrived));
  }
  const all = await Promise.all(latencies);
  return { rate, offered: total, p50: pct(all, 50), p99: pct(all, 99) };
}
const botLoops: OpenLoop[][] = [];
let population = 400_000;
for (const rate of RATES) {
  const runs: OpenLoop[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const teachers = await seedTeachers(population, TEACHERS, true);
    population += TEACHERS;
    runs.push(
      await openLoop(rate, teachers, (_k, chatId, round) =>
        offer("open loop", (ANSWERS[round] as Step).update(chatId)),
      ),
    );
  }
  botLoops.push(runs);
}
await dispatcher.stop();

// ---- references: a bare grammY echo bot in the same open loop; pgbench -N ----------------------------------------
const echoTelegram = inProcessTelegram();
const echo = new Bot(TOKEN, { botInfo: BENCH_BOT_INFO, client: { fetch: echoTelegram.fetch } });
echo.on("message:text", (ctx) => ctx.reply(ctx.message.text));
echo.on("callback_query:data", (ctx) => ctx.reply(ctx.callbackQuery.data));
const echoLoops: OpenLoop[][] = [];
let echoUpdateId = 0;
for (const rate of RATES) {
  const runs: OpenLoop[] = [];
  for (let r = 0; r < REPEAT; r++) {
    const chains = new Map<number, Promise<number>>();
    runs.push(
      await openLoop(
        rate,
        Array.from({ length: TEACHERS }, (_, i) => 900_000 + i),
        (_k, chatId, round) => {
          const update = { update_id: ++echoUpdateId, ...(ANSWERS[round] as Step).update(chatId) } as Update;
          // One chat's updates one after another, as the bot's inbox hands them out.
          const handled = (chains.get(chatId) ?? Promise.resolve(0))
            .then(() => echo.handleUpdate(update))
            .then(() => performance.now());
          chains.set(chatId, handled);
          return handled;
        },
      ),
    );
  }
  echoLoops.push(runs);
}

/** The echo bot's own cost: the plain steps' updates, all at once, each chat's one after another. */
async function saturateEcho(): Promise<{ updates: number; rate: number; botMs: number }> {
  const updates = Array.from({ length: TEACHERS }, (_, i) =>
    ANSWERS.map((step, k) => ({ update_id: 1 + k * TEACHERS + i, ...step.update(950_000 + i) }) as Update),
  );
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    updates.map(async (chat) => {
      for (const u of chat) await echo.handleUpdate(u);
    }),
  );
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const n = TEACHERS * ANSWERS.length;
  return { updates: n, rate: (n / ms) * 1000, botMs: (cpu.user + cpu.system) / 1000 / n };
}
const echoSaturated = await saturateEcho();

await db.destroy();
await withServer(SERVER, async (c) => {
  await c.query(`drop database if exists ${dbName} with (force)`);
});

// ---- report ---------------------------------------------------------------------------------------------------------
const teachersPerStep = perStepUpdates / FORM.length;
const per = (n: number, of = teachersPerStep) => (n / of).toFixed(n / of < 10 ? 2 : 0);
console.log(
  `\n1. Per form step, ${teachersPerStep} teachers one at a time (a round trip = an SQL statement over pg)\n`,
);
console.log("| update | handler round trips | handler bytes written | handler bytes read |");
console.log("|---|---:|---:|---:|");
for (const step of FORM) {
  const c = perStep.get(step.label) ?? emptyCount();
  console.log(`| ${step.label} | ${per(c.statements)} | ${per(c.bytesWritten)} | ${per(c.bytesRead)} |`);
}
for (const [label, c] of [
  [
    "intake, per update: store (as a webhook does; polling stores a batch at once)",
    perStep.get("intake: store"),
  ],
  ["intake, per update: claim + mark handled, one teacher at a time", perStepIntake],
] as const) {
  const k = c ?? emptyCount();
  const n = perStepUpdates;
  console.log(`| ${label} | ${per(k.statements, n)} | ${per(k.bytesWritten, n)} | ${per(k.bytesRead, n)} |`);
}
const cores = availableParallelism();
console.log(
  `\n2. All at once, through the inbox: ${TEACHERS} teachers × the ${FORM.length} updates of the whole form (the stress figure), and ${2 * TEACHERS} teachers × the ${ANSWERS.length} plain steps of an open form\n`,
);
console.log(
  "| harness | updates | updates/s | share of pgbench | p50 ms | p99 ms | SQL statements per update | bot CPU ms per update (user + system) | PostgreSQL CPU ms per update |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const [label, r] of [
  ["thi-đua bot, whole form", wholeForm],
  ["thi-đua bot, plain form steps", formSteps],
] as const) {
  console.log(
    `| ${label} | ${r.updates} | ${r.rate.toFixed(0)} | ${(r.rate / tps).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.statements.toFixed(2)} | ${r.botMs.toFixed(2)} (${r.botUserMs.toFixed(2)} + ${r.botSystemMs.toFixed(2)}) | ${r.otherMs.toFixed(2)} |`,
  );
}
console.log(
  `| bare grammY echo bot, the plain steps' updates | ${echoSaturated.updates} | ${echoSaturated.rate.toFixed(0)} | — | — | — | — | ${echoSaturated.botMs.toFixed(3)} | — |`,
);
console.log(
  `| pgbench -N, 10 clients (reference; ${tpsBefore.toFixed(0)} before, ${tpsAfter.toFixed(0)} after) | — | ${tps.toFixed(0)} tps | 1 | — | — | 5 | — | ${((cores * 1000) / tps).toFixed(2)} (machine, per transaction) |`,
);
console.log(
  `\ntargets: plain form steps ≥ 0.6 × pgbench; bot CPU ≤ 0.5 ms per update. Machine busy: whole form ${(wholeForm.busy * 100).toFixed(0)}%, plain steps ${(formSteps.busy * 100).toFixed(0)}% of ${cores} cores`,
);
console.log(
  `\n3. Open loop: updates offered at a fixed rate for ${SECONDS} s, ${REPEAT} times per rate, across ${TEACHERS} teachers (each teacher's in order); arrival → handled\n`,
);
console.log(
  `| offered updates/s | bot p50 ms | bot p99 ms (median of ${REPEAT}) | echo bot p50 ms | echo bot p99 ms (median of ${REPEAT}) |`,
);
console.log("|---:|---:|---:|---:|---:|");
// Per rate, the median of the runs' p50 and p99, and the worst p99 of the runs.
const summary = (runs: OpenLoop[]) => {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return {
    rate: runs[0]?.rate ?? 0,
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    worst: Math.max(...runs.map((r) => r.p99)),
  };
};
const botRows = botLoops.map(summary);
const echoed = echoLoops.map(summary);
for (const [i, b] of botRows.entries()) {
  const e = echoed[i] as ReturnType<typeof summary>;
  console.log(
    `| ${b.rate} | ${b.p50.toFixed(1)} | ${b.p99.toFixed(1)} (worst ${b.worst.toFixed(1)}) | ${e.p50.toFixed(1)} | ${e.p99.toFixed(1)} (worst ${e.worst.toFixed(1)}) |`,
  );
}
// The highest rate up to which every rate kept its median p99 under 50 ms.
const best = (rows: ReturnType<typeof summary>[]) => {
  let ok = 0;
  for (const row of rows) {
    if (row.p99 >= 50) break;
    ok = row.rate;
  }
  return ok;
};
console.log(
  `\nhighest offered rate with p99 < 50 ms (median of ${REPEAT} runs, at that rate and every lower one): bot ${best(botRows)}/s, echo bot ${best(echoed)}/s (target: bot 800/s)`,
);
