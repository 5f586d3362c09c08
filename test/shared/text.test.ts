import { describe, expect, it } from "vitest";
import { escapeHtml, foldForSearch, normalizeText } from "../../src/shared/text.js";
import { checkFullName } from "../../src/users/full-name.js";

describe("text helpers", () => {
  it("normalizes pasted Vietnamese to NFC, trims and collapses spaces but keeps line breaks", () => {
    const decomposed = "Le\u0302 Lo\u031b\u0323i"; // "Lê Lợi" with combining marks
    expect(normalizeText(`  ${decomposed}\u00a0 \n  dòng  hai `)).toBe("Lê Lợi\ndòng hai");
    expect(normalizeText(decomposed)).toHaveLength("Lê Lợi".length);
  });

  it("escapes what Telegram's HTML mode would read as markup", () => {
    expect(escapeHtml(`<b>"A & B"</b>`)).toBe("&lt;b&gt;&quot;A &amp; B&quot;&lt;/b&gt;");
  });

  it("folds case and diacritics so 'thpt le loi' finds 'THPT Lê Lợi'", () => {
    expect(foldForSearch("THPT Lê Lợi")).toBe("thpt le loi");
    expect(foldForSearch("Trường THCS Đống Đa")).toBe("truong thcs dong da");
  });
});

describe("full name check", () => {
  it.each([
    ["Nguyễn Thị Minh Anh", { ok: true, value: "Nguyễn Thị Minh Anh" }],
    ["  nguyễn   văn a ", { ok: true, value: "nguyễn văn a" }],
    ["", { ok: false, problem: "empty" }],
    ["   ", { ok: false, problem: "empty" }],
    ["a".repeat(101), { ok: false, problem: "too-long" }],
    ["/start", { ok: false, problem: "not-a-name" }],
    ["0912345678", { ok: false, problem: "not-a-name" }],
    ["https://example.org", { ok: false, problem: "not-a-name" }],
    ["<script>", { ok: false, problem: "not-a-name" }],
  ])("%j", (input, expected) => {
    expect(checkFullName(input)).toEqual(expected);
  });
});
