import { type Kysely, sql } from "kysely";
import type { Database, Unit } from "../db/types.js";
import { escapeLike } from "../shared/text.js";

type Db = Kysely<Database>;

export type UnitRow = Pick<
  Unit,
  "code" | "name" | "search_name" | "district" | "school_level" | "cluster" | "block"
>;

/** Inserts or updates units by code; returns how many were inserted and how many updated. */
export async function upsertUnits(db: Db, rows: UnitRow[]): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto("units")
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column("code").doUpdateSet((eb) => ({
          name: eb.ref("excluded.name"),
          search_name: eb.ref("excluded.search_name"),
          district: eb.ref("excluded.district"),
          school_level: eb.ref("excluded.school_level"),
          cluster: eb.ref("excluded.cluster"),
          block: eb.ref("excluded.block"),
          active: true,
        })),
      )
      // xmax = 0 marks a freshly inserted row in PostgreSQL.
      .returning(sql<boolean>`xmax = 0`.as("inserted"))
      .execute();
    inserted += result.filter((r) => r.inserted).length;
  }
  return { inserted, updated: rows.length - inserted };
}

/** Units whose folded name contains every folded term, best (shortest) names first. */
export function searchUnits(db: Db, terms: string[], limit: number): Promise<Unit[]> {
  let query = db.selectFrom("units").selectAll().where("active", "=", true);
  for (const term of terms) query = query.where("search_name", "like", `%${escapeLike(term)}%`);
  return query.orderBy(sql`length(name)`).orderBy("name").limit(limit).execute();
}

/** The distinct values of a grouping column (district, cluster, block) among active units. */
export async function listGroups(db: Db, column: "district" | "cluster" | "block"): Promise<string[]> {
  const rows = await db
    .selectFrom("units")
    .select(column)
    .distinct()
    .where("active", "=", true)
    .orderBy(column)
    .execute();
  return rows.map((r) => r[column]);
}

export function listUnitsInDistrict(db: Db, district: string): Promise<Unit[]> {
  return db
    .selectFrom("units")
    .selectAll()
    .where("active", "=", true)
    .where("district", "=", district)
    .orderBy("school_level")
    .orderBy("name")
    .execute();
}

export function findUnitById(db: Db, id: number): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function countUnits(db: Db): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("code", "=", code).executeTakeFirst();
}
