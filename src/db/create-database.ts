import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { customParsers } from "./type-parsers.js";
import type { Database } from "./types.js";

export type DialectName = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes the pool or PGlite (flushing it to disk) and releases the data-directory lock. */
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

export function databaseTarget(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: resolve(config.dataDir) };
}

const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    customParsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export async function createDatabase(
  target: DatabaseTarget,
  /** Told when PostgreSQL drops an idle connection (a restart, a failover, an idle timeout); the pool reconnects. */
  onConnectionLost: (err: Error) => void = () => {},
): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: pgTypes });
    // Without a listener, the 'error' a connection emits when the server goes away ends the process: the pool
    // listens only while a connection is idle, so every connection gets its own listener (one held for a long time,
    // like the broadcast sender's lock, included). Queries in flight fail on their own (their update is handed back
    // to the inbox); a dead connection is dropped when released, and the next queries open new ones.
    pool.on("connect", (client) => client.on("error", onConnectionLost));
    pool.on("error", () => {}); // the same error, already told by the connection's own listener

    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  const release = target.kind === "pglite" ? await lockDataDir(target.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(target.kind === "pglite" ? { dataDir: join(target.dataDir, "pglite") } : {}),
      parsers: customParsers,
      extensions: { pg_trgm, unaccent },
      // PGlite keeps PostgreSQL's 128MB shared buffers in its WASM heap, which never shrinks; a bot's working set
      // is far smaller, and this takes about 100 MB off the idle process (docs/benchmarks.md).
      postgresqlconf: ["shared_buffers = 32MB"],
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      dialect: "pglite",
      close: async () => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
