/**
 * A batch decision at the department's scale: 1,000 submissions under review, each scored by two or three council
 * members, on real PostgreSQL and on embedded PGlite. Times the preview (the draft with every proposal, its counts
 * and a first page) and the apply (one transaction: locks, checks, decision, 1,000 submissions and status events,
 * the audit entry, the queued message to every submitter), each the median of repeated runs, beside references in
 * the same run: the bare aggregate of the scores, a plain `update … where id = any(…)` of the same rows, and the
 * same 1,000 decisions taken one at a time through the single decision's locked transition.
 *
 *   npm run bench:batch-decision [-- --submissions 1000 --runs 7]        (BENCH_DATABASE_URL for PostgreSQL)
 */
import { parseArgs } from "node:util";
import { type Kysely, sql } from "kysely";
import { createDatabase, type DatabaseHandle, type DialectName } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import type { Database, Recommendation } from "../src/db/types.js";
import { BatchDecisionService } from "../src/review/batch-decision.service.js";
import { DecisionService } from "../src/review/decision.service.js";
import { type Reviews, seedScoredCampaign } from "../test/helpers/batch-fixtures.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: {
    submissions: { type: "string", default: "1000" },
    runs: { type: "string", default: "7" },
  },
});
const SUBMISSIONS = Number(values.submissions);
const RUNS = Number(values.runs);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const HEADER = { number: "336/QĐ-SGDĐT", date: "2026-06-15", signer: "Nguyễn Văn An" };

/** Deterministic scores: about 7% below the pass mark; the rest national, provincial or unit, members sometimes split. */
function scores(n: number): Reviews[] {
  const recs: Recommendation[] = [
    "recognise_nation",
    "recognise_province",
    "recognise_province",
    "recognise_unit",
  ];
  return Array.from({ length: n }, (_, i) => {
    const members = 2 + (i % 2);
    const rec = recs[i % 4] as Recommendation;
    return Array.from({ length: members }, (_, m): [number, Recommendation] =>
      i % 14 === 0
        ? [3 + m * 0.5, "refuse"]
        : [6 + ((i + m) % 4), m === 1 && i % 3 === 0 ? "recognise_unit" : rec],
    );
  });
}

/** Undoes a run: every submission back under review, no decision, no draft, no queued message. */
async function reset(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`delete from broadcast_deliveries`.execute(trx);
    await sql`delete from broadcasts`.execute(trx);
    await sql`delete from decision_drafts`.execute(trx);
    await sql`update submissions set status = 'under_review', scope_recognised = null, decision_number = null,
      decision_date = null, decision_reasons = null, decided_at = null, decided_by = null, decision_id = null`.execute(
      trx,
    );
    await sql`delete from decisions`.execute(trx);
    await sql`delete from submission_events`.execute(trx);
    await sql`delete from audit_log where action = 'decision.batch'`.execute(trx);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = async <T>(fn: () => Promise<T>): Promise<[number, T]> => {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
};

async function bench(dialect: DialectName, handle: DatabaseHandle) {
  const { db } = handle;
  await migrateToLatest(db);
  const seeded = await seedScoredCampaign(db, scores(SUBMISSIONS));
  await sql`analyze`.execute(db);
  const service = new BatchDecisionService(db, { passMark: 5 });
  const preview: number[] = [];
  const apply: number[] = [];
  const aggregate: number[] = [];
  const plainUpdate: number[] = [];
  let applied: Awaited<ReturnType<BatchDecisionService["apply"]>> | undefined;
  let counts: unknown;
  for (let run = 0; run < RUNS; run++) {
    await reset(db);
    const [p, draft] = await time(async () => {
      const started = await service.start(seeded.adminId, seeded.campaignId, HEADER);
      await service.page(seeded.adminId, started.draftId, "nation", 0);
      return started;
    });
    preview.push(p);
    counts = draft.counts;
    await service.reasonForRefusals(seeded.adminId, draft.draftId, "Điểm bình quân dưới mức đạt");
    const [a, result] = await time(() => service.apply(seeded.adminId, draft.draftId, new Date()));
    apply.push(a);
    applied = result;

    await reset(db);
    aggregate.push(
      (
        await time(() =>
          sql`select submission_id, avg(total), count(*) from review_assignments where status = 'scored'
            group by submission_id`.execute(db),
        )
      )[0],
    );
    plainUpdate.push(
      (
        await time(() =>
          db.transaction().execute((trx) =>
            sql`update submissions set status = 'recognised', scope_recognised = 'province', updated_at = now()
              where id = any(${sql.val(seeded.submissions)}::bigint[])`.execute(trx),
          ),
        )
      )[0],
    );
  }
  // The design not taken: 1,000 single decisions, each its own locked transition (once: it is slow).
  await reset(db);
  const single = new DecisionService(db);
  const [oneByOne] = await time(async () => {
    for (const id of seeded.submissions)
      await single.recognise(seeded.adminId, id, { scope: "province", ...HEADER }, new Date());
  });
  return { dialect, preview, apply, aggregate, plainUpdate, oneByOne, applied, counts };
}

const results = [];
const pgName = `batch_bench_${Date.now()}`;
await runOnServer(SERVER, `create database ${pgName}`);
try {
  const url = new URL(SERVER);
  url.pathname = `/${pgName}`;
  const postgres = await createDatabase({ kind: "postgres", url: url.href });
  try {
    results.push(await bench("postgres", postgres));
  } finally {
    await postgres.close();
  }
} finally {
  await runOnServer(SERVER, `drop database if exists ${pgName} with (force)`);
}
const pglite = await createDatabase({ kind: "pglite-memory" });
try {
  results.push(await bench("pglite", pglite));
} finally {
  await pglite.close();
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
console.log(`\n${SUBMISSIONS} submissions under review, 2–3 scored reviews each; medians of ${RUNS} runs\n`);
console.log("| measure | PostgreSQL | PGlite | target |");
console.log("|---|---:|---:|---|");
const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
const row = (label: string, pick: (r: typeof a) => string, target = "") =>
  console.log(`| ${label} | ${pick(a)} | ${pick(b)} | ${target} |`);
row("preview: draft with every proposal, counts, first page", (r) => ms(median(r.preview)), "< 1 s");
row("apply: one transaction, all rows, events, audit, queue", (r) => ms(median(r.apply)), "< 3 s");
row("apply: min / max", (r) => `${ms(Math.min(...r.apply))} / ${ms(Math.max(...r.apply))}`);
row("reference: the scores' bare aggregate", (r) => ms(median(r.aggregate)));
row("reference: plain `update … where id = any(…)` of the same rows", (r) => ms(median(r.plainUpdate)));
row("design not taken: 1,000 single decisions one by one (once)", (r) => ms(r.oneByOne));
console.log(`\ncounts: ${JSON.stringify(a.counts)}`);
console.log(`applied (PostgreSQL): ${JSON.stringify(a.applied)}; (PGlite): ${JSON.stringify(b.applied)}`);
