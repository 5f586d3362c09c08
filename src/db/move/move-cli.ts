import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { BackupError } from "../backup/backup-error.js";
import { cliDatabaseEnv } from "../cli-database.js";
import { moveToServer } from "./move-to-server.js";

// npm run db:move -- postgres://user:password@host:5432/database
const { positionals } = parseArgs({ allowPositionals: true });
const url = positionals[0];
if (!url) {
  console.error(
    "Usage: npm run db:move -- postgres://user:password@host:5432/database\n" +
      "Copies the embedded database (DATA_DIR) into that empty PostgreSQL database, with the bot stopped.",
  );
  process.exit(2);
}
const dataDir = resolve(cliDatabaseEnv().DATA_DIR);

try {
  let total = 0;
  const copied = await moveToServer(dataDir, url, ({ table, rows }) => {
    total += rows;
    console.log(`${table.padEnd(24)} ${String(rows).padStart(9)} rows`);
  });
  const shown = new URL(url);
  shown.password = shown.password ? "***" : "";
  console.log(
    `\nMoved ${total} rows in ${copied.length} tables from ${dataDir} to ${shown.href}.\n` +
      "Set DATABASE_URL to that URL (in .env or the service's environment) and start the bot. The embedded " +
      "database is left as it was, as a way back; remove DATA_DIR once you no longer need it.",
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
