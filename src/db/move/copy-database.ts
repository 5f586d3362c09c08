import { type Kysely, sql } from "kysely";
import { BackupError } from "../backup/backup-error.js";
import type { Database } from "../types.js";
import { foreignKeyOrder, type Table, tablesOf } from "./schema-catalog.js";

/** Rows per INSERT, within PostgreSQL's 65,535 parameters per statement. */
const BATCH_ROWS = 1000;
const MAX_PARAMETERS = 60_000;

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies every row of `source` into `target`, both already migrated to the same schema: in one transaction on the
 * target (all or nothing), tables in foreign-key order, in batches read in primary-key order. Values travel as
 * PostgreSQL's own text (`col::text`, parsed back by the column's type on the target), so nothing is reinterpreted
 * on the way: bigints, numerics, timestamps, dates and JSON arrive exactly as they were. A key that closes a cycle
 * (users.active_draft_id -> submissions -> users) is copied empty first and set once the rows it names are in.
 * Identity sequences then continue after the source's. A target with any row in an application table is refused.
 */
export async function copyDatabase(
  source: Kysely<Database>,
  target: Kysely<Database>,
  onTable: (copied: CopiedTable) => void = () => {},
): Promise<CopiedTable[]> {
  const tables = await tablesOf(source);
  const targetTables = new Map((await tablesOf(target)).map((t) => [t.name, t]));
  for (const table of tables) {
    const there = targetTables.get(table.name);
    const missing = table.columns.filter((c) => !there?.columns.some((d) => d.name === c.name));
    if (missing.length > 0)
      throw new BackupError(
        `The target has no ${missing.map((c) => `${table.name}.${c.name}`).join(", ")}: its schema differs.`,
      );
  }
  const { order, deferred } = foreignKeyOrder(tables);

  return target.transaction().execute(async (trx) => {
    await requireEmpty(trx);

    const copied: CopiedTable[] = [];
    for (const table of order) {
      // The target was empty: rows here now were made by a trigger from a table copied before (library_documents
      // from submissions). They give way to the source's own rows, which the count check below then confirms.
      await sql`delete from ${sql.table(table.name)}`.execute(trx);
      const rows = await copyTable(source, trx, table, deferred.get(table.name) ?? []);
      copied.push({ table: table.name, rows });
      onTable({ table: table.name, rows });
    }
    for (const table of order) {
      const columns = deferred.get(table.name);
      if (columns) await fillDeferred(source, trx, table, columns);
    }
    for (const table of order) await continueSequences(source, trx, table);
    for (const { table, rows } of copied) {
      const { rows: count } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(
        trx,
      );
      if (Number(count[0]?.n) !== rows) throw new Error(`${table}: ${count[0]?.n} rows copied of ${rows}`);
    }
    return copied;
  });
}

/** Refuses a database with a row in any table of schema public (tables without rows, freshly migrated, will do). */
export async function requireEmpty(db: Kysely<Database>): Promise<void> {
  const { rows: tables } = await sql<{ name: string }>`
    select tablename::text as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely\\_%' order by 1`.execute(db);
  const filled = [];
  for (const { name } of tables) {
    const { rows } = await sql`select 1 from ${sql.table(name)} limit 1`.execute(db);
    if (rows.length > 0) filled.push(name);
  }
  if (filled.length > 0)
    throw new BackupError(
      `The target database is not empty (rows in ${filled.join(", ")}). Move into an empty database ` +
        "(createdb); nothing was changed.",
    );
}

