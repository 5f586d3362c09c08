/**
 * Where the idle bot's resident memory goes: starts the compiled bot (`dist/`, run `npm run build` first) against a
 * local fake Bot API with the node options given after `--` (none: Node's defaults), waits, and prints its
 * /proc/<pid>/smaps grouped by what is mapped (node's own binary, malloc's heap, anonymous memory: V8's heap,
 * PGlite's WebAssembly memory, thread arenas), then the largest single mappings.
 *
 *   npm run bench:memory-map [-- --database postgres://… --data-dir <dir> --idle 10 -- <node options>]
 *
 * For the V8 heap's own spaces, add `--import <file>` with a timer that prints v8.getHeapSpaceStatistics().
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fakeApiEnv, ROOT, tempDir } from "../test/helpers/bot-process.js";
import { FakeTelegramApi } from "../test/helpers/fake-telegram-api.js";

const { values, positionals: nodeOptions } = parseArgs({
  options: {
    database: { type: "string" },
    "data-dir": { type: "string" },
    idle: { type: "string", default: "10" },
  },
  allowPositionals: true,
});
const BIG_MAPPING_KB = 4096;

const api = await FakeTelegramApi.start();
const since = api.mark();
const started = performance.now();
const child = spawn(process.execPath, [...nodeOptions, join(ROOT, "dist/src/main.js")], {
  cwd: ROOT,
  env: {
    ...process.env,
    ...fakeApiEnv(api),
    DATA_DIR: values["data-dir"] ?? tempDir("memory-map-"),
    ...(values.database ? { DATABASE_URL: values.database } : {}),
  },
  stdio: "inherit",
});
await api.waitForCall((c) => c.method === "getUpdates", { since, timeoutMs: 60_000 });
const startMs = performance.now() - started;
await new Promise((r) => setTimeout(r, Number(values.idle) * 1000));

interface Mapping {
  range: string;
  perms: string;
  name: string;
  sizeKb: number;
  rssKb: number;
}
const mappings: Mapping[] = [];
for (const line of readFileSync(`/proc/${child.pid}/smaps`, "utf8").split("\n")) {
  const head = /^([0-9a-f]+-[0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
  if (head)
    mappings.push({
      range: head[1] ?? "",
      perms: head[2] ?? "",
      name: head[3] || "[anon]",
      sizeKb: 0,
      rssKb: 0,
    });
  const current = mappings.at(-1);
  const size = /^Size:\s+(\d+) kB/.exec(line);
  if (size && current) current.sizeKb = Number(size[1]);
  const rss = /^Rss:\s+(\d+) kB/.exec(line);
  if (rss && current) current.rssKb = Number(rss[1]);
}
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
await api.stop();

const mb = (kb: number) => (kb / 1024).toFixed(1);
const byName = new Map<string, number>();
for (const m of mappings) byName.set(m.name, (byName.get(m.name) ?? 0) + m.rssKb);
const total = mappings.reduce((sum, m) => sum + m.rssKb, 0);
console.log(
  `\nnode ${nodeOptions.join(" ") || "(Node's defaults)"} dist/src/main.js on ${values.database ? "PostgreSQL" : "PGlite"}: ` +
    `taking updates after ${startMs.toFixed(0)} ms; resident ${mb(total)} MB after ${values.idle} s idle\n`,
);
console.log("| mapped | resident MB |\n|---|---:|");
for (const [name, kb] of [...byName].sort((a, b) => b[1] - a[1]).filter(([, kb]) => kb >= 1024))
  console.log(`| ${name} | ${mb(kb)} |`);
console.log("\n| single mapping | permissions | resident MB | of MB |\n|---|---|---:|---:|");
for (const m of mappings.filter((m) => m.rssKb >= BIG_MAPPING_KB).sort((a, b) => b.rssKb - a.rssKb))
  console.log(`| ${m.name} ${m.range} | ${m.perms} | ${mb(m.rssKb)} | ${mb(m.sizeKb)} |`);
process.exit(0);
