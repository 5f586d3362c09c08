import { type Kysely, sql } from "kysely";

// A campaign that takes initiatives and nominations scores each on its own criteria: the rubric column becomes
// { initiative?: [...], nomination?: [...] }, each criterion { key, weight, name? } (name: as the administrator typed it).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update campaigns set rubric = jsonb_build_object('initiative', rubric, 'nomination', rubric)
    where jsonb_typeof(rubric) = 'array'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update campaigns set rubric = coalesce(rubric -> 'initiative', rubric -> 'nomination')
    where jsonb_typeof(rubric) = 'object'`.execute(db);
}
