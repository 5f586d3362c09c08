import { Composer, InputFile } from "grammy";
import { CampaignNotFoundError } from "../../campaigns/campaign-input.js";
import { splitMessage } from "../../shared/split-message.js";
import { dateIn, schoolYearOf } from "../../shared/time.js";
import type { StatsScope } from "../../stats/stats.repository.js";
import { type GroupCount, RECEIVED_STATUSES, type Statistics } from "../../stats/stats.service.js";
import { CHART_TOP_CLUSTERS, renderStatsChart, type StatsChartLabels } from "../../stats/stats-chart.js";
import type { Context } from "../context.js";
import { hasUser } from "../filters.js";
import { verbatim } from "../verbatim.js";

/** /stats [2025-2026 | c<campaign id>]: the figures of a school year (the current one by default) or a campaign. */
export const statsFeature = new Composer<Context>();

const TOP_UNITS = 15;

statsFeature
  .chatType("private")
  .filter(hasUser)
  .command("stats", async (ctx) => {
    const parsed = await parseReportScope(ctx, ctx.match.trim());
    if (!parsed) return;
    const { scope, label } = parsed;
    // The service refuses anyone but an administrator.
    const s = await ctx.services.stats.compute(ctx.user.id, scope);
    for (const part of splitMessage(statsText(ctx, label, s))) await ctx.reply(part, { parse_mode: "HTML" });
    // Nothing to draw in an empty year; the message already says so.
    if (s.received + s.withdrawn === 0) return;
    await ctx.replyWithChatAction("upload_photo");
    const png = await renderStatsChart(s, chartLabels(ctx, parsed.plainLabel, s));
    await ctx.replyWithPhoto(new InputFile(png, "thong-ke.png"), {
      caption: ctx.t("stats-chart-caption", { label: verbatim(label) }),
      parse_mode: "HTML",
    });
  });

function chartLabels(ctx: Context, plainLabel: string, s: Statistics): StatsChartLabels {
  return {
    title: ctx.t("stats-chart-title", {
      label: verbatim(plainLabel),
      received: s.received,
      recognised: s.recognised,
    }),
    outcomes: ctx.t("stats-chart-outcomes"),
    nation: ctx.t("stats-chart-nation"),
    province: ctx.t("stats-chart-province"),
    unit: ctx.t("stats-chart-unit"),
    refused: ctx.t("stats-chart-refused"),
    inProgress: ctx.t("stats-chart-in-progress"),
    received: ctx.t("stats-chart-received"),
    recognised: ctx.t("stats-chart-recognised"),
    byBlock: ctx.t("stats-chart-by-block"),
    byCluster: ctx.t("stats-chart-by-cluster", {
      n: Math.min(CHART_TOP_CLUSTERS, s.byCluster.length),
      total: s.byCluster.length,
      shown: s.byCluster.length > CHART_TOP_CLUSTERS ? "top" : "all",
    }),
  };
}

export interface ReportScope {
  scope: StatsScope;
  /** For HTML messages (a campaign's title escaped). */
  label: string;
  /** For file names and images. */
  plainLabel: string;
}

/**
 * Reads "", "2025-2026" or "c12" as what a report covers: the current school year, a school year, a campaign.
 * Answers the user itself (and returns undefined) when it cannot.
 */
export async function parseReportScope(ctx: Context, arg: string): Promise<ReportScope | undefined> {
  const campaign = /^c(\d+)$/i.exec(arg);
  if (campaign) {
    try {
      const c = await ctx.services.campaigns.get(ctx.user?.id ?? 0, Number(campaign[1]));
      return {
        scope: { campaignId: c.id },
        label: ctx.t("stats-of-campaign", { title: c.title }),
        // For the chart and the file name, which are not HTML.
        plainLabel: ctx.t("stats-of-campaign", { title: verbatim(c.title) }),
      };
    } catch (error) {
      if (!(error instanceof CampaignNotFoundError)) throw error;
      await ctx.reply(ctx.t("campaign-not-found"));
      return undefined;
    }
  }
  if (arg === "" || /^\d{4}-\d{4}$/.test(arg)) {
    const year = arg || schoolYearOf(dateIn(ctx.config.timezone, new Date()));
    const label = ctx.t("stats-of-year", { year });
    return { scope: { schoolYear: year }, label, plainLabel: label };
  }
  await ctx.reply(ctx.t("stats-usage"), { parse_mode: "HTML" });
  return undefined;
}

function statsText(ctx: Context, label: string, s: Statistics): string {
  const group = (g: GroupCount) =>
    ctx.t("stats-group-line", { name: g.name, received: g.received, recognised: g.recognised });
  const statuses = RECEIVED_STATUSES.filter((k) => s.byStatus[k] > 0).map((k) =>
    ctx.t("stats-status-line", { status: verbatim(ctx.t(`status-${k}`)), n: s.byStatus[k] }),
  );
  return [
    ctx.t("stats-headline", {
      label: verbatim(label),
      received: s.received,
      initiatives: s.byKind.initiative,
      nominations: s.byKind.nomination,
      recognised: s.recognised,
      nation: s.recognisedByScope.nation,
      province: s.recognisedByScope.province,
      unit: s.recognisedByScope.unit,
      refused: s.refused,
      inProgress: s.inProgress,
      withdrawn: s.withdrawn,
    }),
    ctx.t("stats-by-status"),
    ...(statuses.length > 0 ? statuses : ["—"]),
    ctx.t("stats-by-cluster"),
    ...(s.byCluster.length > 0 ? s.byCluster.map(group) : ["—"]),
    ctx.t("stats-by-block"),
    ...(s.byBlock.length > 0 ? s.byBlock.map(group) : ["—"]),
    ctx.t("stats-by-unit", { n: Math.min(TOP_UNITS, s.byUnit.length), total: s.byUnit.length }),
    ...(s.byUnit.length > 0 ? s.byUnit.slice(0, TOP_UNITS).map(group) : ["—"]),
    ctx.t("library-stats-applied", {
      initiatives: s.applied.initiatives,
      units: s.applied.units,
      districts: s.applied.districts,
    }),
    ...s.applied.top.map((a) =>
      ctx.t("library-stats-applied-line", {
        code: a.code ?? "—",
        title: a.title ?? "",
        units: a.units,
        districts: a.districts,
      }),
    ),
  ].join("\n");
}
