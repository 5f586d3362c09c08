import { Composer } from "grammy";
import { CampaignNotFoundError } from "../../campaigns/campaign-input.js";
import { splitMessage } from "../../shared/split-message.js";
import { escapeHtml } from "../../shared/text.js";
import { dateIn, schoolYearOf } from "../../shared/time.js";
import type { StatsScope } from "../../stats/stats.repository.js";
import type { GroupCount, Statistics } from "../../stats/stats.service.js";
import type { Context } from "../context.js";

/** /stats [2025-2026 | c<campaign id>]: the figures of a school year (the current one by default) or a campaign. */
export const statsFeature = new Composer<Context>();

const TOP_UNITS = 15;

statsFeature.chatType("private").command("stats", async (ctx) => {
  if (!ctx.user) return;
  const arg = ctx.match.trim();
  let scope: StatsScope;
  let label: string;
  const campaign = /^c(\d+)$/i.exec(arg);
  if (campaign) {
    try {
      const c = await ctx.services.campaigns.get(ctx.user.id, Number(campaign[1]));
      scope = { campaignId: c.id };
      label = ctx.t("stats-of-campaign", { title: escapeHtml(c.title) });
    } catch (error) {
      if (error instanceof CampaignNotFoundError) return ctx.reply(ctx.t("campaign-not-found"));
      throw error;
    }
  } else if (arg === "" || /^\d{4}-\d{4}$/.test(arg)) {
    const year = arg || schoolYearOf(dateIn(ctx.config.timezone, new Date()));
    scope = { schoolYear: year };
    label = ctx.t("stats-of-year", { year });
  } else {
    return ctx.reply(ctx.t("stats-usage"), { parse_mode: "HTML" });
  }
  // The service refuses anyone but an administrator.
  const s = await ctx.services.stats.compute(ctx.user.id, scope);
  for (const part of splitMessage(statsText(ctx, label, s))) await ctx.reply(part, { parse_mode: "HTML" });
});

function statsText(ctx: Context, label: string, s: Statistics): string {
  const group = (g: GroupCount) =>
    ctx.t("stats-group-line", { name: escapeHtml(g.name), received: g.received, recognised: g.recognised });
  const statuses = (
    ["submitted", "returned", "endorsed", "under_review", "recognised", "refused", "withdrawn"] as const
  )
    .filter((k) => s.byStatus[k] > 0)
    .map((k) => ctx.t("stats-status-line", { status: ctx.t(`status-${k}`), n: s.byStatus[k] }));
  return [
    ctx.t("stats-headline", {
      label,
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
  ].join("\n");
}
