import type { Kysely } from "kysely";
import { enqueueCampaignBroadcast, enqueueReviewReminder } from "../broadcasts/broadcasts.repository.js";
import type { Database } from "../db/types.js";
import { applicationCounts } from "../library/library.repository.js";
import { applyCampaignClock, findCampaignsUnderReview, findLiveCampaigns } from "./campaigns.repository.js";
import { dueReminder } from "./reminder-schedule.js";

/** Council members with submissions left to score are reminded 3 days and 1 day before the review deadline. */
const REVIEW_REMINDERS = ["3d", "1d"];

export interface TickReport {
  opened: number;
  closed: number;
  /** Broadcasts enqueued by this pass, with their recipient counts. */
  enqueued: { campaignId: number; kind: string; key: string; recipients: number }[];
}

/**
 * One pass of the campaign clock at `now`: opens and closes campaigns, then enqueues the announcements and the
 * reminders that are due. Every broadcast has a key naming what it is for, so a pass that runs twice (two
 * instances, a retried cron fire, an operator's manual tick) enqueues nothing twice.
 */
export async function campaignTick(db: Kysely<Database>, timezone: string, now: Date): Promise<TickReport> {
  const { opened, closed } = await applyCampaignClock(db, now);
  const enqueued: TickReport["enqueued"] = [];
  for (const campaign of await findLiveCampaigns(db, now)) {
    // No announcement time: a campaign recorded without one (e.g. imported) is never broadcast.
    const announced = campaign.announce_at;
    if (!announced || announced.getTime() > now.getTime()) continue;
    const announcement = `announce:${campaign.id}`;
    const a = await enqueueCampaignBroadcast(db, {
      campaign,
      kind: "announcement",
      dedupeKey: announcement,
      payload: { featured: await featuredInitiatives(db, campaign.school_year) },
      onlyWithoutSubmission: false,
    });
    if (a)
      enqueued.push({
        campaignId: campaign.id,
        kind: "announcement",
        key: announcement,
        recipients: a.total,
      });

    // Reminders only once submissions are taken, and none planned before the announcement or the last extension.
    if (campaign.opens_at.getTime() > now.getTime()) continue;
    const notBefore = new Date(
      Math.max(
        announced.getTime(),
        campaign.deadline_changed_at?.getTime() ?? 0,
        campaign.opens_at.getTime(),
      ),
    );
    const due = dueReminder(campaign.reminder_offsets, campaign.deadline_at, timezone, now, notBefore);
    if (!due) continue;
    const key = `reminder:${campaign.id}:${campaign.deadline_at.toISOString()}:${due.spec}`;
    const r = await enqueueCampaignBroadcast(db, {
      campaign,
      kind: "reminder",
      dedupeKey: key,
      payload: { spec: due.spec, deadline: campaign.deadline_at.toISOString() },
      onlyWithoutSubmission: true,
    });
    if (r) enqueued.push({ campaignId: campaign.id, kind: "reminder", key, recipients: r.total });
  }
  for (const campaign of await findCampaignsUnderReview(db, now)) {
    const deadline = campaign.review_deadline_at as Date;
    const due = dueReminder(REVIEW_REMINDERS, deadline, timezone, now, new Date(0));
    if (!due) continue;
    const key = `review-reminder:${campaign.id}:${deadline.toISOString()}:${due.spec}`;
    const r = await enqueueReviewReminder(db, campaign, key, { deadline: deadline.toISOString() });
    if (r) enqueued.push({ campaignId: campaign.id, kind: "review-reminder", key, recipients: r.total });
  }
  return { opened, closed, enqueued };
}

/** An initiative the announcement features: among the most applied of the school year before the campaign's. */
export interface FeaturedInitiative {
  code: string | null;
  title: string | null;
  units: number;
}

/** The three most applied recognised initiatives of the year before `schoolYear` ("2025-2026" → "2024-2025"). */
async function featuredInitiatives(db: Kysely<Database>, schoolYear: string): Promise<FeaturedInitiative[]> {
  const m = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  if (!m) return [];
  const previous = `${Number(m[1]) - 1}-${Number(m[2]) - 1}`;
  const rows = await applicationCounts(db, { schoolYear: previous, limit: 3 });
  return rows.map((r) => ({ code: r.code, title: r.title, units: r.units }));
}
