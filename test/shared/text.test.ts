import { describe, expect, it } from "vitest";
import { splitMessage } from "../../src/shared/split-message.js";
import { escapeHtml, foldForSearch, normalizeText, truncate } from "../../src/shared/text.js";
import { parseLocalDateTime } from "../../src/shared/time.js";
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

describe("dates typed for a campaign", () => {
  it("are this century's, real, in the time zone", () => {
    for (const slip of ["31/12/9999", "01/01/0000", "01/01/1899 08:00", "30/02/2027"])
      expect(parseLocalDateTime(slip, "Asia/Ho_Chi_Minh"), slip).toBeUndefined();
    expect(parseLocalDateTime("31/12/2026 17:00", "Asia/Ho_Chi_Minh")?.toISOString()).toBe(
      "2026-12-31T10:00:00.000Z",
    );
  });
});

describe("names with direction controls", () => {
  it("are stored without them", () => {
    expect(checkFullName("Nguyễn \u202eThị Lan")).toEqual({ ok: true, value: "Nguyễn Thị Lan" });
    expect(checkFullName("\u2066\u2069")).toMatchObject({ ok: false, problem: "empty" });
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

describe("cutting text for Telegram", () => {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it("truncates at a word boundary with …, never inside an emoji", () => {
    expect(truncate("Ứng dụng trò chơi trong dạy học Toán lớp 10", 20)).toBe("Ứng dụng trò chơi…");
    const name = `${"a".repeat(58)}😀😀`;
    const cut = truncate(name, 60);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut).not.toMatch(loneSurrogate);
  });

  it("never cuts a character as people see it: a flag, a skin tone, a family", () => {
    for (const emoji of ["🇻🇳", "👍🏽", "👨‍👩‍👧"]) {
      for (let pad = 55; pad < 60; pad++) {
        const cut = truncate(`${"a".repeat(pad)}${emoji}${emoji}`, 60);
        expect(cut.replace(/^a+/, "").replace(/…$/, "").replaceAll(emoji, "")).toBe("");
      }
    }
  });

  it("splits a long line without spaces never inside an escaped < or an emoji", () => {
    for (const line of [
      escapeHtml(`a${"<".repeat(5000)}`),
      escapeHtml(`ab${"<".repeat(5000)}`),
      `a${"😀".repeat(3000)}`,
    ]) {
      const chunks = splitMessage(line);
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.join("")).toBe(line);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(4000);
        expect(chunk).not.toMatch(/&[a-z]*$/);
        expect(chunk).not.toMatch(/^[a-z]*;/);
        expect(chunk).not.toMatch(loneSurrogate);
      }
    }
  });
});
