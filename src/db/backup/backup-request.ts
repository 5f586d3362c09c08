import { randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "../../logger.js";
import { BackupError } from "./backup-error.js";

/**
 * How `npm run db:backup` gets a backup of the embedded database while the bot runs.
 *
 * PGlite is PostgreSQL in one process: the running bot holds the data directory (its lock, src/db/data-dir-lock.ts)
 * and no second process may open it, nor copy its files, which change under it. So the bot makes the copy itself,
 * between transactions (DatabaseHandle.snapshot), when asked through files in `DATA_DIR/backup-requests/`:
 *
 *   1. the tool writes `<id>.request` (through a temporary name, so the bot never reads half a file);
 *   2. the bot, which looks every second, claims it by renaming it to `<id>.working`, writes the tarball to
 *      `<id>.tar.gz.partial`, flushes it and renames it to `<id>.tar.gz` (or writes `<id>.error`);
 *   3. the tool moves `<id>.tar.gz` to where the operator asked.
 *
 * Files, rather than a signal or the webhook's HTTP port: who may ask is whoever may write the data directory (the
 * file system's permissions, nothing new to secure); it works in polling mode, with no port open, and in a container
 * (`docker exec`); and the bot writes only inside its own data directory (a systemd unit's ReadWritePaths).
 */
export const REQUESTS_DIR = "backup-requests";

const POLL_MS = 1000;
/** A finished copy or an error nobody collected within this (its tool waits at most 30 minutes) was abandoned. */
export const ABANDONED_MS = 60 * 60_000;

/**
 * Deletes what no tool will collect any more: a tarball or an error its tool gave up waiting for (Ctrl-C, a timeout)
 * and a request file half written. A tarball is a full copy of the teachers' personal data: it must not linger in
 * the data directory.
 */
export function sweepAbandoned(dir: string, now = Date.now()): void {
  for (const file of readdirSync(dir)) {
    if (!/\.(tar\.gz|error|tmp)$/.test(file)) continue;
    const path = join(dir, file);
    try {
      if (now - statSync(path).mtimeMs > ABANDONED_MS) rmSync(path, { force: true });
    } catch {
      // Collected meanwhile by its tool.
    }
  }
}

export interface BackupResponder {
  stop(): Promise<void>;
}

/** In the bot: answers backup requests until stopped. */
export function startBackupResponder(deps: {
  dataDir: string;
  snapshot: () => Promise<Blob>;
  logger: Logger;
}): BackupResponder {
  const dir = join(deps.dataDir, REQUESTS_DIR);
  mkdirSync(dir, { recursive: true });
  // A copy cut short by a crash: its tool has given up (or will, when its wait ends).
  for (const file of readdirSync(dir))
    if (file.endsWith(".partial") || file.endsWith(".working")) rmSync(join(dir, file), { force: true });

  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const look = async () => {
    sweepAbandoned(dir);
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith(".request"))
      .sort()) {
      if (stopped) return;
      const id = file.slice(0, -".request".length);
      try {
        renameSync(join(dir, file), join(dir, `${id}.working`));
      } catch {
        continue; // withdrawn by its tool meanwhile
      }
      await answer(dir, id, deps);
    }
  };
  const timer = setInterval(() => {
    current = current.then(look).catch((err: unknown) => deps.logger.error({ err }, "backup request failed"));
  }, POLL_MS);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}

async function answer(
  dir: string,
  id: string,
  deps: { snapshot: () => Promise<Blob>; logger: Logger },
): Promise<void> {
  const started = Date.now();
  try {
    const tarball = await deps.snapshot();
    await writeDurably(join(dir, `${id}.tar.gz.partial`), new Uint8Array(await tarball.arrayBuffer()));
    renameSync(join(dir, `${id}.tar.gz.partial`), join(dir, `${id}.tar.gz`));
    deps.logger.info(
      { bytes: tarball.size, ms: Date.now() - started },
      "backup of the embedded database written",
    );
  } catch (err) {
    deps.logger.error({ err }, "could not back up the embedded database");
    rmSync(join(dir, `${id}.tar.gz.partial`), { force: true });
    writeFileSync(join(dir, `${id}.error`), err instanceof Error ? err.message : String(err));
  } finally {
    rmSync(join(dir, `${id}.working`), { force: true });
  }
}

/** Written and fsynced before it is renamed into place: a crash leaves a `.partial`, never a torn backup. */
export async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, "w", 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

/**
 * In the tool: asks the bot running on `dataDir` for a backup and returns the path of the finished tarball (inside
 * the requests folder; the caller moves it). Gives up when the bot has not taken the request within `pickupMs`
 * (a bot older than this feature, or one stopping), or not finished within `finishMs`.
 */
export async function requestBackup(
  dataDir: string,
  { pickupMs = 30_000, finishMs = 30 * 60_000 }: { pickupMs?: number; finishMs?: number } = {},
): Promise<string> {
  const dir = join(dataDir, REQUESTS_DIR);
  const id = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
  const request = join(dir, `${id}.request`);
  // The bot makes the folder when it starts: without it, the bot holding the directory does not answer requests
  // (and a folder made here, perhaps by root, might not be the bot's to write in).
  if (!existsSync(dir))
    throw new BackupError(
      `The bot holding ${dataDir} does not take backup requests (a version older than db:backup?). Stop it and ` +
        "run the backup again (it then reads the data directory itself).",
    );
  try {
    writeFileSync(`${request}.tmp`, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
    renameSync(`${request}.tmp`, request);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EACCES") throw error;
    throw new BackupError(`Only the bot's own user may ask it for a backup (no permission to write ${dir}).`);
  }

  const started = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = join(dir, `${id}.tar.gz`);
    if (existsSync(done)) return done;
    const error = join(dir, `${id}.error`);
    if (existsSync(error)) {
      const message = readFileSync(error, "utf8");
      rmSync(error, { force: true });
      throw new BackupError(`The running bot could not make the backup: ${message}`);
    }
    const waited = Date.now() - started;
    if (existsSync(request) && waited > pickupMs) {
      rmSync(request, { force: true });
      throw new BackupError(
        `The bot holding ${dataDir} did not take the backup request within ${Math.round(pickupMs / 1000)} s. ` +
          "Is it an older version, or stopping? Stop it and run the backup again (it then reads the data " +
          "directory itself).",
      );
    }
    // Taken, then gone without an answer (checked again after: the answer may have come in between): the bot
    // stopped, or restarted, in the middle.
    const gone = !existsSync(request) && !existsSync(join(dir, `${id}.working`));
    if (gone && !existsSync(done) && !existsSync(error))
      throw new BackupError("The bot stopped before finishing the backup; run it again.");
    if (waited > finishMs)
      throw new BackupError(`The running bot did not finish the backup within ${finishMs / 60_000} min.`);
  }
}
