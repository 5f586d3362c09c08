import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { foldForSearch } from "../../shared/text.js";

/** Runs `fn` with a fresh private directory for the files it writes, removed afterwards whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "thidua-docs-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An ASCII file name from a decision number or a code ("336/QĐ-SGDĐT" -> "336-qd-sgddt"): every system opens it. */
export const fileSlug = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
