import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { createDatabase } from "../create-database.js";
import { DataDirLockedError, lockDataDir } from "../data-dir-lock.js";
import { BackupError, refuseExisting } from "./backup-error.js";
import { requestBackup, writeDurably } from "./backup-request.js";

/** Where createDatabase keeps PGlite's own files inside DATA_DIR. */
export const pgliteDirOf = (dataDir: string) => join(dataDir, "pglite");

/**
 * Root opening the bot's data directory would leave files there the bot's own user cannot write (write-ahead log
 * segments, a restored database), and the bot would not start again: refused, with what to run instead. (Asking the
 * running bot for a backup is fine: the bot writes the files.)
 */
export function requireOwner(dataDir: string): void {
  const owner = foreignOwner(dataDir);
  if (owner !== undefined)
    throw new BackupError(
      `${dataDir} belongs to user id ${owner}, the bot's: run this as that user (sudo -u <user> …), so that ` +
        "the files it writes there stay the bot's.",
    );
}

function foreignOwner(dataDir: string): number | undefined {
  if (process.getuid?.() !== 0 || !existsSync(dataDir)) return undefined;
  const owner = statSync(dataDir).uid;
  return owner === 0 ? undefined : owner;
}

export interface EmbeddedBackup {
  bytes: number;
  /** The bot was running and made the copy itself (backup-request.ts); otherwise this process opened the directory. */
  byRunningBot: boolean;
}

/**
 * A backup of the embedded database as a gzipped tarball of its data directory (PGlite's dumpDataDir), whether the
 * bot runs or not. A physical copy rather than an SQL dump (@electric-sql/pglite-tools' WASM pg_dump): it needs no
 * new dependency, is restored by PGlite itself in seconds with nothing replayed, and is taken without a second
 * connection (PGlite has one, the bot's). It restores into the same PGlite major version; to leave PGlite, use
 * `npm run db:move`.
 */
export async function backupEmbedded(
  dataDir: string,
  outFile: string,
  wait?: { pickupMs?: number; finishMs?: number },
): Promise<EmbeddedBackup> {
  if (!existsSync(join(pgliteDirOf(dataDir), "PG_VERSION")))
    throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR) to back up.`);
  refuseExisting(outFile);
  const byRunningBot = async () => {
    moveFile(await requestBackup(dataDir, wait), outFile);
    return { bytes: statSync(outFile).size, byRunningBot: true };
  };
  // Root on the bot's directory may only ask the running bot (requireOwner).
  if (foreignOwner(dataDir) !== undefined) {
    if (!(await isLocked(dataDir))) requireOwner(dataDir);
    return byRunningBot();
  }
  let database: Awaited<ReturnType<typeof createDatabase>>;
  try {
    database = await createDatabase({ kind: "pglite", dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    return byRunningBot();
  }
  try {
    const tarball = await (database.snapshot as () => Promise<Blob>)();
    await writeDurably(`${outFile}.partial`, new Uint8Array(await tarball.arrayBuffer()));
    renameSync(`${outFile}.partial`, outFile);
    return { bytes: tarball.size, byRunningBot: false };
  } finally {
    await database.close();
  }
}

async function isLocked(dataDir: string): Promise<boolean> {
  try {
    (await lockDataDir(dataDir))();
    return false;
  } catch (error) {
    if (error instanceof DataDirLockedError) return true;
    throw error;
  }
}

export interface EmbeddedRestore {
  /** Where the data directory's previous database was moved (with --force). */
  movedAside?: string;
  migrations: number;
  submissions: number;
}

/**
 * Restores a backup into DATA_DIR, with the bot stopped. A directory that already holds a database is refused
 * unless `force`, and even then it is moved aside (`pglite.before-restore-<time>`), never deleted.
 */
export async function restoreEmbedded(
  file: string,
  dataDir: string,
  { force = false }: { force?: boolean } = {},
): Promise<EmbeddedRestore> {
  const bytes = await readFile(file);
  if (bytes.subarray(0, 5).toString("latin1") === "PGDMP")
    throw new BackupError(
      `${file} is a PostgreSQL dump (pg_dump): restore it into a server, with DATABASE_URL set.`,
    );
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new BackupError(
      `${file} is not a backup of the embedded database (a .tar.gz from npm run db:backup).`,
    );

  requireOwner(dataDir);
  // Checked and moved aside under the lock, so that no bot is running on the directory meanwhile. The lock is then
  // handed to createDatabase, which takes it again: a bot started in between finds a database already there and
  // PGlite refuses to load over it ("Database already exists"), so nothing is overwritten either way.
  let release: () => void;
  try {
    release = await lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new BackupError(`${error.message}\nA restore replaces the database: stop the bot first.`);
    throw error;
  }
  let movedAside: string | undefined;
  try {
    const target = pgliteDirOf(dataDir);
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!force)
        throw new BackupError(
          `${target} already holds a database. Restore into an empty DATA_DIR, or add --force to move the ` +
            "current one aside (it is kept, renamed) and restore in its place.",
        );
      movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      renameSync(target, movedAside);
    }
  } finally {
    release();
  }

  const database = await createDatabase({
    kind: "pglite",
    dataDir,
    loadDataDir: new Blob([bytes], { type: "application/x-gzip" }),
  });
  try {
    // Reading the tables proves the restored files open as a database (PostgreSQL checks its pages as it reads).
    const migrations = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(
      database.db,
    );
    const submissions = await sql<{ n: number }>`select count(*)::int as n from submissions`.execute(
      database.db,
    );
    return {
      movedAside,
      migrations: migrations.rows[0]?.n ?? 0,
      submissions: submissions.rows[0]?.n ?? 0,
    };
  } finally {
    await database.close();
  }
}

/** A rename, or a copy where the destination is on another file system (a mounted backup disk). */
export function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(from, `${to}.partial`);
    renameSync(`${to}.partial`, to);
    rmSync(from);
  }
}
