/**
 * Backup, restore and move figures for the embedded database: a PGlite data directory with generated submissions,
 * then the running database's snapshot (what `npm run db:backup` asks of the bot) and how long a statement waits
 * behind it, the restore into a fresh directory, and `db:move` to PostgreSQL. References measured in the same run:
 * `tar -czf` of the same (closed) data directory, and pg_dump then pg_restore of the moved database on the same server.
 *
 *   npm run bench:backup [-- --submissions 20000 --runs 3]     (BENCH_DATABASE_URL, default the local server)
 */
import { execFileSync } from "node:child_process";
import { rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { restoreEmbedded } from "../src/db/backup/embedded-backup.js";
import { createDatabase } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { moveToServer } from "../src/db/move/move-to-server.js";
import { tempDir } from "../test/helpers/bot-process.js";

const { values } = parseArgs({
  options: { submissions: { type: "string", default: "20000" }, runs: { type: "string", default: "3" } },
});
const SUBMISSIONS = Number(values.submissions);
const RUNS = Number(values.runs);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};
const rows: [string, string, string][] = [];
const note = (what: string, value: string, reference = "") => {
  rows.push([what, value, reference]);
  console.error(`${what}: ${value} ${reference}`);
};

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
async function freshServerDatabase(): Promise<string> {
  const name = `bench_move_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer((c) => c.query(`create database ${name}`));
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.href;
}
const dropServerDatabase = (url: string) =>
  onServer((c) => c.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`));

// The data: 500 units, 5,000 teachers, SUBMISSIONS submitted initiatives with a few kB of answers each.
const dataDir = tempDir("thidua-bench-backup-");
const database = await createDatabase({ kind: "pglite", dataDir });
await migrateToLatest(database.db);
await sql`insert into units (code, name, search_name, district, school_level, cluster, block)
  select 'U' || i, 'Trường ' || i, 'truong ' || i, 'Huyện', 'THPT', 'Cụm ' || i % 12, 'Khối THPT'
  from generate_series(1, 500) i`.execute(database.db);
await sql`insert into users (telegram_id, full_name, unit_id)
  select 100000 + i, 'Giáo viên ' || i, (select min(id) from units) + i % 500 from generate_series(1, 5000) i`.execute(
  database.db,
);
await sql`insert into submissions (kind, status, code, title, submitter_id, unit_id, submitted_at, fields, school_year)
  select 'initiative', 'submitted', 'SK-2026-' || lpad(i::text, 6, '0'), 'Sáng kiến số ' || i || ' về đổi mới dạy học',
    (select min(id) from users) + i % 5000, (select min(id) from units) + i % 500, now(),
    jsonb_build_object('problem', repeat('Thực trạng ' || i, 40), 'essence', repeat('Giải pháp ' || i, 80)),
    '2026-2027'
  from generate_series(1, ${SUBMISSIONS}) i`.execute(database.db);
await sql`checkpoint`.execute(database.db);
const dirMb = Number(
  execFileSync("du", ["-sm", join(dataDir, "pglite")], { encoding: "utf8" }).split("\t")[0],
);
note("data", `${SUBMISSIONS} submissions, 5000 users, 500 units`, `data directory ${dirMb} MB`);

// The running database's snapshot, with queries sent back to back meanwhile: the longest any of them waited is the
// longest an update waits behind a backup.
const snapshots: number[] = [];
const waits: number[] = [];
const plain: number[] = [];
const probe = () => sql`select count(*) from submissions where unit_id = 7`.execute(database.db);
let tarball: Blob | undefined;
for (let i = 0; i < RUNS; i++) {
  plain.push(await time(probe));
  const started = performance.now();
  let done = false;
  const copy = (database.snapshot as () => Promise<Blob>)().then((blob) => {
    snapshots.push(performance.now() - started);
    tarball = blob;
    done = true;
  });
  let longest = 0;
  while (!done) {
    longest = Math.max(longest, await time(probe));
    // PGlite answers through promises alone: without a turn of the event loop the compression's callback never runs.
    await new Promise((r) => setImmediate(r));
  }
  waits.push(longest);
  await copy;
}
await database.close();
const backupFile = join(tempDir(), "bench.tar.gz");
writeFileSync(backupFile, new Uint8Array(await (tarball as Blob).arrayBuffer()));
note(
  "snapshot of the running database (median)",
  `${(median(snapshots) / 1000).toFixed(2)} s, ${((tarball as Blob).size / 1e6).toFixed(1)} MB gzipped`,
);
const tars: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const out = join(tempDir(), "ref.tar.gz");
  tars.push(await time(async () => execFileSync("tar", ["-czf", out, "-C", dataDir, "pglite"])));
  if (i === RUNS - 1)
    note(
      "reference: tar -czf of the closed directory (median)",
      `${(median(tars) / 1000).toFixed(2)} s, ${(statSync(out).size / 1e6).toFixed(1)} MB`,
    );
}
note(
  "longest wait of a query during the snapshot (median)",
  `${(median(waits) / 1000).toFixed(2)} s`,
  `the same query alone: ${median(plain).toFixed(0)} ms`,
);

const restores: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const fresh = tempDir("thidua-bench-restore-");
  restores.push(await time(() => restoreEmbedded(backupFile, fresh)));
  rmSync(fresh, { recursive: true, force: true });
}
note(
  "restore into a fresh directory, opened and checked (median)",
  `${(median(restores) / 1000).toFixed(2)} s`,
);

// db:move once (it is long), and PostgreSQL's own tools moving the same rows between two databases of the server.
const target = await freshServerDatabase();
const moved = await time(() => moveToServer(dataDir, target));
note("npm run db:move to PostgreSQL (one run)", `${(moved / 1000).toFixed(1)} s`);
const copyUrl = await freshServerDatabase();
const dumpFile = join(tempDir(), "ref.dump");
const reference = await time(async () => {
  execFileSync("pg_dump", ["--format=custom", `--file=${dumpFile}`, `--dbname=${target}`]);
  execFileSync("pg_restore", ["--single-transaction", `--dbname=${copyUrl}`, dumpFile]);
});
note("reference: pg_dump, then pg_restore of the moved database", `${(reference / 1000).toFixed(1)} s`);
await dropServerDatabase(target);
await dropServerDatabase(copyUrl);
rmSync(dataDir, { recursive: true, force: true });

console.log("\n| measure | value | reference |\n|---|---:|---|");
for (const [what, value, ref] of rows) console.log(`| ${what} | ${value} | ${ref} |`);
