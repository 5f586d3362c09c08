import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TSX } from "../helpers/bot-process.js";

const APP = join(import.meta.dirname, "..", "..", "src", "app.ts");

/**
 * What importing the composition root loads, in a fresh node: every module it resolves (through node's resolve hook)
 * and whether Node's undici came with them. What an idle bot has loaded stays in its memory (docs/benchmarks.md).
 */
function loadedByApp(): { urls: string[]; undici: boolean } {
  const probe = `
    import { registerHooks } from "node:module";
    const urls = [];
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); urls.push(r.url); return r; } });
    await import(${JSON.stringify(APP)});
    console.log(JSON.stringify({ urls, undici: process.moduleLoadList.some((m) => m.includes("undici")) }));
  `;
  const result = spawnSync(process.execPath, ["--import", TSX, "--input-type=module", "-e", probe], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) as string);
}

describe("what the bot loads at start", () => {
  it("loads neither database's client until it opens one, nor the chart renderer, nor all of date-fns, nor undici", () => {
    const { urls, undici } = loadedByApp();
    expect(urls.some((u) => u.includes("/src/bot/index.ts"))).toBe(true); // the probe saw the app's own imports
    expect(urls.filter((u) => u.includes("/@electric-sql/pglite/"))).toEqual([]);
    expect(urls.filter((u) => /\/node_modules\/pg\//.test(u))).toEqual([]);
    expect(urls.filter((u) => u.includes("/@resvg/"))).toEqual([]);
    // The functions the bot uses, not the barrel that loads date-fns's 300 modules.
    expect(urls.filter((u) => /\/date-fns\/index\.js$/.test(u))).toEqual([]);
    expect(undici).toBe(false);
  });
});
