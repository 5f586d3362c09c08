/**
 * Copy screening at a department's scale: an archive of generated initiatives in realistic Vietnamese
 * (test/helpers/vietnamese-initiatives.ts), with planted near-copies (an earlier essence, 30% of its sentences
 * rewritten, the rest reordered, under a new problem) and unrelated new texts. Screens each planted copy and each
 * unrelated text with the application's own screenSubmission (target under 1 s), and reports the recall of the
 * planted copies and the false positives at SIMILARITY_THRESHOLD, the index's size and its build time. Reference
 * in the same run: the candidates' texts read by primary key (what the exact measure reads).
 *
 *   npm run bench:screening [-- --docs 1000000 --copies 200 --unrelated 200 --rounds 3]          (PostgreSQL)
 *   npm run bench:screening -- --dialect pglite --docs 50000                                      (embedded)
 *
 * The archive is written with bulk inserts, as the queue's job would have written it submission by submission:
 * the fingerprints of each text in order, a posting list stopping at COMMON_FINGERPRINT + 1 rows. The index's
 * primary key is dropped while loading and built after (timed); the title search indexes, which screening does not
 * use, are dropped in this scratch database to shorten the load.
 */
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { createDatabase, type DatabaseHandle } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import type { Database } from "../src/db/types.js";
import { fingerprints, screenedText, shingle } from "../src/screening/fingerprints.js";
import { SIMILARITY_THRESHOLD, screenSubmission } from "../src/screening/screener.js";
import { COMMON_FINGERPRINT } from "../src/screening/screening.repository.js";
import { type GeneratedInitiative, initiative, nearCopy } from "../test/helpers/vietnamese-initiatives.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    docs: { type: "string" },
    copies: { type: "string", default: "200" },
    unrelated: { type: "string", default: "200" },
    rounds: { type: "string", default: "3" },
  },
});
const DIALECT = values.dialect === "pglite" ? "pglite" : "postgres";
const DOCS = Number(values.docs ?? (DIALECT === "pglite" ? 50_000 : 1_000_000));
const COPIES = Number(values.copies);
const UNRELATED = Number(values.unrelated);
const ROUNDS = Number(values.rounds);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const BATCH = 5000;

