import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import type pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
import { customParsers } from "./type-parsers.js";
import type { Database } from "./types.js";

export type DialectName = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes the pool or PGlite (flushing it to disk) and releases the data-directory lock. */
  close(): Promise<void>;
  /**
   * The embedded database's data directory as a gzipped tarball (PGlite's dumpDataDir), taken between
   * transactions: absent on PostgreSQL, whose backups are pg_dump's.
   */
  snapshot?: () => Promise<Blob>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  /** `loadDataDir`: a tarball (from `snapshot`) to create the database from; PGlite refuses it over an existing one. */
  | { kind: "pglite"; dataDir: string; loadDataDir?: Blob }
  | { kind: "pglite-memory" };

export function databaseTarget(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl
    ? { kind: "postgres", url: config.databaseUrl }
    : { kind: "pglite", dataDir: resolve(config.dataDir) };
}

export async function createDatabase(
  target: DatabaseTarget,
  /** Told when PostgreSQL drops an idle connection (a restart, a failover, an idle timeout); the pool reconnects. */
  onConnectionLost: (err: Error) => void = () => {},
): Promise<DatabaseHandle> {
  // Each database's client is loaded only when it is the one used: the embedded one (PGlite) is ~0.5 MB of code an
  // instance on a server never runs, and what an idle bot loads stays in its memory (docs/benchmarks.md).
  if (target.kind === "postgres") {
    const { default: pg } = await import("pg");
    const pgTypes: pg.CustomTypesConfig = {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        customParsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
    };
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
    const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("@electric-sql/pglite/contrib/pg_trgm"),
      import("@electric-sql/pglite/contrib/unaccent"),
    ]);
    const pglite = await PGlite.create({
      ...(target.kind === "pglite"
        ? { dataDir: join(target.dataDir, "pglite"), loadDataDir: target.loadDataDir }
        : {}),
      parsers: customParsers,
      extensions: { pg_trgm, unaccent },
      // PGlite keeps PostgreSQL's shared buffers in its WASM heap, which never shrinks, and touches all of them at
      // start: the default 128MB cost ~100 MB of the idle process, 32MB still 18 MB more than 16MB. A bot's working
      // set is far smaller, and the data files are read through the OS's page cache: point lookups, a unit's page
      // and a full aggregate over an 86 MB table took the same time with 32, 16 or 8MB (docs/benchmarks.md).
      postgresqlconf: ["shared_buffers = 16MB"],
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      dialect: "pglite",
      snapshot: () => snapshotOf(pglite),
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

/**
 * Checkpoints (less to replay when restored), then waits until no transaction is open and copies the data directory
 * while PGlite's mutexes keep every statement out: every PGlite query and Kysely transaction holds its transaction
 * mutex, from BEGIN to COMMIT for the latter. The tarball is the state after the last commit, as a crash at that
 * instant would leave it, which PostgreSQL opens by replaying its write-ahead log. Statements wait for the copy
 * only: it is compressed afterwards, on libuv's thread pool (docs/benchmarks.md).
 */
async function snapshotOf(pglite: PGlite): Promise<Blob> {
  await pglite.exec("checkpoint");
  const tar = await pglite._runExclusiveTransaction(() => pglite.dumpDataDir("none"));
  const gzipped = await promisify(gzip)(new Uint8Array(await tar.arrayBuffer()));
  return new Blob([new Uint8Array(gzipped)], { type: "application/x-gzip" });
}
