import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/db/data-dir-lock.js";
import { tempDir } from "../helpers/bot-process.js";

/** Runs a second Node process that takes the lock on `dir` and prints "locked" (or the error's name). */
function lockInChild(dir: string, holdMs: number) {
  const script = `
    const { lockDataDir } = await import(${JSON.stringify(new URL("../../src/db/data-dir-lock.ts", import.meta.url).href)});
    try { await lockDataDir(${JSON.stringify(dir)}); console.log("locked"); }
    catch (e) { console.log(e.name); }
    setTimeout(() => {}, ${holdMs});`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const said = new Promise<string>((resolve) =>
    child.stdout.once("data", (d: Buffer) => resolve(String(d).trim())),
  );
  return { child, said };
}

describe("the data-directory lock of embedded PGlite", () => {
  it("writes our pid, refuses a second holder, and lets go on release", async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, "bot.pid"), "utf8")).toBe(String(process.pid));
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    release();
    expect(existsSync(join(dir, "bot.pid"))).toBe(false);
    (await lockDataDir(dir))();
  });

  it("refuses while another live process holds it, naming its pid", async () => {
    const dir = tempDir();
    const other = lockInChild(dir, 30_000);
    try {
      expect(await other.said).toBe("locked");
      const refused = await lockDataDir(dir).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as DataDirLockedError).pid).toBe(other.child.pid);
    } finally {
      other.child.kill("SIGKILL");
    }
  });

  it("is free the moment its holder is killed, whatever pid file it left", async () => {
    const dir = tempDir();
    const other = lockInChild(dir, 30_000);
    expect(await other.said).toBe("locked");
    other.child.kill("SIGKILL");
    await new Promise((r) => other.child.once("exit", r));
    // The pid file now names a live process that is not a bot (as pid 1 after a container restart): no matter.
    writeFileSync(join(dir, "bot.pid"), String(process.ppid));
    const release = await lockDataDir(dir);
    expect(readFileSync(join(dir, "bot.pid"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("lets exactly one of two processes starting together take it", async () => {
    const dir = tempDir();
    const both = [lockInChild(dir, 3_000), lockInChild(dir, 3_000)];
    try {
      const said = await Promise.all(both.map((b) => b.said));
      expect(said.sort()).toEqual(["DataDirLockedError", "locked"]);
    } finally {
      for (const b of both) b.child.kill("SIGKILL");
    }
  });
});
