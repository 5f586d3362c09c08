import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/db/data-dir-lock.js";
import { tempDir } from "../helpers/bot-process.js";

describe("the data-directory lock of embedded PGlite", () => {
  it("writes our pid and removes it on release", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "bot.pid"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, "bot.pid"))).toBe(false);
  });

  it("refuses while another live process holds it", async () => {
    const dir = tempDir();
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(dir, "bot.pid"), String(holder.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that is gone", async () => {
    const dir = tempDir();
    const gone = spawn("true");
    await new Promise((r) => gone.once("exit", r));
    writeFileSync(join(dir, "bot.pid"), String(gone.pid));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "bot.pid"), "utf8")).toBe(String(process.pid));
    release();
  });
});
