/**
 * Statistics and export at a department's scale, on real PostgreSQL: 1,000,000 generated submissions over 47
 * units and three school years; /stats for the busiest year (target under 500 ms) and the XLSX + CSV appendix of
 * 100,000 rows (time, and the process's peak resident memory; target under 300 MB).
 *
 *   npm run bench:review [-- --submissions 1000000 --export 100000]       (BENCH_DATABASE_URL)
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createDatabase } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { ExportService } from "../src/export/export.service.js";
import { foldForSearch } from "../src/shared/text.js";
import { type Statistics, StatsService } from "../src/stats/stats.service.js";
import { renderStatsChart } from "../src/stats/stats-chart.js";
import { SubmissionsService } from "../src/submissions/submissions.service.js";
import { UnitsService } from "../src/units/units.service.js";
import { UsersService } from "../src/users/users.service.js";
import { LABELS } from "../test/helpers/appendix-labels.js";
import { CHART_LABELS } from "../test/helpers/chart-labels.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: {
    submissions: { type: "string", default: "1000000" },
    export: { type: "string", default: "100000" },
  },
});
const SUBMISSIONS = Number(values.submissions);
const EXPORT_ROWS = Number(values.export);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const name = `bench_review_${Date.now()}`;
await runOnServer(SERVER, `create database ${name}`);
const url = new URL(SERVER);
url.pathname = `/${name}`;
const database = await createDatabase({ kind: "postgres", url: url.href });
const { db } = database;
try {
  await migrateToLatest(db);
  await new UnitsService(db).importCatalogue(
    readFileSync(new URL("../seed/demo-units.csv", import.meta.url), "utf8"),
  );
  const users = new UsersService(db);
  await users.bootstrapAdmins([1]);
  const adminId = (await users.identify({ id: 1, first_name: "Admin" })).id;

  // One teacher per 10 submissions; statuses, kinds, scopes and units spread deterministically. The busiest year
  // holds half the rows; a campaign holds EXPORT_ROWS of them.
  const t0 = performance.now();
  const teachers = Math.ceil(SUBMISSIONS / 10);
  await sql`insert into users (telegram_id, full_name, unit_id)
    select 1000000 + g, 'Giáo viên ' || g, (select id from units order by id offset (g % 47) limit 1)
    from generate_series(1, ${teachers}) g`.execute(db);
  const campaign = await db
    .insertInto("campaigns")
    .values({
      title: "Đổi mới sáng tạo",
      school_year: "2025-2026",
      accepts_initiatives: true,
      accepts_nominations: true,
      opens_at: new Date("2025-09-01"),
      deadline_at: new Date("2026-05-31"),
      status: "closed",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into submissions (code, kind, status, campaign_id, submitter_id, unit_id, title, search_title,
      school_year, scope_recognised, decision_number, decision_date, submitted_at)
    select 'SK-' || g, case when g % 3 = 0 then 'nomination' else 'initiative' end,
      (array['submitted','returned','endorsed','under_review','recognised','recognised','recognised','refused','withdrawn'])[1 + g % 9],
      case when g <= ${EXPORT_ROWS} then ${campaign.id}::bigint end,
      u.id, u.unit_id, 'Sáng kiến số ' || g, 'sang kien so ' || g,
      case when g % 2 = 0 then '2025-2026' when g % 4 = 1 then '2024-2025' else '2023-2024' end,
      case when g % 9 in (4, 5, 6) then (array['unit','province','province','nation'])[1 + g % 4] end,
      case when g % 9 in (4, 5, 6) then '336/QĐ-SGDĐT' end,
      case when g % 9 in (4, 5, 6) then date '2026-07-14' end,
      now()
    from generate_series(1, ${SUBMISSIONS}) g
    join users u on u.telegram_id = 1000000 + 1 + (g % ${teachers})`.execute(db);
  await sql`insert into submission_authors (submission_id, position, full_name, share)
    select id, 1, 'Tác giả ' || id, 100 from submissions where campaign_id = ${campaign.id}`.execute(db);
  await sql`vacuum analyze`.execute(db);
  const generatedS = (performance.now() - t0) / 1000;

  const stats = new StatsService(db);
  const times: number[] = [];
  let received = 0;
  let lastStats: Statistics | undefined;
  for (let i = 0; i < 7; i++) {
    const s0 = performance.now();
    const s = await stats.compute(adminId, { schoolYear: "2025-2026" });
    times.push(performance.now() - s0);
    received = s.received;
    lastStats = s;
  }
  const sorted = [...times].sort((a, b) => a - b);

  const dir = await mkdtemp(join(tmpdir(), "bench-export-"));
  const files = { xlsx: join(dir, "a.xlsx"), csv: join(dir, "a.csv") };
  let peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const e0 = performance.now();
  const { rows } = await new ExportService(db, "Asia/Ho_Chi_Minh").writeAppendix(
    adminId,
    { campaignId: campaign.id },
    files,
    LABELS,
  );
  const exportS = (performance.now() - e0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const xlsxMb = (await stat(files.xlsx)).size / 1e6;
  const csvMb = (await stat(files.csv)).size / 1e6;
  await rm(dir, { recursive: true, force: true });

  // The chart /stats sends after its message; the first drawing also loads the WebAssembly renderer and fonts.
  const chartTimes: number[] = [];
  let chartKb = 0;
  for (let i = 0; i < 6; i++) {
    const c0 = performance.now();
    chartKb = (await renderStatsChart(lastStats as Statistics, CHART_LABELS)).length / 1e3;
    chartTimes.push(performance.now() - c0);
  }
  const [firstChart, ...warmCharts] = chartTimes;
  warmCharts.sort((a, b) => a - b);

  // The similar-title check on every title answer: a million near-identical titles is its worst case. Reference:
  // the query it replaced (every title over pg_trgm's default threshold, then filtered and sorted), same run.
  const submissions = new SubmissionsService(db, {
    timezone: "Asia/Ho_Chi_Minh",
    minShare: 10,
    decisionDueMonths: 3,
  });
  const probes = [
    ...Array.from({ length: 95 }, (_, i) => `Sáng kiến số ${(i * 10_007) % SUBMISSIONS}x`),
    "Ứng dụng trò chơi trong dạy học Toán lớp 10",
    "Quản lý thư viện điện tử",
    `${"Sáng kiến số ".repeat(23)}`.slice(0, 300),
    "x",
    "Sáng kiến",
  ];
  const lookups: number[] = [];
  for (const title of probes) {
    const l0 = performance.now();
    await submissions.similarTitles(title, -1);
    lookups.push(performance.now() - l0);
  }
  lookups.sort((a, b) => a - b);
  const oldQuery: number[] = [];
  for (const title of probes.slice(0, 3)) {
    const o0 = performance.now();
    await sql`select id from submissions where status not in ('draft','withdrawn') and search_title % ${foldForSearch(title)}
      and similarity(search_title, ${foldForSearch(title)}) >= 0.5 order by similarity(search_title, ${foldForSearch(title)}) desc limit 3`.execute(
      db,
    );
    oldQuery.push(performance.now() - o0);
  }

  console.log(`\n${SUBMISSIONS} submissions generated in ${generatedS.toFixed(1)} s\n`);
  console.log("| measure | value | target |");
  console.log("|---|---:|---|");
  console.log(
    `| /stats, school year with ${received} received: median of 7 | ${sorted[3]?.toFixed(0)} ms | < 500 ms |`,
  );
  console.log(`| /stats: min / max | ${sorted[0]?.toFixed(0)} / ${sorted[6]?.toFixed(0)} ms | |`);
  console.log(
    `| export of ${rows} rows (XLSX ${xlsxMb.toFixed(1)} MB + CSV ${csvMb.toFixed(1)} MB) | ${exportS.toFixed(1)} s | |`,
  );
  console.log(
    `| peak RSS of the process during the export | ${(peakRss / 1e6).toFixed(0)} MB (before: ${(rssBefore / 1e6).toFixed(0)} MB) | < 300 MB |`,
  );
  console.log(
    `| /stats chart (PNG ${chartKb.toFixed(0)} kB): first / median of next 5 | ${firstChart?.toFixed(0)} / ${warmCharts[2]?.toFixed(0)} ms | |`,
  );
  const p95 = lookups[Math.ceil(lookups.length * 0.95) - 1] ?? 0;
  console.log(
    `| similar titles over ${SUBMISSIONS} rows, ${probes.length} lookups: median / p95 / max | ${lookups[Math.floor(lookups.length / 2)]?.toFixed(1)} / ${p95.toFixed(1)} / ${lookups.at(-1)?.toFixed(1)} ms | p95 < 50 ms |`,
  );
  console.log(
    `| reference, the threshold query it replaced: mean of 3 | ${(oldQuery.reduce((a, b) => a + b, 0) / oldQuery.length).toFixed(0)} ms | |`,
  );
} finally {
  await database.close();
  await runOnServer(SERVER, `drop database if exists ${name} with (force)`);
}
