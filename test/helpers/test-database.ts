import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { createDatabase, type DatabaseHandle, type DialectName } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";

const SERVER_URL = process.env.TEST_DATABASE_URL;

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set. The same suites run on each. */
export const DIALECTS: DialectName[] = SERVER_URL ? ["pglite", "postgres"] : ["pglite"];

export const hasPostgres = SERVER_URL !== undefined;

export interface TestDatabase extends DatabaseHandle {
  /** Connection URL of the fresh PostgreSQL database (postgres dialect only). */
  url?: string;
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the TEST_DATABASE_URL server. */
export async function createTestDatabase(
  dialect: DialectName,
  { migrate = true } = {},
): Promise<TestDatabase> {
  if (dialect === "pglite") {
    const handle = await createDatabase({ kind: "pglite-memory" });
    if (migrate) await migrateToLatest(handle.db);
    return handle;
  }
  const url = await createEmptyPostgresDatabase();
  const handle = await createDatabase({ kind: "postgres", url });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await dropPostgresDatabase(url);
    },
  };
}

export async function createEmptyPostgresDatabase(): Promise<string> {
  if (!SERVER_URL) throw new Error("TEST_DATABASE_URL is not set");
  const name = `t_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await withServer((client) => client.query(`create database ${name}`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.href;
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withServer((client) => client.query(`drop database if exists ${name} with (force)`));
}

async function withServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh migrated database for the enclosing describe block: opened before its tests, closed after. Read `.db`
 * inside tests (it is set once the block starts).
 */
export function useTestDatabase(dialect: DialectName): TestDatabase {
  const holder = {} as TestDatabase;
  let handle: TestDatabase | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    Object.assign(holder, handle);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return holder;
}

/** Empties every application table (for suites whose tests each need a clean slate in the shared database). */
export async function truncateAll(db: TestDatabase["db"]): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%'`.execute(
    db,
  );
  const tables = rows.map((r) => `"${r.tablename}"`).join(", ");
  await sql.raw(`truncate ${tables} restart identity cascade`).execute(db);
}

/** What a PostgreSQL restart, a failover or an idle-session timeout does: ends every connection to the database at `url`. */
export async function terminateConnections(url: string): Promise<number> {
  return withServer(async (client) => {
    const result = await client.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [new URL(url).pathname.slice(1)],
    );
    return result.rowCount ?? 0;
  });
}
