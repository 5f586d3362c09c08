/**
 * Certificates at a decision's scale, on PostgreSQL (or, with --database pglite, the embedded database, whose
 * WebAssembly heap then counts in the process's memory): one certificate as /my sends it (median of
 * repeated runs; target under 200 ms) and 1,000 certificates of one decision as one PDF, as /decisions sends it
 * for printing (time, and the process's peak resident memory; target under 300 MB). The reference, in the same
 * run: the same pdfkit document with the same words in a standard PDF font (nothing embedded) and no QR code.
 *
 *   npm run bench:certificates [-- --certificates 1000 --runs 3 --database postgres|pglite]   (BENCH_DATABASE_URL)
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import PDFDocument from "pdfkit";
import type { CertificateRow } from "../src/certificates/certificates.repository.js";
import { CertificatesService } from "../src/certificates/certificates.service.js";
import { loadConfig } from "../src/config.js";
import { createDatabase } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { admin, seedUnits, teacher } from "../test/helpers/campaign-fixtures.js";
import { batchDecision, endorsedSubmission } from "../test/helpers/decision-fixtures.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: {
    certificates: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    single: { type: "string", default: "30" },
    database: { type: "string", default: "postgres" },
  },
});
const COUNT = Number(values.certificates);
const RUNS = Number(values.runs);
const SINGLE_RUNS = Number(values.single);
const settings = loadConfig({ BOT_TOKEN: "123456789:BENCH-token-for-certificates-xx" }).documents;
const BOT = "thidua_bench_bot";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** Peak resident memory while `fn` runs, sampled every 10 ms (and at the end). */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakMb: peak / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

/** The reference: the same words on the same A4 landscape pages, in Times-Roman (not embedded), without a QR code. */
async function writePlain(rows: readonly CertificateRow[], path: string): Promise<void> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 50, autoFirstPage: false });
  const out = createWriteStream(path);
  doc.pipe(out);
  for (const c of rows) {
    doc.addPage();
    doc.font("Times-Bold").fontSize(28).text("GIAY CHUNG NHAN SANG KIEN", { align: "center" });
    doc.font("Times-Roman").fontSize(14);
    for (const line of [
      c.full_name,
      `Don vi: ${c.unit_name}`,
      `Ty le dong gop ${c.share}%`,
      c.title,
      `Ma ho so ${c.submission_code}, pham vi ${c.scope}`,
      `Quyet dinh so ${c.decision_number} ngay ${c.decided_on}`,
      `Ma xac thuc ${c.code}`,
    ])
      doc.text(line.normalize("NFD").replace(/\p{M}/gu, ""), { align: "center" });
  }
  doc.end();
  await finished(out);
}

const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const onPostgres = values.database !== "pglite";

const dir = await mkdtemp(join(tmpdir(), "bench-certificates-"));
const name = `bench_certificates_${Date.now()}`;
const url = new URL(SERVER);
url.pathname = `/${name}`;
if (onPostgres) await runOnServer(SERVER, `create database ${name}`);
const database = await createDatabase(
  onPostgres ? { kind: "postgres", url: url.href } : { kind: "pglite-memory" },
);
const { db } = database;
try {
  await migrateToLatest(db);
  const units = await seedUnits(db);
  const adminId = await admin(db, 1);
  const authorId = await teacher(db, 2, units.u1);
  // A decision over COUNT / 2 initiatives of two authors each: COUNT certificates.
  const ids: { id: number; scope: "province" | "nation" }[] = [];
  for (let i = 0; i < COUNT / 2; i++)
    ids.push({
      id: await endorsedSubmission(db, {
        submitterId: authorId,
        unitId: i % 3 === 0 ? units.u3 : units.u1,
        code: `SK-2026-${String(i + 1).padStart(5, "0")}`,
        title: `Ứng dụng chuyển đổi số trong đổi mới phương pháp dạy học môn Ngữ văn, đề tài số ${i + 1}`,
        authors: [
          { name: `Nguyễn Thị Ánh Tuyết ${i + 1}`, share: 60, self: true },
          { name: `Lê Văn Đức ${i + 1}`, share: 40, unit: "THCS Kim Đồng" },
        ],
      }),
      scope: i % 4 === 0 ? "nation" : "province",
    });
  const decisionId = await batchDecision(db, {
    adminId,
    number: "336/QĐ-SGDĐT",
    date: "2026-07-14",
    signer: "Trần Văn Bình",
    submissions: ids,
  });
  const service = new CertificatesService(db, settings);
  const first = ids[0]?.id as number;

  // The 1,000 first, after a full garbage collection (the script runs with --expose-gc), so the peak is the
  // batch's own and not the seeding's leftovers.
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss / 1e6;
  const all: number[] = [];
  const plain: number[] = [];
  let peakMb = 0;
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await withPeakRss(async () => {
      const batch = await service.forDecision(adminId, decisionId);
      await service.write(batch, BOT, createWriteStream(join(dir, "all.pdf")));
      return batch.certificates;
    });
    all.push(run.ms);
    peakMb = Math.max(peakMb, run.peakMb);
    rows = run.result.length;
    const t = performance.now();
    await writePlain(run.result, join(dir, "all-plain.pdf"));
    plain.push(performance.now() - t);
    (globalThis as { gc?: () => void }).gc?.();
  }
  // Warm-up: fonts read, code paths compiled, codes made (as after a first request).
  await service.write(
    await service.forSubmission(authorId, first),
    BOT,
    createWriteStream(join(dir, "warm.pdf")),
  );

  const one: number[] = [];
  const oneRender: number[] = [];
  const onePlain: number[] = [];
  for (let i = 0; i < SINGLE_RUNS; i++) {
    let t = performance.now();
    const batch = await service.forSubmission(authorId, first);
    const beforeRender = performance.now();
    await service.write(batch, BOT, createWriteStream(join(dir, "one.pdf")));
    const done = performance.now();
    one.push(done - t);
    oneRender.push(done - beforeRender);
    t = performance.now();
    await writePlain(batch.certificates, join(dir, "one-plain.pdf"));
    onePlain.push(performance.now() - t);
  }

  const size = async (f: string) => ((await stat(join(dir, f))).size / 1e6).toFixed(2);

  console.log(
    `\nCertificates (${onPostgres ? "PostgreSQL" : "embedded PGlite"}; ${SINGLE_RUNS} runs of one, ${RUNS} runs of ${rows}; medians)\n`,
  );
  console.log(
    "| measure | certificates (DejaVu Serif embedded, QR code) | reference (Times-Roman, not embedded, no QR) | target |",
  );
  console.log("|---|---|---|---|");
  console.log(
    `| one certificate, as /my sends it (2 authors: 2 pages; lookup + PDF) | ${median(one).toFixed(0)} ms (PDF alone ${median(oneRender).toFixed(0)} ms; ${await size("one.pdf")} MB) | ${median(onePlain).toFixed(0)} ms (${await size("one-plain.pdf")} MB) | < 200 ms |`,
  );
  console.log(
    `| ${rows} certificates as one PDF, as /decisions sends it | ${(median(all) / 1000).toFixed(2)} s (${await size("all.pdf")} MB) | ${(median(plain) / 1000).toFixed(2)} s (${await size("all-plain.pdf")} MB) | — |`,
  );
  console.log(
    `| peak RSS of the process during the ${rows} | ${peakMb.toFixed(0)} MB (before: ${rssBefore.toFixed(0)} MB) | — | < 300 MB |`,
  );
} finally {
  await database.close();
  if (onPostgres) await runOnServer(SERVER, `drop database if exists ${name} with (force)`);
  await rm(dir, { recursive: true, force: true });
}
