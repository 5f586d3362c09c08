import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createI18n, LOCALES_DIR, negotiateLocale } from "../../src/bot/i18n.js";
import { SUBMISSION_STATUSES } from "../../src/db/types.js";
import { FORMS } from "../../src/submissions/forms.js";
import { ROOT } from "../helpers/bot-process.js";

const keysOf = (file: string) =>
  readFileSync(join(LOCALES_DIR, file), "utf8")
    .split("\n")
    .map((line) => /^([a-zA-Z][\w-]*)\s*=/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("locales", () => {
  it("vi.ftl and en.ftl define the same keys, each once", () => {
    const vi = keysOf("vi.ftl");
    const en = keysOf("en.ftl");
    expect(new Set(vi).size).toBe(vi.length);
    expect([...vi].sort()).toEqual([...en].sort());
  });

  it("every key the code translates exists", () => {
    const keys = new Set(keysOf("vi.ftl"));
    const used = sourceFiles(join(ROOT, "src")).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][\w-]*)"/g)].map((m) => m[1] as string),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("has a label, a question and choice names for every step of both forms, and a name for every status", () => {
    const keys = new Set(keysOf("vi.ftl"));
    const wanted = Object.entries(FORMS).flatMap(([kind, steps]) =>
      steps.flatMap((step) => [
        `${kind}-${step.key}-label`,
        `${kind}-${step.key}-ask`,
        ...(step.choices ?? []).map((c) => `choice-${step.key}-${c}`),
      ]),
    );
    wanted.push(...SUBMISSION_STATUSES.map((s) => `status-${s}`), "kind-initiative", "kind-nomination");
    expect(wanted.filter((k) => !keys.has(k))).toEqual([]);
  });

  it("renders both languages without isolation marks around variables", () => {
    const i18n = createI18n("vi", () => "vi");
    expect(i18n.t("vi", "profile-name-saved", { name: "Lan" })).toBe("✅ Đã lưu họ tên: <b>Lan</b>");
    expect(i18n.t("en", "profile-name-saved", { name: "Lan" })).toBe("✅ Full name saved: <b>Lan</b>");
  });

  it("negotiates: stored choice, else a Telegram language we speak, else the default", () => {
    expect(negotiateLocale("en", "vi", "vi")).toBe("en");
    expect(negotiateLocale(null, "en-US", "vi")).toBe("en");
    expect(negotiateLocale(null, "fr", "vi")).toBe("vi");
    expect(negotiateLocale(undefined, undefined, "en")).toBe("en");
    expect(negotiateLocale("xx", "vi", "en")).toBe("vi");
  });
});