async function open(): Promise<DatabaseHandle & { drop?: () => Promise<void> }> {
  if (DIALECT === "pglite") return createDatabase({ kind: "pglite-memory" });
  const name = "screening_bench";
  await runOnServer(SERVER, `drop database if exists ${name} with (force)`);
  await runOnServer(SERVER, `create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ kind: "postgres", url: url.href });
  return { ...handle, drop: () => runOnServer(SERVER, `drop database if exists ${name} with (force)`) };
}

const seedOf = (i: number) => i * 7919 + 13;
/** Which archive texts are copied: spread over the archive (every year). */
const sourceIndex = (k: number) => 1 + Math.floor(((k + 0.5) * DOCS) / COPIES);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
const ms = (x: number) => `${x.toFixed(1)} ms`;

const database = await open();
const db = database.db as Kysely<Database>;
try {
  await migrateToLatest(db);
  await sql`drop index if exists submissions_search_title_trgm`.execute(db);
  await sql`drop index if exists submissions_search_title_knn`.execute(db);
  await sql`alter table screening_fingerprints drop constraint screening_fingerprints_pkey`.execute(db);
  const unit = await sql<{
    id: number;
  }>`insert into units (code, name, search_name, district, school_level, cluster, block)
    values ('B1', 'THCS Lê Lợi', 'thcs le loi', 'Huyện A', 'THCS', 'Cụm 1', 'Khối THCS') returning id`.execute(
    db,
  );
  const unitId = unit.rows[0]?.id as number;
  const user = await sql<{ id: number }>`insert into users (telegram_id, full_name, unit_id)
    values (1, 'Giáo viên', ${unitId}) returning id`.execute(db);
  const userId = user.rows[0]?.id as number;

  // What the queue would have written: each text's fingerprints, posting lists capped at COMMON_FINGERPRINT + 1.
  const held = new Map<number, number>();
  let cpuMs = 0;
  let loadMs = 0;
  let rows = 0;
  const pending: { id: number; doc: GeneratedInitiative; at: Date; year: string }[] = [];
  const flush = async () => {
    const c0 = performance.now();
    const hashes: number[] = [];
    const owners: number[] = [];
    for (const p of pending) {
      for (const h of fingerprints(
        shingle(screenedText(p.doc as unknown as Record<string, unknown>)).hashes,
      )) {
        const n = held.get(h) ?? 0;
        if (n > COMMON_FINGERPRINT) continue;
        held.set(h, n + 1);
        hashes.push(h);
        owners.push(p.id);
      }
    }
    cpuMs += performance.now() - c0;
    const l0 = performance.now();
    await sql`insert into submissions (id, code, kind, status, submitter_id, unit_id, title, fields, school_year, submitted_at)
      overriding system value
      select id, 'SK-B-' || id, 'initiative', 'recognised', ${userId}::bigint, ${unitId}::bigint, title, fields::jsonb,
             year, at
        from unnest(${pending.map((p) => p.id)}::bigint[], ${pending.map((p) => p.doc.title)}::text[],
                    ${pending.map((p) => JSON.stringify({ problem: p.doc.problem, essence: p.doc.essence }))}::text[],
                    ${pending.map((p) => p.year)}::text[], ${pending.map((p) => p.at.toISOString())}::timestamptz[])
             as t(id, title, fields, year, at)`.execute(db);
    await sql`insert into screening_fingerprints (hash, submission_id)
      select * from unnest(${hashes}::integer[], ${owners}::bigint[])`.execute(db);
    loadMs += performance.now() - l0;
    rows += hashes.length;
    pending.length = 0;
  };
  const add = async (id: number, doc: GeneratedInitiative, at: Date) => {
    const y = at.getUTCMonth() >= 8 ? at.getUTCFullYear() : at.getUTCFullYear() - 1;
    pending.push({ id, doc, at, year: `${y}-${y + 1}` });
    if (pending.length >= BATCH) await flush();
  };

  const start = Date.UTC(2019, 8, 1);
  const span = Date.UTC(2026, 5, 1) - start;
  const g0 = performance.now();
  for (let i = 1; i <= DOCS; i++) {
    const c0 = performance.now();
    const doc = initiative(seedOf(i));
    cpuMs += performance.now() - c0;
    await add(i, doc, new Date(start + Math.floor((i / DOCS) * span)));
    if (i % 100_000 === 0) console.error(`  ${i.toLocaleString("en")} texts written`);
  }
  // The planted copies and the unrelated new texts, sent after the archive.
  const late = new Date(Date.UTC(2026, 9, 1));
  const copyId = (k: number) => DOCS + 1 + k;
  const unrelatedId = (k: number) => DOCS + COPIES + 1 + k;
  for (let k = 0; k < COPIES; k++)
    await add(copyId(k), nearCopy(initiative(seedOf(sourceIndex(k))), 1_000_000_007 + k), late);
  for (let k = 0; k < UNRELATED; k++) await add(unrelatedId(k), initiative(2_000_000_011 + k), late);
  await flush();
  const writeS = (performance.now() - g0) / 1000;
  const i0 = performance.now();
  await sql`alter table screening_fingerprints add primary key (hash, submission_id)`.execute(db);
  const indexS = (performance.now() - i0) / 1000;
  await sql`vacuum analyze screening_fingerprints`.execute(db);
  await sql`vacuum analyze submissions`.execute(db);
  const size = await sql<{ heap: string; index: string; total: string }>`
    select pg_size_pretty(pg_relation_size('screening_fingerprints')) as heap,
           pg_size_pretty(pg_indexes_size('screening_fingerprints')) as index,
           pg_size_pretty(pg_total_relation_size('screening_fingerprints')) as total`.execute(db);

  // Screening, ROUNDS times over every query; the reference reads the same candidates' texts by primary key.
  const screenMs: number[] = [];
  const refMs: number[] = [];
  const roundMedians: number[] = [];
  let found = 0;
  let copiesWithOther = 0;
  let unrelatedFlagged = 0;
  let flaggedSimilarities: number[] = [];
  const copySimilarity: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const thisRound: number[] = [];
    const queries = [
      ...Array.from({ length: COPIES }, (_, k) => ({ id: copyId(k), source: sourceIndex(k) })),
      ...Array.from({ length: UNRELATED }, (_, k) => ({ id: unrelatedId(k), source: undefined })),
    ];
    for (const q of queries) {
      const s0 = performance.now();
      const result = await screenSubmission(db, q.id);
      const took = performance.now() - s0;
      screenMs.push(took);
      thisRound.push(took);
      const matches = result?.matches ?? [];
      const r0 = performance.now();
      const ids = matches.length > 0 ? matches.map((m) => m.sourceId) : [q.id];
      await db.selectFrom("submissions").select(["id", "fields"]).where("id", "in", ids).execute();
      refMs.push(performance.now() - r0);
      if (round > 0) continue;
      if (q.source !== undefined) {
        const hit = matches.find((m) => m.sourceId === q.source);
        if (hit) {
          found++;
          copySimilarity.push(hit.similarity);
        }
        if (matches.some((m) => m.sourceId !== q.source)) copiesWithOther++;
      } else if (matches.length > 0) {
        unrelatedFlagged++;
        flaggedSimilarities = [...flaggedSimilarities, ...matches.map((m) => m.similarity)];
      }
    }
    roundMedians.push(median(thisRound));
  }
  const sorted = [...screenMs].sort((a, b) => a - b);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}% (${n}/${of})`;
  const table: [string, string][] = [
    [
      "database",
      `${DIALECT}, ${DOCS.toLocaleString("en")} archived + ${COPIES} planted copies + ${UNRELATED} unrelated`,
    ],
    ["threshold (containment)", `${SIMILARITY_THRESHOLD}`],
    ["screen one submission: median", ms(quantile(sorted, 0.5))],
    ["screen one submission: p95", ms(quantile(sorted, 0.95))],
    ["screen one submission: max", ms(sorted[sorted.length - 1] ?? Number.NaN)],
    ["  medians of the rounds", roundMedians.map(ms).join(", ")],
    ["reference: matches' texts by primary key, median", ms(median(refMs))],
    ["recall of planted copies", pct(found, COPIES)],
    ["  their similarity: min / median", `${Math.min(...copySimilarity)} / ${median(copySimilarity)}`],
    ["copies also naming another source", pct(copiesWithOther, COPIES)],
    ["false positives on unrelated texts", pct(unrelatedFlagged, UNRELATED)],
    ["  their similarities", flaggedSimilarities.join(", ") || "—"],
    [
      "index rows (fingerprints)",
      `${rows.toLocaleString("en")} (${(rows / (DOCS + COPIES + UNRELATED)).toFixed(1)} a text)`,
    ],
    [
      "index size: heap / primary key / total",
      `${size.rows[0]?.heap} / ${size.rows[0]?.index} / ${size.rows[0]?.total}`,
    ],
    ["build: texts generated + fingerprinted (CPU)", `${(cpuMs / 1000).toFixed(1)} s`],
    [
      "build: rows written (submissions + fingerprints)",
      `${(loadMs / 1000).toFixed(1)} s (whole pass ${writeS.toFixed(1)} s)`,
    ],
    ["build: primary key (hash, submission_id)", `${indexS.toFixed(1)} s`],
  ];
  const width = Math.max(...table.map(([k]) => k.length));
  for (const [k, v] of table) console.log(`${k.padEnd(width)}  ${v}`);
} finally {
  await database.close();
  await database.drop?.();
}
