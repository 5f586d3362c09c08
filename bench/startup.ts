/**
 * Startup figures: time from `npm start` to the bot taking updates (its first getUpdates at a local fake Bot API),
 * with a fresh and with an existing data directory, and the resident memory of the idle bot. Beside `npm start`, in
 * the same run and interleaved: the same compiled code on Node's own defaults (`node dist/src/main.js`, without the
 * V8 settings `npm start` gives it) and the source through tsx (`npm run dev`). For the first two, what the settings
 * cost: a burst of teachers registering (/start, name, unit search, unit, save) through the running process, with
 * its CPU time per update and its memory after the burst and once idle again.
 *
 *   npm run bench:startup [-- --runs 5 --teachers 200]   (set BENCH_DATABASE_URL to add the PostgreSQL rows)
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fakeApiEnv, ROOT, seedDemoUnits, tempDir } from "../test/helpers/bot-process.js";
import { FakeChat } from "../test/helpers/fake-chat.js";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.js";
import { registerThroughStart } from "../test/helpers/register.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, teachers: { type: "string", default: "200" } },
});
const RUNS = Number(values.runs);
const TEACHERS = Number(values.teachers);
const IDLE_SECONDS = 10;
/** Registrations in flight at once during the burst. */
const AT_ONCE = 40;
/** Updates one registration sends: /start, keep the name, the unit search, the unit, save. */
const UPDATES_PER_TEACHER = 5;

interface Run {
  ms: number;
  rssMb: number;
  burst?: { cpuMsPerUpdate: number; updatesPerSecond: number; rssAfterMb: number; rssSettledMb: number };
}

/**
 * `start`: the compiled JavaScript with npm start's V8 settings (production); `defaults`: the same code on Node's own
 * defaults (the reference); `dev`: the TypeScript source through tsx, as before the build.
 */
type Script = "start" | "defaults" | "dev";
const COMMANDS: Record<Script, string[]> = {
  start: ["npm", "run", "start", "--silent"],
  defaults: ["node", "--enable-source-maps", "dist/src/main.js"],
  dev: ["npm", "run", "dev", "--silent"],
};

let nextTeacher = 500_000;

/** Registers `TEACHERS` new teachers, `AT_ONCE` at a time, through the running bot. */
async function burst(api: FakeTelegramApi, botPid: number): Promise<NonNullable<Run["burst"]>> {
  const cpuBefore = cpuMsOf(botPid);
  const started = performance.now();
  const ids = Array.from({ length: TEACHERS }, () => nextTeacher++);
  const workers = Array.from({ length: AT_ONCE }, async () => {
    for (let id = ids.shift(); id !== undefined; id = ids.shift())
      await registerThroughStart(api, new FakeChat(api, id));
  });
  await Promise.all(workers);
  const seconds = (performance.now() - started) / 1000;
  const updates = TEACHERS * UPDATES_PER_TEACHER;
  const cpuMsPerUpdate = (cpuMsOf(botPid) - cpuBefore) / updates;
  const rssAfterMb = rssOf(botPid);
  await new Promise((r) => setTimeout(r, 2 * IDLE_SECONDS * 1000));
  return { cpuMsPerUpdate, updatesPerSecond: updates / seconds, rssAfterMb, rssSettledMb: rssOf(botPid) };
}

