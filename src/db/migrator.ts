import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from "kysely/migration";

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
 * Reads the migrations folder like Kysely's FileMigrationProvider, but imports from this module: an import made
 * inside node_modules would bypass the TypeScript loader (tsx in development, vite in tests).
 */
export class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly folder: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.folder))
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts"))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.(ts|js|mjs)$/, "")] = (await import(
        pathToFileURL(join(this.folder, file)).href
      )) as Migration;
    }
    return migrations;
  }
}

/**
 * Brings the schema up to date. Kysely's migrator holds a PostgreSQL advisory lock while it runs, so several
 * instances starting together against one server migrate once.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> by design.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider(MIGRATIONS_DIR) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message ?? error}`, results);
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
