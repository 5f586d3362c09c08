import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { FileMigrationProvider, type MigrationResultSet, Migrator } from "kysely/migration";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet["results"],
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock while it runs, so several
 * instances starting together against one server migrate once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> by design.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: MIGRATIONS_DIR }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message ?? error}`, results);
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
