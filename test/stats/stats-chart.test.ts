import { describe, expect, it } from "vitest";
import type { Statistics } from "../../src/stats/stats.service.js";
import { CHART_TOP_CLUSTERS, renderStatsChart, statsChartSvg } from "../../src/stats/stats-chart.js";
import { CHART_LABELS } from "../helpers/chart-labels.js";

/** The seed report's year: 828 received, 771 recognised (186 national, 585 provincial). */
function reportYear(clusters: number): Statistics {
  const byCluster = Array.from({ length: clusters }, (_, i) => ({
    name: `Cụm ${i + 1}`,
    received: 100 - i,
    recognised: 90 - i,
  }));
  return {
    received: 828,
    withdrawn: 3,
    recognised: 771,
    refused: 40,
    inProgress: 17,
    byStatus: {
      draft: 0,
      submitted: 10,
      returned: 2,
      endorsed: 5,
      under_review: 0,
      recognised: 771,
      refused: 40,
      withdrawn: 3,
    },
    byKind: { initiative: 700, nomination: 128 },
    recognisedByScope: { nation: 186, province: 585, unit: 0 },
    byUnit: [],
    byCluster,
    byBlock: [
      { name: "Khối THPT", received: 500, recognised: 470 },
      { name: "Khối Mầm non & Tiểu học", received: 328, recognised: 301 },
    ],
    applied: { initiatives: 0, units: 0, districts: 0, top: [] },
  };
}

/** The texts an SVG draws, unescaped. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] as string).replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"),
  );
}

describe("the /stats chart", () => {
  it("draws the outcomes with their counts, the blocks, and at most the largest clusters", async () => {
    const texts = textsOf(await statsChartSvg(reportYear(CHART_TOP_CLUSTERS + 3), CHART_LABELS));
    expect(texts).toContain(CHART_LABELS.title);
    for (const label of [
      CHART_LABELS.nation,
      CHART_LABELS.province,
      CHART_LABELS.refused,
      CHART_LABELS.inProgress,
    ]) {
      expect(texts).toContain(label);
    }
    // Each bar's count is written at its end.
    for (const n of ["186", "585", "40", "17", "500", "470", "328", "301"]) expect(texts).toContain(n);
    expect(texts).toContain("Khối Mầm non & Tiểu học");
    expect(texts).toContain(`Cụm ${CHART_TOP_CLUSTERS}`);
    expect(texts).not.toContain(`Cụm ${CHART_TOP_CLUSTERS + 1}`);
    expect(texts).toEqual(expect.arrayContaining([CHART_LABELS.received, CHART_LABELS.recognised]));
  });

  it("counts in whole numbers, even on a small campaign", async () => {
    const small: Statistics = {
      ...reportYear(1),
      received: 4,
      recognised: 2,
      refused: 1,
      inProgress: 1,
      recognisedByScope: { nation: 1, province: 1, unit: 0 },
      byBlock: [{ name: "Khối THPT", received: 4, recognised: 2 }],
    };
    const texts = textsOf(await statsChartSvg(small, CHART_LABELS));
    expect(texts).toContain("1");
    expect(texts.filter((x) => /^\d+\.\d+$/.test(x))).toEqual([]);
  });

  it("renders a PNG a phone can show", async () => {
    const png = Buffer.from(await renderStatsChart(reportYear(5), CHART_LABELS));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    // Drawn at twice the size for sharp text; Telegram takes photos up to 10,000 px a side.
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(600);
    expect(width + height).toBeLessThan(10_000);
  });

  it("draws text in Vietnamese with the bundled font, whatever fonts the machine has", async () => {
    const s = reportYear(2);
    const plain = await renderStatsChart(s, { ...CHART_LABELS, title: "A" });
    const accented = await renderStatsChart(s, { ...CHART_LABELS, title: "Ấ" });
    // Different glyphs, different pixels: a missing glyph would be drawn as nothing, or as the same box.
    expect(Buffer.from(plain).equals(Buffer.from(accented))).toBe(false);
  });
});
