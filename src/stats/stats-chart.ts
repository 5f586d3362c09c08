import type { TopLevelSpec } from "vega-lite";
import { CHART_FONT, svgToPng } from "../shared/svg-to-png.js";
import type { GroupCount, Statistics } from "./stats.service.js";

/** The chart's words, in the reader's language (the bot takes them from the locale files). */
export interface StatsChartLabels {
  title: string;
  outcomes: string;
  nation: string;
  province: string;
  unit: string;
  refused: string;
  inProgress: string;
  received: string;
  recognised: string;
  byBlock: string;
  /** Title of the cluster panel, which shows at most `CHART_TOP_CLUSTERS`. */
  byCluster: string;
}

/** More bars than this stop being readable on a phone; the message lists every cluster. */
export const CHART_TOP_CLUSTERS = 12;
const WIDTH = 460;
const OUTCOME_COLOURS = ["#1b7837", "#5aae61", "#a6dba0", "#d6604d", "#f6c141"];
const GROUP_COLOURS = ["#4575b4", "#1b7837"];
/** Counts: whole-number ticks only, even when every bar is 1. */
const COUNT_AXIS = {
  field: "n",
  type: "quantitative",
  title: null,
  axis: { format: "d", tickMinStep: 1 },
} as const;

/** A bar per outcome (recognised by scope, refused, in progress), each with its count at the end. */
function outcomesPanel(s: Statistics, l: StatsChartLabels): TopLevelSpec {
  const rows = [
    { outcome: l.nation, n: s.recognisedByScope.nation },
    { outcome: l.province, n: s.recognisedByScope.province },
    { outcome: l.unit, n: s.recognisedByScope.unit },
    { outcome: l.refused, n: s.refused },
    { outcome: l.inProgress, n: s.inProgress },
  ];
  const y = { field: "outcome", type: "nominal", sort: null, title: null } as const;
  const x = COUNT_AXIS;
  return {
    title: l.outcomes,
    width: WIDTH,
    data: { values: rows },
    layer: [
      {
        mark: "bar",
        encoding: {
          y,
          x,
          color: {
            field: "outcome",
            scale: { domain: rows.map((r) => r.outcome), range: OUTCOME_COLOURS },
            legend: null,
          },
        },
      },
      { mark: { type: "text", align: "left", dx: 3 }, encoding: { y, x, text: { field: "n" } } },
    ],
  };
}

/** Received beside recognised for each group (block or cluster), in the order given (most received first). */
function groupsPanel(
  title: string,
  groups: GroupCount[],
  l: StatsChartLabels,
  legend: boolean,
): TopLevelSpec {
  const rows = groups.flatMap((g) => [
    { group: g.name, series: l.received, n: g.received },
    { group: g.name, series: l.recognised, n: g.recognised },
  ]);
  const encoding = {
    y: { field: "group", type: "nominal", sort: null, title: null },
    yOffset: { field: "series", sort: null },
    x: COUNT_AXIS,
  } as const;
  return {
    title,
    width: WIDTH,
    data: { values: rows },
    layer: [
      {
        mark: "bar",
        encoding: {
          ...encoding,
          color: {
            field: "series",
            scale: { domain: [l.received, l.recognised], range: GROUP_COLOURS },
            // One legend is enough for the two group panels, which share their colours.
            legend: legend ? { orient: "bottom", title: null } : null,
          },
        },
      },
      {
        mark: { type: "text", align: "left", dx: 3, fontSize: 9 },
        encoding: { ...encoding, text: { field: "n" } },
      },
    ],
  };
}

/** The Vega-Lite description of the /stats chart: outcomes, then by block, then the largest clusters. */
export function statsChartSpec(s: Statistics, labels: StatsChartLabels): TopLevelSpec {
  const panels = [outcomesPanel(s, labels)];
  if (s.byBlock.length > 0) panels.push(groupsPanel(labels.byBlock, s.byBlock, labels, true));
  if (s.byCluster.length > 0) {
    const top = s.byCluster.slice(0, CHART_TOP_CLUSTERS);
    panels.push(groupsPanel(labels.byCluster, top, labels, s.byBlock.length === 0));
  }
  return {
    // A campaign's title can be long: cut at the chart's width rather than widen the image.
    title: { text: labels.title, anchor: "start", fontSize: 15, limit: WIDTH + 260 },
    // Names of clusters and blocks run long ("Khối Mầm non & Tiểu học"); cut them only past this many pixels.
    config: { font: CHART_FONT, axisY: { labelLimit: 260 } },
    // Each panel has its own colours; the outcome panel has no legend, the group panels share one.
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
    vconcat: panels,
  } as TopLevelSpec;
}

/** The chart as SVG, drawn by Vega without a browser or canvas. */
export async function statsChartSvg(s: Statistics, labels: StatsChartLabels): Promise<string> {
  // Loaded at the first chart, not at start: Vega and Vega-Lite hold about 20 MB that an idle bot does not need.
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(compile(statsChartSpec(s, labels)).spec), { renderer: "none" });
  try {
    return await view.toSVG(2);
  } finally {
    view.finalize();
  }
}

/** The /stats chart as a PNG image. */
export async function renderStatsChart(s: Statistics, labels: StatsChartLabels): Promise<Uint8Array> {
  return svgToPng(await statsChartSvg(s, labels));
}