/** Reads the source in key order, `BATCH_ROWS` at a time (keyset pagination), and inserts each batch. */
async function copyTable(
  source: Kysely<Database>,
  target: Kysely<Database>,
  table: Table,
  deferred: string[],
): Promise<number> {
  const columns = table.columns;
  const perBatch = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  const key = table.primaryKey;
  const keyIndexes = key.map((k) => columns.findIndex((c) => c.name === k));
  // Aliased by position: the row's values are read back in column order.
  const list = sql.join(columns.map((c, i) => sql`${sql.ref(c.name)}::text as ${sql.ref(`c${i}`)}`));
  const keyList = sql.join(key.map((k) => sql.ref(k)));
  const insertColumns = sql.join(columns.map((c) => sql.ref(c.name)));
  let last: (string | null)[] | undefined;
  let total = 0;
  for (;;) {
    const after = last
      ? sql`where (${keyList}) > (${sql.join(
          keyIndexes.map((at) => sql`cast(${last?.[at]} as ${sql.raw(columns[at]?.type as string)})`),
        )})`
      : sql``;
    const { rows } = await sql<Record<string, string | null>>`
      select ${list} from ${sql.table(table.name)} ${after} order by ${keyList} limit ${perBatch}`.execute(
      source,
    );
    if (rows.length === 0) return total;
    const values = rows.map(
      (row) =>
        sql`(${sql.join(
          columns.map((c, i) =>
            deferred.includes(c.name) ? sql`null` : sql`cast(${row[`c${i}`] ?? null} as ${sql.raw(c.type)})`,
          ),
        )})`,
    );
    await sql`insert into ${sql.table(table.name)} (${insertColumns}) overriding system value
      values ${sql.join(values)}`.execute(target);
    total += rows.length;
    if (rows.length < perBatch) return total;
    const lastRow = rows[rows.length - 1] as Record<string, string | null>;
    last = columns.map((_, i) => lastRow[`c${i}`] ?? null);
  }
}

/** Sets the keys copied empty, now that every row they may name is in (one UPDATE per batch of rows). */
async function fillDeferred(
  source: Kysely<Database>,
  target: Kysely<Database>,
  table: Table,
  deferred: string[],
): Promise<void> {
  const typeOf = (name: string) => sql.raw(table.columns.find((c) => c.name === name)?.type as string);
  const names = [...table.primaryKey, ...deferred];
  const alias = (i: number) => sql.ref(`c${i}`);
  const { rows } = await sql<Record<string, string | null>>`
    select ${sql.join(names.map((c, i) => sql`${sql.ref(c)}::text as ${alias(i)}`))}
    from ${sql.table(table.name)}
    where ${sql.join(
      deferred.map((c) => sql`${sql.ref(c)} is not null`),
      sql` or `,
    )}`.execute(source);
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const values = batch.map((row) => sql`(${sql.join(names.map((_, i) => sql`${row[`c${i}`] ?? null}`))})`);
    const keyCount = table.primaryKey.length;
    await sql`update ${sql.table(table.name)} as t set ${sql.join(
      deferred.map((c, j) => sql`${sql.ref(c)} = cast(v.${alias(keyCount + j)} as ${typeOf(c)})`),
    )} from (values ${sql.join(values)}) as v(${sql.join(names.map((_, i) => alias(i)))})
    where ${sql.join(
      table.primaryKey.map((k, i) => sql`t.${sql.ref(k)} = cast(v.${alias(i)} as ${typeOf(k)})`),
      sql` and `,
    )}`.execute(target);
  }
}

/** An identity column's sequence continues after the source's (never below a copied value). */
async function continueSequences(
  source: Kysely<Database>,
  target: Kysely<Database>,
  table: Table,
): Promise<void> {
  for (const column of table.columns.filter((c) => c.sequence)) {
    const sequence = column.sequence as string;
    const { rows } = await sql<{ next: string }>`
      select (case when is_called then last_value + 1 else last_value end)::text as next
      from ${sql.raw(sequence)}`.execute(source);
    const next = rows[0]?.next ?? "1";
    await sql`select setval(${sequence}::regclass, greatest(${next}::bigint,
        (select coalesce(max(${sql.ref(column.name)}), 0) + 1 from ${sql.table(table.name)})), false)`.execute(
      target,
    );
  }
}
