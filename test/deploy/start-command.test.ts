import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (file: string) => readFileSync(join(ROOT, file), "utf8");
const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
const words = (command: string) => command.trim().split(/\s+/);

/** The Dockerfile's instructions of its last stage (the image), continuation lines joined. */
function runtimeStage(): { instruction: string; args: string }[] {
  const lines = read("Dockerfile")
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((l) => l.trim() && !l.trim().startsWith("#"));
  const from = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  return lines.slice(from).map((l) => {
    const [, instruction = "", args = ""] = /^(\w+)\s+(.*)$/.exec(l.trim()) ?? [];
    return { instruction: instruction.toUpperCase(), args };
  });
}

/** A systemd unit's settings (the last of each key). */
function unitSettings(file: string): Map<string, string> {
  const settings = new Map<string, string>();
  for (const line of read(file).split("\n")) {
    const match = /^(\w+)=(.*)$/.exec(line.trim());
    if (match) settings.set(match[1] as string, match[2] as string);
  }
  return settings;
}

describe("one start command for npm, the container and systemd", () => {
  it("the README starts the bot with npm start, which runs the compiled main", () => {
    expect(read("README.md")).toMatch(/^[^\n]*\bnpm start\b/m);
    // The V8 settings keep an idle bot small (docs/benchmarks.md, "Startup and idle memory"): a young generation of
    // at most 2 × 8 MB instead of Node 24's 2 × 32 MB, which the start alone grows it to and an idle bot never gives
    // back; and PostgreSQL-in-WebAssembly (PGlite) run by V8's baseline compiler only, because optimizing its largest
    // function (the SQL parser's) takes ~600 MB of compiler memory a minute after start, some of which is never
    // returned to the system.
    expect(words(scripts.start as string)).toEqual([
      "node",
      "--max-semi-space-size=8",
      "--no-wasm-dynamic-tiering",
      "--no-wasm-tier-up",
      "--enable-source-maps",
      "dist/src/main.js",
    ]);
  });

  it("the image's CMD is npm start's command, with no ENTRYPOINT in front of it", () => {
    const stage = runtimeStage();
    expect(stage.some((i) => i.instruction === "ENTRYPOINT")).toBe(false);
    const cmd = stage.filter((i) => i.instruction === "CMD").at(-1);
    expect(JSON.parse(cmd?.args ?? "null")).toEqual(words(scripts.start as string));
  });

  it("the systemd unit's ExecStart runs the same in the project's folder", () => {
    const unit = unitSettings("deploy/thidua-bot.service");
    const [node, ...args] = words(unit.get("ExecStart") ?? "");
    expect(node).toMatch(/^\/.*\/node$/);
    expect(["node", ...args]).toEqual(words(scripts.start as string));
    expect(unit.get("WorkingDirectory")).toMatch(/^\//);
    expect(unit.get("EnvironmentFile")).toBeTruthy();
    // The data directory the bot writes must be writable under ProtectSystem=strict.
    expect(unit.get("ProtectSystem")).toBe("strict");
    expect(unit.get("Environment")).toContain(`DATA_DIR=/var/lib/${unit.get("StateDirectory")}`);
  });
});

describe("the image holds what its commands need", () => {
  it("copies the compiled code, translations and catalogue, and runs as a user with its data in a volume", () => {
    const stage = runtimeStage();
    const copies = stage.filter((i) => i.instruction === "COPY").map((i) => i.args);
    expect(copies).toContain("--from=build /app/dist ./dist");
    expect(copies).toContain("locales ./locales");
    expect(copies).toContain("seed ./seed");
    expect(stage.find((i) => i.instruction === "RUN" && i.args.includes("npm ci"))?.args).toContain(
      "--omit=dev --ignore-scripts",
    );
    const user = stage.filter((i) => i.instruction === "USER").at(-1)?.args;
    expect(user && user !== "root").toBe(true);
    const dataDir = /DATA_DIR=(\S+)/.exec(stage.find((i) => i.instruction === "ENV")?.args ?? "")?.[1];
    expect(stage.find((i) => i.instruction === "VOLUME")?.args).toContain(`"${dataDir}"`);
  });

  it("every compiled file a script or the health check runs is built from a source file", () => {
    const healthcheck = runtimeStage().find((i) => i.instruction === "HEALTHCHECK")?.args ?? "";
    const commands = [...Object.values(scripts), healthcheck];
    const compiled = commands.flatMap((c) => [...c.matchAll(/dist\/(src\/[\w/-]+)\.js/g)].map((m) => m[1]));
    expect(compiled).toContain("src/healthcheck");
    expect(compiled).toContain("src/db/backup/backup-cli");
    for (const file of compiled) expect(existsSync(join(ROOT, `${file}.ts`)), `${file}.ts`).toBe(true);
  });
});
