import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `The data directory ${dataDir} is in use by another running bot process${pid ? ` (pid ${pid})` : ""}. ` +
        "Embedded PostgreSQL (PGlite) serves one process only: stop that process first, or point DATA_DIR " +
        "elsewhere, or set DATABASE_URL to use a PostgreSQL server shared by several instances.",
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Takes an exclusive lock on the data directory and returns its release function.
 *
 * The lock is held by the kernel, not by a file: a Unix socket in Linux's abstract namespace, named after the
 * directory. Binding it is atomic (two processes starting together after a crash cannot both win) and it dies with
 * its process (kill -9 included), so nothing stale is ever left to judge: a pid file naming a pid that now belongs
 * to another process (pid 1 after a container restart) blocked starts before. The pid file stays, to name the
 * holder in the error. Elsewhere (macOS, Windows) an exclusively created pid file is the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const pidFile = join(dataDir, "bot.pid");
  if (process.platform !== "linux") return lockWithPidFile(dataDir, pidFile);
  const name = `\0thidua-bot-data:${createHash("sha256").update(realpathSync(dataDir)).digest("hex").slice(0, 40)}`;
  const server = createServer();
  try {
    await listen(server, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE")
      throw new DataDirLockedError(dataDir, readPid(pidFile));
    throw error;
  }
  // Holding the lock must not keep the process alive on its own.
  server.unref();
  writeFileSync(pidFile, String(process.pid));
  return () => {
    server.close();
    removeQuietly(pidFile);
  };
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone: nothing to release.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The portable fallback: an exclusively created pid file, taken over when its process is gone. */
function lockWithPidFile(dataDir: string, file: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => removeQuietly(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readPid(file);
      if (holder !== undefined && holder !== process.pid && isRunning(holder))
        throw new DataDirLockedError(dataDir, holder);
      removeQuietly(file);
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
