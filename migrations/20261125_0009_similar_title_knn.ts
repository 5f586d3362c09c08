import { type Kysely, sql } from "kysely";

// The similar-title check asks for the three nearest titles over its own threshold, not for every title over
// pg_trgm's default one: a GiST trigram index answers "where search_title % $1 order by search_title <-> $1
// limit 3" by walking the index (k-nearest neighbours, subtrees under the threshold skipped), so its cost stays
// flat as years of near-identical titles pile up (0.7–0.9 s at 10,000 before; see docs/benchmarks.md).
export async function up(db: Kysely<any>): Promise<void> {
  // A 1,024-byte signature (the default is 12) keeps near-identical titles apart in the index, so the walk rechecks
  // a few rows instead of thousands: p95 34 ms over a million near-identical titles, against 61-64 ms with 256 bytes
  // and 213 ms with the default (docs/benchmarks.md).
  await sql`create index submissions_search_title_knn on submissions
    using gist (search_title gist_trgm_ops(siglen=1024))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index submissions_search_title_knn`.execute(db);
}
