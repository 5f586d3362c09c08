import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { cliDatabaseEnv } from "../cli-database.js";
import { BackupError } from "./backup-error.js";
import { restoreEmbedded } from "./embedded-backup.js";
import { restoreServer } from "./server-backup.js";

// npm run db:restore -- <file> [--force] [--data-dir <dir>]
const USAGE =
  "Usage: npm run db:restore -- <backup file> [--force] [--data-dir <dir>]\n" +
  "Restores into DATA_DIR (or --data-dir) with the bot stopped, or into the DATABASE_URL server's database.\n" +
  "A database that is not empty is left alone unless --force (the embedded one is then moved aside, kept).";
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean", default: false }, "data-dir": { type: "string" } },
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error(file ? `${file} does not exist.\n\n${USAGE}` : USAGE);
  process.exit(2);
}
const env = cliDatabaseEnv();

try {
  if (env.DATABASE_URL && !values["data-dir"]) {
    await restoreServer(file, env.DATABASE_URL, { force: values.force });
    console.log(`Restored ${file} into the PostgreSQL database (DATABASE_URL).`);
  } else {
    const dataDir = resolve(values["data-dir"] ?? env.DATA_DIR);
    const restored = await restoreEmbedded(file, dataDir, { force: values.force });
    if (restored.movedAside) console.log(`The database that was there is kept in ${restored.movedAside}.`);
    console.log(
      `Restored ${file} into ${dataDir}: ${restored.submissions} submission(s), ${restored.migrations} ` +
        `migrations applied. Start the bot with DATA_DIR=${dataDir}.`,
    );
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
