import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, tempDir } from "../helpers/bot-process.js";

const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function run(script: string, args: string[], dataDir: string) {
  return spawnSync(process.execPath, ["--import", TSX, join(ROOT, script), ...args], {
    cwd: tempDir(),
    env: { PATH: process.env.PATH, DATA_DIR: dataDir },
    encoding: "utf8",
  });
}

describe("npm run units:import and npm run db:seed", () => {
  it("seeds the demo catalogue, then refuses a bad file with line numbers and exit code 1", () => {
    const dataDir = tempDir();
    const seeded = run("src/db/seed-cli.ts", [], dataDir);
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain("47 new unit(s)");

    const bad = join(tempDir(), "bad.csv");
    writeFileSync(
      bad,
      "code,name,district,school_level,cluster,block\nZ1,Trường Z,H,THPT,C,K\nZ2,Trường Y,H,,C,K\n",
    );
    const refused = run("src/units/import-cli.ts", [bad], dataDir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("line 3: school_level is empty");
    expect(refused.stderr).toContain("Nothing was imported.");

    const good = join(tempDir(), "good.csv");
    writeFileSync(good, "code,name,district,school_level,cluster,block\nZ1,Trường Z,H,THPT,C,K\n");
    const imported = run("src/units/import-cli.ts", [good], dataDir);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("1 new unit(s), 0 updated");
  });
});
