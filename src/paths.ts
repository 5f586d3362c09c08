import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (the one with package.json), where `locales/` and `seed/` are: the same whether the code runs
 * from `src/` under tsx or built, from `dist/src/`.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "locales"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project folder (package.json and locales/) above ${from}`);
  }
}
