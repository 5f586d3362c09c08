import { existsSync } from "node:fs";
import { z } from "zod";
import { createDatabase, type DatabaseHandle, databaseTarget } from "./create-database.js";
import { DataDirLockedError } from "./data-dir-lock.js";
import { migrateToLatest } from "./migrator.js";

/** The database settings of the command-line tools: DATABASE_URL and DATA_DIR, from the environment or `.env`. */
export function cliDatabaseEnv(): { DATABASE_URL: string | undefined; DATA_DIR: string } {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const env = z
    .object({ DATABASE_URL: z.string().optional(), DATA_DIR: z.string().default("./data") })
    .parse(process.env);
  return { DATABASE_URL: env.DATABASE_URL || undefined, DATA_DIR: env.DATA_DIR };
}

/**
 * For the command-line tools (db:migrate, db:seed, units:import): opens the database the bot would use, from
 * DATABASE_URL or DATA_DIR only (no bot token needed), brings it up to date, runs `task` and closes it.
 */
export async function withCliDatabase(
  task: (database: DatabaseHandle, applied: string[]) => Promise<void>,
): Promise<void> {
  const env = cliDatabaseEnv();
  let database: DatabaseHandle;
  try {
    database = await createDatabase(databaseTarget({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR }));
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  try {
    await task(database, await migrateToLatest(database.db));
  } finally {
    await database.close();
  }
}
