import { existsSync } from "node:fs";
import { join } from "node:path";
import { BackupError } from "../backup/backup-error.js";
import { requireOwner } from "../backup/embedded-backup.js";
import { createDatabase, type DatabaseHandle } from "../create-database.js";
import { DataDirLockedError } from "../data-dir-lock.js";
import { migrateToLatest } from "../migrator.js";
import { type CopiedTable, copyDatabase, requireEmpty } from "./copy-database.js";

/**
 * `npm run db:move`: the embedded database in `dataDir` copied whole into the empty PostgreSQL database at `url`,
 * with the bot stopped. Both are first brought to the latest schema (the target only once it is known to be empty),
 * then copyDatabase does the rest in one transaction. The embedded database is left as it was: a way back.
 */
export async function moveToServer(
  dataDir: string,
  url: string,
  onTable?: (copied: CopiedTable) => void,
): Promise<CopiedTable[]> {
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new BackupError(`${url} is not a PostgreSQL URL (postgres://user:password@host:5432/database).`);
  if (!existsSync(join(dataDir, "pglite", "PG_VERSION")))
    throw new BackupError(`There is no embedded database in ${dataDir} (DATA_DIR) to move.`);
  requireOwner(dataDir);
  let source: DatabaseHandle;
  try {
    source = await createDatabase({ kind: "pglite", dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new BackupError(`${error.message}\nThe move copies a database at rest: stop the bot first.`);
    throw error;
  }
  try {
    const target = await createDatabase({ kind: "postgres", url, poolSize: 1 });
    try {
      await requireEmpty(target.db);
      await migrateToLatest(source.db);
      await migrateToLatest(target.db);
      return await copyDatabase(source.db, target.db, onTable);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
