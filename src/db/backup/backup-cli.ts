import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { cliDatabaseEnv } from "../cli-database.js";
import { BackupError } from "./backup-error.js";
import { backupEmbedded } from "./embedded-backup.js";
import { backupServer } from "./server-backup.js";

// npm run db:backup [-- <file>]: the embedded database (running or stopped) or the DATABASE_URL server's.
const { positionals } = parseArgs({ allowPositionals: true });
const env = cliDatabaseEnv();
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
const outFile = resolve(
  positionals[0] ?? join("backups", `thidua-${stamp}.${env.DATABASE_URL ? "dump" : "tar.gz"}`),
);
mkdirSync(dirname(outFile), { recursive: true });

try {
  if (env.DATABASE_URL) {
    await backupServer(env.DATABASE_URL, outFile);
    console.log(`Backed up the PostgreSQL database to ${outFile} (pg_dump, custom format).`);
  } else {
    const { bytes, byRunningBot } = await backupEmbedded(resolve(env.DATA_DIR), outFile);
    console.log(
      `Backed up the embedded database in ${env.DATA_DIR} to ${outFile} (${(bytes / 1e6).toFixed(1)} MB` +
        `${byRunningBot ? ", made by the running bot" : ""}).`,
    );
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
