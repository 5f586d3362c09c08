import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/bot/i18n.js";
import { screeningReportText } from "../../src/bot/screening-report.js";
import {
  alignPassages,
  containment,
  fingerprints,
  hash32,
  SAMPLE_MODULUS,
  shingle,
} from "../../src/screening/fingerprints.js";
import { SIMILARITY_THRESHOLD } from "../../src/screening/screener.js";
import type { OverlapReport } from "../../src/screening/screening.service.js";
import { parseTelegramHtml } from "../../src/shared/telegram-html.js";
import { initiative, nearCopy } from "../helpers/vietnamese-initiatives.js";

const t = createI18n("vi", () => "vi").fluent.withLocale("vi");
const text = (d: { problem: string; essence: string }) => shingle(`${d.problem}\n${d.essence}`);

describe("copy screening's method", () => {
  it("reads a text typed without diacritics, with other spacing or sentences reordered as the same text", () => {
    const a = shingle(
      "Giáo viên thiết kế bộ phiếu học tập gắn với chủ đề phân số. Học sinh tự đánh giá sau mỗi tuần học.",
    );
    const b = shingle(
      "hoc sinh tu danh gia sau moi tuan hoc!  GIAO VIEN thiet ke bo phieu hoc tap gan voi chu de phan so.",
    );
    expect([...b.hashes].sort()).toEqual([...a.hashes].sort());
    expect(containment(b, a)).toBe(1);
  });

  it("finds near-copies well above the threshold and unrelated texts well below it", () => {
    for (let i = 1; i <= 40; i++) {
      const source = initiative(i);
      const copy = nearCopy(source, 1000 + i);
      expect(containment(text(copy), text(source))).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD + 0.05);
      expect(containment(text(initiative(500 + i)), text(source))).toBeLessThan(SIMILARITY_THRESHOLD);
    }
  });

  it("indexes a text under the same sampled fingerprints wherever its passages stand", () => {
    const source = initiative(7);
    const copy = nearCopy(source, 8, 0);
    const a = fingerprints(text({ problem: "", essence: source.essence }).hashes);
    const b = fingerprints(text({ problem: "", essence: copy.essence }).hashes);
    expect(b).toEqual(a);
    expect(a.every((h) => (h >>> 0) % SAMPLE_MODULUS === 0)).toBe(true);
    expect(hash32("một hai ba")).toBe(hash32("một hai ba"));
  });

  it("quotes overlapping sentences side by side, the copied sentence with its source", () => {
    const source = initiative(11);
    const copy = nearCopy(source, 12);
    const passages = alignPassages(text(copy), text(source), 3);
    expect(passages).toHaveLength(3);
    for (const p of passages) {
      expect(source.essenceSentences).toContain(p.theirs);
      expect(p.mine).toBe(p.theirs);
    }
  });
});

describe("the overlap report message", () => {
  const long = (n: number) => `${'<b>"Đ&ặc" '.repeat(n)}😀`;
  const report: OverlapReport = {
    state: "ready",
    code: "SK-2026-00042",
    computedAt: new Date("2026-12-06T08:00:00Z"),
    updating: false,
    sources: Array.from({ length: 5 }, (_, i) => ({
      code: `SK-202${i}-0000${i}`,
      title: long(40),
      schoolYear: "2024-2025",
      similarity: 0.9 - i / 10,
      passages: Array.from({ length: 3 }, () => ({ mine: long(60), theirs: long(60) })),
    })),
  };

  it("fits in one Telegram message, escapes what people wrote, and counts the sources left out", () => {
    const message = screeningReportText(t, "Asia/Ho_Chi_Minh", report);
    expect(message.length).toBeLessThanOrEqual(4096);
    expect(() => parseTelegramHtml(message)).not.toThrow();
    expect(message).not.toContain('<b>"Đ');
    expect(message).toContain("&lt;b&gt;&quot;Đ&amp;ặc&quot;");
    expect(message).toContain("SK-2020-00000");
    expect(message).toContain("90%");
    expect(message).toMatch(/… và \d hồ sơ khác/);
  });

  it("says there is nothing, or that the report is on its way, without accusing anyone", () => {
    const none = screeningReportText(t, "Asia/Ho_Chi_Minh", { ...report, sources: [] });
    expect(none).toContain("Không có hồ sơ nào");
    expect(none).toContain("không phải kết luận");
    const pending = screeningReportText(t, "Asia/Ho_Chi_Minh", { state: "pending", code: "SK-1" });
    expect(pending).toContain("đang được tính");
    for (const m of [none, pending]) expect(m).not.toMatch(/sao chép|đạo văn|gian lận/i);
  });
});
