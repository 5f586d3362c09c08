import { type Kysely, sql } from "kysely";
import type { Database } from "../types.js";

export interface Column {
  name: string;
  /** As PostgreSQL spells it (format_type), to cast text back: `bigint`, `numeric(6,2)`, `timestamp with time zone`. */
  type: string;
  /** The identity or serial sequence behind the column, if any. */
  sequence: string | null;
}

export interface ForeignKey {
  references: string;
  columns: string[];
  /** Every column of the key may be null: the key can be filled in after the rows it names. */
  nullable: boolean;
}

export interface Table {
  name: string;
  /** The stored columns (generated ones are computed again on the target). */
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** The application's tables in schema `public`, read from the catalog (the migrator's own tables left out). */
export async function tablesOf(db: Kysely<Database>): Promise<Table[]> {
  const { rows: tables } = await sql<{ name: string; key: string[] | null }>`
    select c.relname::text as name,
      (select array_agg(a.attname::text order by k.ord)
         from pg_constraint p cross join unnest(p.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.attnum
        where p.conrelid = c.oid and p.contype = 'p') as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely\\_%'
    order by 1`.execute(db);
  const { rows: columns } = await sql<Column & { table: string }>`
    select c.relname::text as table, a.attname::text as name, format_type(a.atttypid, a.atttypmod) as type,
      pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const { rows: keys } = await sql<ForeignKey & { table: string }>`
    select c.conrelid::regclass::text as table, c.confrelid::regclass::text as references,
      array_agg(a.attname::text order by k.ord) as columns, bool_and(not a.attnotnull) as nullable
    from pg_constraint c cross join unnest(c.conkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
    join pg_namespace n on n.oid = c.connamespace
    where c.contype = 'f' and n.nspname = 'public'
    group by c.oid, c.conrelid, c.confrelid`.execute(db);
  return tables.map((t) => {
    if (!t.key) throw new Error(`${t.name} has no primary key: it cannot be copied in batches`);
    return {
      name: t.name,
      primaryKey: t.key,
      columns: columns
        .filter((c) => c.table === t.name)
        .map(({ name, type, sequence }) => ({ name, type, sequence })),
      foreignKeys: keys
        .filter((k) => k.table === t.name)
        .map(({ references, columns, nullable }) => ({ references, columns, nullable })),
    };
  });
}

/**
 * The tables in an order where each comes after the tables it references. A reference that closes a cycle (or
 * names its own table) is set aside when its columns may be null: copied empty, filled in afterwards (`deferred`:
 * table -> columns). A cycle through keys that may not be null cannot be copied this way and is refused.
 */
export function foreignKeyOrder(tables: Table[]): { order: Table[]; deferred: Map<string, string[]> } {
  const deferred = new Map<string, string[]>();
  const defer = (table: string, key: ForeignKey) =>
    deferred.set(table, [...(deferred.get(table) ?? []), ...key.columns]);
  const pending = new Map(
    tables.map((t) => [
      t.name,
      t.foreignKeys.filter((k) => {
        if (k.references !== t.name) return true;
        if (!k.nullable) throw new Error(`${t.name} references itself through a key that may not be null`);
        defer(t.name, k);
        return false;
      }),
    ]),
  );
  const order: Table[] = [];
  while (pending.size > 0) {
    const ready = tables.filter(
      (t) => pending.has(t.name) && pending.get(t.name)?.every((k) => !pending.has(k.references)),
    );
    if (ready.length > 0) {
      for (const t of ready) {
        order.push(t);
        pending.delete(t.name);
      }
      continue;
    }
    // A cycle: the tables left that both reference and are referenced within what is left (repeatedly), hold it.
    // Set aside a nullable reference among them, preferring one that frees its table, and of those the table most
    // referenced (freeing it breaks every cycle through it: users, here, copied before its active draft is set).
    const core = new Set(pending.keys());
    for (let changed = true; changed; ) {
      changed = false;
      for (const name of core) {
        const refers = pending.get(name)?.some((k) => core.has(k.references));
        const referred = [...core].some((other) => pending.get(other)?.some((k) => k.references === name));
        if (!refers || !referred) {
          core.delete(name);
          changed = true;
        }
      }
    }
    const inCore = (keys: ForeignKey[]) => keys.filter((k) => core.has(k.references));
    const candidates = [...core].flatMap((table) => {
      const keys = pending.get(table) ?? [];
      return inCore(keys)
        .filter((k) => k.nullable)
        .map((key) => ({ table, keys, key, frees: inCore(keys).length === 1 }));
    });
    const referrers = (table: string) =>
      [...core].filter((other) => pending.get(other)?.some((k) => k.references === table)).length;
    candidates.sort((a, b) => Number(b.frees) - Number(a.frees) || referrers(b.table) - referrers(a.table));
    const choice = candidates[0];
    if (!choice)
      throw new Error(
        `the tables ${[...pending.keys()].join(", ")} reference each other through required keys`,
      );
    defer(choice.table, choice.key);
    pending.set(
      choice.table,
      choice.keys.filter((k) => k !== choice.key),
    );
  }
  return { order, deferred };
}
