import { describe, expect, it } from "vitest";
import { checkCoAuthors, checkDate, checkShare, checkTypedAnswer } from "../../src/submissions/answers.js";
import { checkAttachment, MAX_ATTACHMENT_BYTES } from "../../src/submissions/attachment-rules.js";
import { applicableSteps, type FormStep, findStep } from "../../src/submissions/forms.js";

const step = (key: string): FormStep => findStep("initiative", key) ?? { key, kind: "text" };

const rules = { today: "2026-11-23", minShare: 10 };

describe("checking answers", () => {
  it("trims, NFC-normalizes and bounds text", () => {
    const title = step("title");
    expect(checkTypedAnswer(title, "  Da\u0323y học  \n qua dự án ", rules)).toEqual({
      ok: true,
      value: "Dạy học qua dự án",
    });
    expect(checkTypedAnswer(title, "   ", rules)).toEqual({ ok: false, problem: "empty" });
    expect(checkTypedAnswer(title, "x".repeat(301), rules)).toEqual({
      ok: false,
      problem: "too-long",
      max: 300,
      length: 301,
    });
    const essence = step("essence");
    expect(checkTypedAnswer(essence, "dòng 1\ndòng 2", rules)).toEqual({ ok: true, value: "dòng 1\ndòng 2" });
    expect(checkTypedAnswer(essence, "y".repeat(20_001), rules)).toMatchObject({
      ok: false,
      problem: "too-long",
    });
  });

  it("reads dd/mm/yyyy dates that exist and are not in the future", () => {
    expect(checkDate("5/9/2025", rules.today)).toEqual({ ok: true, value: "2025-09-05" });
    expect(checkDate("23-11-2026", rules.today)).toEqual({ ok: true, value: "2026-11-23" });
    expect(checkDate("24/11/2026", rules.today)).toEqual({ ok: false, problem: "date-in-future" });
    expect(checkDate("31/02/2025", rules.today)).toEqual({ ok: false, problem: "not-a-date" });
    expect(checkDate("hôm qua", rules.today)).toEqual({ ok: false, problem: "not-a-date" });
    expect(checkDate("2025-09-05", rules.today)).toEqual({ ok: false, problem: "not-a-date" });
  });

  it("reads co-authors one a line and keeps room for the submitter", () => {
    expect(checkCoAuthors("Trần Văn B; THPT Lê Lợi; 30\nLê Thị C | THCS Trần Phú | 20,5%", 10)).toEqual({
      ok: true,
      value: [
        { name: "Trần Văn B", unit: "THPT Lê Lợi", share: 30 },
        { name: "Lê Thị C", unit: "THCS Trần Phú", share: 20.5 },
      ],
    });
    expect(checkCoAuthors("Trần Văn B, THPT Lê Lợi, 30", 10)).toEqual({
      ok: false,
      problem: "co-author-line",
      line: 1,
    });
    expect(checkCoAuthors("A; B; 30\nC; D; 5", 10)).toEqual({
      ok: false,
      problem: "share-too-small",
      min: 10,
    });
    // 60 + 40 leaves nothing for the submitter: the hint says the own share counts and what the co-authors may have.
    expect(checkCoAuthors("A; B; 60\nC; D; 40", 10)).toEqual({
      ok: false,
      problem: "co-authors-total",
      coAuthors: 100,
      min: 10,
      max: 90,
    });
  });

  it("needs the submitter's share to make exactly 100 with the co-authors'", () => {
    const coAuthors = [{ name: "A", unit: "B", share: 30 }];
    expect(checkShare("70", { ...rules, coAuthors })).toEqual({ ok: true, value: 70 });
    expect(checkShare("60%", { ...rules, coAuthors })).toEqual({
      ok: false,
      problem: "shares-total",
      total: 90,
      needed: 70,
    });
    expect(checkShare("5", { ...rules, coAuthors })).toEqual({
      ok: false,
      problem: "share-too-small",
      min: 10,
    });
    expect(checkShare("bảy mươi", { ...rules, coAuthors })).toEqual({ ok: false, problem: "not-a-number" });
    // What Number() reads but nobody writes as a percentage.
    for (const odd of ["0x46", "7e1", "Infinity", "70.", " "])
      expect(checkShare(odd, { ...rules, coAuthors }), odd).toMatchObject({ ok: false });
    expect(checkShare("69,99", { ...rules, coAuthors: [{ name: "A", unit: "B", share: 30.01 }] })).toEqual({
      ok: true,
      value: 69.99,
    });
  });

  it("takes text with nothing visible as empty, and strips direction controls", () => {
    for (const blank of ["\u200b\u200b", " \u2060 ", "\ufeff", "\u202e"])
      expect(checkTypedAnswer(step("title"), blank, rules), JSON.stringify(blank)).toEqual({
        ok: false,
        problem: "empty",
      });
    expect(checkTypedAnswer(step("title"), "Sáng kiến \u202eabc", rules)).toEqual({
      ok: true,
      value: "Sáng kiến abc",
    });
  });

  it("asks the dependent steps only when they apply", () => {
    const keys = (answers: Record<string, unknown>) =>
      applicableSteps("initiative", answers).map((s) => s.key);
    expect(keys({})).not.toContain("fieldOther");
    expect(keys({})).not.toContain("myShare");
    expect(keys({ field: "other", coAuthors: [{ name: "A", unit: "B", share: 20 }] })).toEqual(
      expect.arrayContaining(["fieldOther", "myShare"]),
    );
  });

  it("accepts the listed file types up to 20 MB and at most 10 files", () => {
    const file = {
      kind: "document" as const,
      fileId: "f",
      fileUniqueId: "u",
      fileName: "bao-cao.DOCX",
      mimeType: null,
      sizeBytes: 1000,
    };
    expect(checkAttachment(file, 0)).toEqual({ ok: true });
    expect(
      checkAttachment({ ...file, fileName: "virus.exe", mimeType: "application/x-msdownload" }, 0),
    ).toEqual({ ok: false, problem: "type" });
    expect(checkAttachment({ ...file, sizeBytes: MAX_ATTACHMENT_BYTES + 1 }, 0)).toEqual({
      ok: false,
      problem: "too-large",
    });
    expect(checkAttachment(file, 10)).toEqual({ ok: false, problem: "too-many" });
    // The name is judged, not only the type the sender declared.
    expect(checkAttachment({ ...file, fileName: "virus.exe", mimeType: "application/pdf" }, 0)).toEqual({
      ok: false,
      problem: "type",
    });
    expect(checkAttachment({ ...file, fileName: "Báo cáo", mimeType: "application/pdf" }, 0)).toEqual({
      ok: true,
    });
    expect(
      checkAttachment({ ...file, fileName: "Báo cáo", mimeType: "application/x-msdownload" }, 0),
    ).toMatchObject({
      ok: false,
    });
    expect(checkAttachment({ ...file, kind: "photo", fileName: null }, 3)).toEqual({ ok: true });
  });
});
