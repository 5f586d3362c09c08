import type { I18n } from "@grammyjs/i18n";
import { InlineKeyboard } from "grammy";
import type { BroadcastForRender, OutgoingMessage, RenderDelivery } from "../broadcasts/broadcast-sender.js";
import type {
  AppliedNotice,
  BroadcastProgress,
  ClaimedDelivery,
  DecisionNotice,
  SubmissionNotice,
} from "../broadcasts/broadcasts.repository.js";
import type { FeaturedInitiative } from "../campaigns/campaign-tick.js";
import type { Locale } from "../config.js";
import type { Campaign } from "../db/types.js";
import { MESSAGE_LIMIT } from "../shared/split-message.js";
import { announcementHtml } from "../shared/telegram-html.js";
import { truncate } from "../shared/text.js";
import { formatDateTime, formatIsoDate } from "../shared/time.js";
import { decisionNotice } from "./batch-decision-messages.js";
import { BUTTON } from "./callback-data.js";
import type { Context } from "./context.js";
import { negotiateLocale } from "./i18n.js";
import { type Verbatim, verbatim } from "./verbatim.js";

/** A translation function; string variables are escaped for HTML (see createI18n), verbatim(...) ones are not. */
export type Translate = (key: string, vars?: Record<string, string | number | Verbatim>) => string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 ngày", "5 giờ", "40 phút": the time left, computed when the message is sent. */
export function timeLeft(t: Translate, ms: number): string {
  if (ms >= 2 * DAY) return t("time-left-days", { n: Math.floor(ms / DAY) });
  if (ms >= HOUR) return t("time-left-hours", { n: Math.floor(ms / HOUR) });
  return t("time-left-minutes", { n: Math.max(1, Math.ceil(ms / 60_000)) });
}

/** Buttons that start (or continue) the matching submission, linked to the campaign. */
export function campaignButtons(
  t: Translate,
  c: Pick<Campaign, "id" | "accepts_initiatives" | "accepts_nominations">,
): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  if (c.accepts_initiatives)
    keyboard.text(t("campaign-start-initiative"), BUTTON.campaignStart.data(c.id, "initiative")).row();
  if (c.accepts_nominations)
    keyboard.text(t("campaign-start-nomination"), BUTTON.campaignStart.data(c.id, "nomination")).row();
  return keyboard;
}

/** The announcement exactly as recipients get it (administrators preview it with this too). */
export function announcementText(
  t: Translate,
  c: Campaign,
  timezone: string,
  now: Date,
  featured: readonly FeaturedInitiative[] = [],
): string {
  const accepts = [
    ...(c.accepts_initiatives ? [t("kind-initiative")] : []),
    ...(c.accepts_nominations ? [t("kind-nomination")] : []),
  ].join(", ");
  const text = t("campaign-announcement", {
    title: c.title,
    description: verbatim(announcementHtml(c.description)),
    opens: formatDateTime(timezone, c.opens_at),
    deadline: formatDateTime(timezone, c.deadline_at),
    accepts: verbatim(accepts),
    left: verbatim(timeLeft(t, c.deadline_at.getTime() - now.getTime())),
  });
  if (featured.length === 0) return text;
  // The most applied initiatives of last year, as examples worth following (nhân rộng).
  const lines = featured.map((f) =>
    t("library-featured-line", { code: f.code ?? "—", title: truncate(f.title ?? "", 120), units: f.units }),
  );
  const withFeatured = [text, t("library-featured-header"), ...lines].join("\n");
  // A description near Telegram's limit leaves no room: the announcement goes without the examples.
  return withFeatured.length <= MESSAGE_LIMIT ? withFeatured : text;
}

export function campaignMessageRenderer(
  i18n: I18n<Context>,
  timezone: string,
  defaultLocale: Locale,
  clock: () => Date = () => new Date(),
): RenderDelivery {
  return (d: ClaimedDelivery, { broadcast, campaign }: BroadcastForRender): OutgoingMessage | undefined => {
    const t: Translate = i18n.fluent.withLocale(negotiateLocale(d.locale, undefined, defaultLocale));
    if (broadcast.kind === "new-submission")
      return newSubmissionNotice(t, broadcast.payload as unknown as SubmissionNotice);
    // A decision is news however late it arrives: no deadline check.
    if (broadcast.kind === "decision")
      return decisionNotice(t, broadcast.payload as unknown as DecisionNotice, d.user_id);
    if (broadcast.kind === "initiative-applied") {
      const n = broadcast.payload as unknown as AppliedNotice;
      return {
        text: t("library-applied-notice", {
          code: n.code,
          title: n.title,
          unit: n.unit,
          since: formatIsoDate(n.startedOn),
        }),
      };
    }
    if (!campaign) return undefined;
    const now = clock();
    const payload = broadcast.payload as { deadline?: string; previousDeadline?: string };
    if (broadcast.kind === "review-reminder") {
      const deadline = new Date(payload.deadline ?? campaign.review_deadline_at ?? now);
      if (deadline.getTime() <= now.getTime()) return undefined;
      return {
        text: t("council-reminder", {
          title: campaign.title,
          deadline: formatDateTime(timezone, deadline),
          left: verbatim(timeLeft(t, deadline.getTime() - now.getTime())),
        }),
      };
    }
    // Late in the queue (a long outage): a campaign past its deadline is no longer worth a message.
    if (campaign.deadline_at.getTime() <= now.getTime() || campaign.status === "closed") return undefined;
    switch (broadcast.kind) {
      case "announcement":
        return {
          text: announcementText(
            t,
            campaign,
            timezone,
            now,
            (payload as { featured?: FeaturedInitiative[] }).featured,
          ),
          reply_markup: campaignButtons(t, campaign),
        };
      case "reminder": {
        const deadline = new Date(payload.deadline ?? campaign.deadline_at);
        return {
          text: t(d.variant === "draft" ? "campaign-reminder-draft" : "campaign-reminder", {
            title: campaign.title,
            deadline: formatDateTime(timezone, deadline),
            left: verbatim(timeLeft(t, deadline.getTime() - now.getTime())),
          }),
          reply_markup: campaignButtons(t, campaign),
        };
      }
      case "deadline-extended":
        return {
          text: t("campaign-extended", {
            title: campaign.title,
            deadline: formatDateTime(timezone, new Date(payload.deadline ?? campaign.deadline_at)),
            previous: formatDateTime(timezone, new Date(payload.previousDeadline ?? campaign.deadline_at)),
          }),
          reply_markup: campaignButtons(t, campaign),
        };
      default:
        return undefined;
    }
  };
}

function newSubmissionNotice(t: Translate, n: SubmissionNotice): OutgoingMessage {
  return {
    text: t(n.resubmission ? "unit-head-resubmission" : "unit-head-new-submission", {
      code: n.code,
      kind: verbatim(t(`kind-${n.kind}`)),
      title: n.title,
      submitter: n.submitter,
    }),
    reply_markup: new InlineKeyboard().text(
      t("endorse-open-button"),
      BUTTON.endorseOpen.data(n.submissionId),
    ),
  };
}

/** One broadcast's progress, as /broadcasts lists it and the creator's summary says it. */
export function progressText(t: Translate, p: BroadcastProgress): string {
  return t("broadcast-progress", {
    id: String(p.id), // an id, not a quantity: no digit grouping
    kind: verbatim(t(`broadcast-kind-${p.kind}`)),
    campaign: p.campaign_title ?? "—",
    status: verbatim(t(`broadcast-status-${p.status}`)),
    total: p.total,
    sent: p.sent,
    pending: p.pending,
    failed: p.failed,
    blocked: p.blocked,
  });
}
