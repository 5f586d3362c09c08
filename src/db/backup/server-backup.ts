import { spawn } from "node:child_process";
import { chmodSync, readFileSync, renameSync, rmSync } from "node:fs";
import pg from "pg";
import { BackupError, refuseExisting } from "./backup-error.js";

/**
 * Backups of a PostgreSQL server's database with PostgreSQL's own tools, pg_dump and pg_restore, in their custom
 * format (compressed, restorable table by table, by any newer server). They must be installed and at least the
 * server's version (Debian: `apt install postgresql-client`).
 */
export async function backupServer(url: string, outFile: string): Promise<void> {
  refuseExisting(outFile);
  try {
    await run(
      "pg_dump",
      ["--format=custom", "--no-owner", "--no-privileges", `--file=${outFile}.partial`],
      url,
    );
    // The dump holds the teachers' personal data: readable by its owner only, whatever the umask (the embedded
    // database's backups are written 0600 too).
    chmodSync(`${outFile}.partial`, 0o600);
    renameSync(`${outFile}.partial`, outFile);
  } finally {
    rmSync(`${outFile}.partial`, { force: true });
  }
}

/**
 * Restores a pg_dump archive into the database at `url`, in one transaction (all or nothing). A database that
 * already has tables is refused unless `force`, which drops and recreates what the archive holds.
 */
export async function restoreServer(file: string, url: string, { force = false } = {}): Promise<void> {
  const head = readFileSync(file).subarray(0, 5).toString("latin1");
  if (head !== "PGDMP")
    throw new BackupError(
      `${file} is not a pg_dump archive (custom format). A .tar.gz from the embedded database is restored ` +
        "without DATABASE_URL; to bring the embedded database to a server, use npm run db:move.",
    );
  const tables = await tablesIn(url);
  if (tables.length > 0 && !force)
    throw new BackupError(
      `The database already has ${tables.length} table(s) (${tables.slice(0, 5).join(", ")}…). Restore into an ` +
        "empty database (createdb), or add --force to replace what the backup holds.",
    );
  await run(
    "pg_restore",
    [
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      ...(force ? ["--clean", "--if-exists"] : []),
      file,
    ],
    url,
  );
}

async function tablesIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select tablename as name from pg_tables where schemaname = 'public' order by 1",
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * Runs a PostgreSQL client tool on the database at `url`. The password goes in PGPASSWORD, not on the command line,
 * where every user of the machine could read it (ps).
 */
function run(tool: string, args: string[], url: string): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${parsed.href}`], {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "ENOENT"
          ? new BackupError(
              `${tool} was not found. Install PostgreSQL's client tools, at least the server's version ` +
                "(Debian/Ubuntu: apt install postgresql-client), or put them on PATH.",
            )
          : error,
      ),
    );
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${tool} failed (exit code ${code}):\n${stderr.trim()}`)),
    );
  });
}
