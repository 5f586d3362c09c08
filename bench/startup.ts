/**
 * Startup figures: time from `npm start` to the bot taking updates (its first getUpdates at a local fake Bot API),
 * with a fresh and with an existing data directory, and the resident memory of the idle bot.
 *
 *   npm run bench:startup [-- --runs 5]          (set BENCH_DATABASE_URL to add a PostgreSQL row)
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { ROOT, TEST_BOT_TOKEN, tempDir } from "../test/helpers/bot-process.js";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const RUNS = Number(values.runs);
const IDLE_SECONDS = 10;

interface Run {
  ms: number;
  rssMb: number;
}

/** `start`: the compiled JavaScript (production); `dev`: the TypeScript source through tsx, as before the build. */
type Script = "start" | "dev";

async function startOnce(
  api: FakeTelegramApi,
  env: Record<string, string>,
  measureRss: boolean,
  script: Script = "start",
): Promise<Run> {
  const since = api.mark();
  const started = performance.now();
  const child = spawn("npm", ["run", script, "--silent"], {
    cwd: ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: "ignore",
    detached: true,
  });
  await api.waitForCall((c) => c.method === "getUpdates", { since, timeoutMs: 60_000 });
  const ms = performance.now() - started;
  let rssMb = Number.NaN;
  if (measureRss) {
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    rssMb = rssOfBot(child.pid as number);
  }
  process.kill(-(child.pid as number), "SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return { ms, rssMb };
}

/** RSS of the node process running the bot (source or compiled), found among the descendants of the npm process. */
function rssOfBot(npmPid: number): number {
  const queue = [npmPid];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (argv[0]?.endsWith("node") && argv.some((a) => /src\/main\.(ts|js)$/.test(a))) {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      return Number(kb) / 1024;
    }
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
  return Number.NaN;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const benchDatabases: string[] = [];

async function onServer(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(statement);
  await client.end();
}

async function freshPostgresUrl(server: string): Promise<string> {
  const name = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await onServer(server, `create database ${name}`);
  benchDatabases.push(name);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.href;
}

// `npm start` runs the compiled code: build it from the source as it is now.
execFileSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });

const api = await FakeTelegramApi.start();
const rows: { scenario: string; median: number; min: number; max: number; rss?: number }[] = [];

const fresh: Run[] = [];
const existing: Record<Script, Run[]> = { start: [], dev: [] };
const existingDir = tempDir("bench-existing-");
await startOnce(api, { DATA_DIR: existingDir }, false); // creates and migrates it
for (let i = 0; i < RUNS; i++) {
  fresh.push(await startOnce(api, { DATA_DIR: tempDir("bench-fresh-") }, false));
  // Interleaved, so both see the machine in the same state.
  for (const script of ["start", "dev"] as const)
    existing[script].push(await startOnce(api, { DATA_DIR: existingDir }, true, script));
}
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
};
summarize("PGlite, fresh DATA_DIR (init + migrations)", fresh);
summarize("PGlite, existing DATA_DIR", existing.start);
summarize("PGlite, existing DATA_DIR — the source through tsx (npm run dev)", existing.dev);

const server = process.env.BENCH_DATABASE_URL;
if (server) {
  const pgFresh: Run[] = [];
  const pgExisting: Record<Script, Run[]> = { start: [], dev: [] };
  const existingUrl = await freshPostgresUrl(server);
  await startOnce(api, { DATABASE_URL: existingUrl }, false);
  for (let i = 0; i < RUNS; i++) {
    pgFresh.push(await startOnce(api, { DATABASE_URL: await freshPostgresUrl(server) }, false));
    for (const script of ["start", "dev"] as const)
      pgExisting[script].push(await startOnce(api, { DATABASE_URL: existingUrl }, true, script));
  }
  summarize("PostgreSQL, fresh database", pgFresh);
  summarize("PostgreSQL, migrated database", pgExisting.start);
  summarize("PostgreSQL, migrated database — the source through tsx (npm run dev)", pgExisting.dev);
  for (const name of benchDatabases) await onServer(server, `drop database if exists ${name} with (force)`);
}
await api.stop();

console.log(
  `\nnpm start -> first getUpdates (${RUNS} runs each); median RSS of the bot process after ${IDLE_SECONDS} s idle\n`,
);
console.log("| scenario | median ms | min ms | max ms | idle RSS MB |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(
    `| ${r.scenario} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)} | ${r.max.toFixed(0)} | ${r.rss ? r.rss.toFixed(0) : "—"} |`,
  );
}
