/**
 * Why the posting-list cap is what it is (docs/copy-screening.md): simulates, without a database, the index
 * `bench:screening` builds, at a tenth of its size with caps scaled by a tenth (the share of texts holding a
 * fingerprint is what matters), and reports for each sampling rate, cap and minimum of shared fingerprints the
 * share of planted copies that would become candidates of their source, the posting rows a query reads, and the
 * index rows a text costs.
 *
 *   node --import tsx bench/screening-postings.ts [-- --docs 100000 --copies 200]
 */
import { parseArgs } from "node:util";
import { screenedText, shingle } from "../src/screening/fingerprints.js";
import { initiative, nearCopy } from "../test/helpers/vietnamese-initiatives.js";

const { values } = parseArgs({
  options: { docs: { type: "string", default: "100000" }, copies: { type: "string", default: "200" } },
});
const N = Number(values.docs);
const COPIES = Number(values.copies);
// The same texts as bench/screening.ts.
const seedOf = (i: number) => i * 7919 + 13;
const sourceIndex = (k: number) => 1 + Math.floor(((k + 0.5) * N) / COPIES);
const hashesOf = (doc: ReturnType<typeof initiative>) =>
  [...shingle(screenedText(doc as unknown as Record<string, unknown>)).hashes].filter(
    (h) => (h >>> 0) % 4 === 0,
  );

const held = new Map<number, number>();
const ofSource = new Map<number, number[]>();
const sources = new Set(Array.from({ length: COPIES }, (_, k) => sourceIndex(k)));
for (let i = 1; i <= N; i++) {
  const hs = hashesOf(initiative(seedOf(i)));
  for (const h of hs) held.set(h, (held.get(h) ?? 0) + 1);
  if (sources.has(i)) ofSource.set(i, hs);
}
const scale = N / 1_000_000;
console.log(
  `${N.toLocaleString("en")} texts, ${COPIES} planted copies; caps as they would be over 1,000,000 texts`,
);
for (const [modulus, cap1m, minShared] of [
  [8, 1000, 2],
  [8, 1000, 1],
  [4, 1000, 2],
  [8, 3000, 2],
  [8, 5000, 2],
] as const) {
  const cap = cap1m * scale;
  let found = 0;
  let read = 0;
  for (let k = 0; k < COPIES; k++) {
    const s = sourceIndex(k);
    const theirs = new Set((ofSource.get(s) ?? []).filter((h) => (h >>> 0) % modulus === 0));
    let shared = 0;
    for (const h of hashesOf(nearCopy(initiative(seedOf(s)), 1_000_000_007 + k))) {
      if ((h >>> 0) % modulus !== 0) continue;
      const n = held.get(h) ?? 0;
      read += Math.min(n, cap + 1);
      if (theirs.has(h) && n <= cap) shared++;
    }
    if (shared >= minShared) found++;
  }
  let rows = 0;
  for (const [h, n] of held) if ((h >>> 0) % modulus === 0) rows += Math.min(n, cap + 1);
  console.log(
    `1 in ${modulus}, cap ${cap1m}, at least ${minShared} shared: recall ${((100 * found) / COPIES).toFixed(1)}%, ` +
      `${Math.round(read / COPIES / scale).toLocaleString("en")} posting rows read a query (at 1M), ` +
      `${(rows / N).toFixed(1)} index rows a text`,
  );
}
