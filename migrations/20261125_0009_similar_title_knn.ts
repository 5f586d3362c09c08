import { type Kysely, sql } from "kysely";

// The similar-title check asks for the three nearest titles, not for every title over a threshold: a GiST trigram
// index answers "order by search_title <-> $1 limit 3" by walking the index (k-nearest neighbours), so its cost
// stays flat as years of near-identical titles pile up (0.7–0.9 s at 10,000 before; see docs/benchmarks.md).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index submissions_search_title_knn on submissions using gist (search_title gist_trgm_ops)
    where status not in ('draft', 'withdrawn')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index submissions_search_title_knn`.execute(db);
}