async function startOnce(
  api: FakeTelegramApi,
  env: Record<string, string>,
  measureRss: boolean,
  script: Script = "start",
  withBurst = false,
): Promise<Run> {
  const since = api.mark();
  const started = performance.now();
  const [command = "npm", ...args] = COMMANDS[script];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...fakeApiEnv(api),
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  await api.waitForCall((c) => c.method === "getUpdates", { since, timeoutMs: 60_000 });
  const ms = performance.now() - started;
  let rssMb = Number.NaN;
  let burstRun: Run["burst"];
  if (measureRss) {
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const botPid = botPidUnder(child.pid as number);
    rssMb = rssOf(botPid);
    if (withBurst) burstRun = await burst(api, botPid);
  }
  process.kill(-(child.pid as number), "SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return { ms, rssMb, ...(burstRun ? { burst: burstRun } : {}) };
}

function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** User plus system CPU time of a process so far, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  // The fields after the command's closing parenthesis; utime and stime are the 14th and 15th of the whole line.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The node process running the bot (source or compiled): the process itself or a descendant of the npm process. */
function botPidUnder(rootPid: number): number {
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (argv[0]?.endsWith("node") && argv.some((a) => /src\/main\.(ts|js)$/.test(a))) return pid;
    try {
      queue.push(
        ...readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number),
      );
    } catch {
      // The process is gone.
    }
  }
  throw new Error(`no bot process under ${rootPid}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const benchDatabases: string[] = [];

async function freshPostgresUrl(server: string): Promise<string> {
  const name = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await runOnServer(server, `create database ${name}`);
  benchDatabases.push(name);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

// `npm start` runs the compiled code: build it from the source as it is now.
execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });

const api = await FakeTelegramApi.start();
const rows: { scenario: string; median: number; min: number; max: number; rss?: number }[] = [];

/** Every command's idle runs, interleaved so each sees the machine in the same state; bursts for start and defaults. */
async function idleRuns(env: Record<string, string>): Promise<Record<Script, Run[]>> {
  const runs: Record<Script, Run[]> = { start: [], defaults: [], dev: [] };
  for (let i = 0; i < RUNS; i++)
    for (const script of ["start", "defaults", "dev"] as const)
      runs[script].push(await startOnce(api, env, true, script, script !== "dev"));
  return runs;
}

const burstRows: { scenario: string; runs: Run[] }[] = [];
const summarize = (scenario: string, runs: Run[]) => {
  const ms = runs.map((r) => r.ms);
  // The median of the runs' idle RSS: how far V8's young generation grew during start varies from run to run.
  const measured = runs.map((r) => r.rssMb).filter((mb) => !Number.isNaN(mb));
  const rss = measured.length > 0 ? median(measured) : undefined;
  rows.push({
    scenario,
    median: median(ms),
    min: Math.min(...ms),
    max: Math.max(...ms),
    ...(rss ? { rss } : {}),
  });
  if (runs.some((r) => r.burst)) burstRows.push({ scenario, runs });
};
const LABELS: Record<Script, string> = {
  start: "npm start",
  defaults: "the same code on Node's defaults (node dist/src/main.js)",
  dev: "the source through tsx (npm run dev)",
};

const fresh: Run[] = [];
for (let i = 0; i < RUNS; i++) fresh.push(await startOnce(api, { DATA_DIR: tempDir("bench-fresh-") }, false));
const existingDir = tempDir("bench-existing-");
await startOnce(api, { DATA_DIR: existingDir }, false); // creates and migrates it
seedDemoUnits({ DATA_DIR: existingDir }); // the units the burst's teachers find
const existing = await idleRuns({ DATA_DIR: existingDir });
summarize("PGlite, fresh DATA_DIR (init + migrations), npm start", fresh);
for (const script of ["start", "defaults", "dev"] as const)
  summarize(`PGlite, existing DATA_DIR, ${LABELS[script]}`, existing[script]);

const server = process.env.BENCH_DATABASE_URL;
if (server) {
  const pgFresh: Run[] = [];
  for (let i = 0; i < RUNS; i++)
    pgFresh.push(await startOnce(api, { DATABASE_URL: await freshPostgresUrl(server) }, false));
  const existingUrl = await freshPostgresUrl(server);
  await startOnce(api, { DATABASE_URL: existingUrl }, false);
  seedDemoUnits({ DATABASE_URL: existingUrl });
  const pgExisting = await idleRuns({ DATABASE_URL: existingUrl });
  summarize("PostgreSQL, fresh database, npm start", pgFresh);
  for (const script of ["start", "defaults", "dev"] as const)
    summarize(`PostgreSQL, migrated database, ${LABELS[script]}`, pgExisting[script]);
  for (const name of benchDatabases)
    await runOnServer(server, `drop database if exists ${name} with (force)`);
}
await api.stop();

console.log(
  `\nstart -> first getUpdates (${RUNS} runs each); median RSS of the bot process after ${IDLE_SECONDS} s idle\n`,
);
console.log("| scenario | median ms | min ms | max ms | idle RSS MB |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ${r.rss ? r.rss.toFixed(0) : "—"} |`,
  );
}

console.log(
  `\nThen ${TEACHERS} teachers register (${UPDATES_PER_TEACHER} updates each, ${AT_ONCE} at once) through the same` +
    ` process; medians of ${RUNS} runs (min–max)\n`,
);
console.log("| process | bot CPU ms per update | updates/s | RSS after the burst MB | RSS 20 s later MB |");
console.log("|---|---:|---:|---:|---:|");
const spread = (xs: number[], digits: number) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
for (const { scenario, runs } of burstRows) {
  const b = runs.flatMap((r) => (r.burst ? [r.burst] : []));
  console.log(
    `| ${scenario} | ${spread(
      b.map((x) => x.cpuMsPerUpdate),
      2,
    )} | ${spread(
      b.map((x) => x.updatesPerSecond),
      0,
    )} | ${spread(
      b.map((x) => x.rssAfterMb),
      0,
    )} | ${spread(
      b.map((x) => x.rssSettledMb),
      0,
    )} |`,
  );
}
