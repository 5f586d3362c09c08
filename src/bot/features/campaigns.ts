import { Composer, InlineKeyboard } from "grammy";
import { InvalidCampaignError } from "../../campaigns/campaign-input.js";
import { escapeHtml, truncate } from "../../shared/text.js";
import { formatDateTime } from "../../shared/time.js";
import { CampaignClosedError } from "../../submissions/errors.js";
import { announcementText, campaignButtons, timeLeft } from "../broadcast-messages.js";
import { BUTTON } from "../callback-data.js";
import type { Context } from "../context.js";
import { CAMPAIGN_CREATE_CONVERSATION } from "../conversations/campaign-create.js";
import { CAMPAIGN_EDIT_CONVERSATION } from "../conversations/campaign-edit.js";
import { CAMPAIGN_EXTEND_CONVERSATION } from "../conversations/campaign-extend.js";
import { hasUser } from "../filters.js";
import { verbatim } from "../verbatim.js";
import { openForm } from "./form.js";

export const campaignsFeature = new Composer<Context>();
const private_ = campaignsFeature.chatType("private").filter(hasUser);

/** /campaigns: every registered teacher sees what the unit may submit to; administrators also manage them. */
private_.command("campaigns", async (ctx) => {
  await showOpenCampaigns(ctx);
  if (await isAdmin(ctx)) await showAdminList(ctx);
});

private_.command("newcampaign", async (ctx) => {
  // The conversation's last step goes through CampaignsService.create, which checks the role again.
  if (!(await isAdmin(ctx))) return ctx.reply(ctx.t("not-allowed"));
  await ctx.conversation.enter(CAMPAIGN_CREATE_CONVERSATION);
});

private_.callbackQuery("cadm:new", async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!(await isAdmin(ctx))) return ctx.reply(ctx.t("not-allowed"));
  await ctx.conversation.enter(CAMPAIGN_CREATE_CONVERSATION);
});

/** A campaign's button: starts (or continues) the matching submission, already linked to the campaign. */
private_.callbackQuery(BUTTON.campaignStart.filter, async (ctx) => {
  const [campaignId, kind] = BUTTON.campaignStart.read(ctx.match);
  await ctx.answerCallbackQuery();
  try {
    const draft = await ctx.services.submissions.startDraftForCampaign(ctx.user.id, campaignId, kind);
    await openForm(ctx, draft.id, draft);
  } catch (error) {
    if (error instanceof CampaignClosedError) return ctx.reply(ctx.t("campaign-not-open"));
    throw error;
  }
});

private_.callbackQuery(BUTTON.campaignView.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.campaignView.read(ctx.match);
  const c = await withCampaign(ctx, () => ctx.services.campaigns.get(ctx.user?.id ?? 0, id));
  if (!c) return;
  const tz = ctx.config.timezone;
  const audience = c.audience;
  const everyone = audience.clusters.length + audience.blocks.length + audience.unitIds.length === 0;
  await ctx.reply(
    ctx.t("campaign-admin-details", {
      id: String(c.id),
      title: c.title,
      status: verbatim(ctx.t(`campaign-status-${c.status}`)),
      opens: formatDateTime(tz, c.opens_at),
      deadline: formatDateTime(tz, c.deadline_at),
      announce: c.announce_at ? formatDateTime(tz, c.announce_at) : "—",
      audience: verbatim(
        everyone
          ? ctx.t("campaign-audience-everyone")
          : escapeHtml([...audience.clusters, ...audience.blocks].join(", ") || "—") +
              (audience.unitIds.length > 0
                ? ` + ${ctx.t("campaign-audience-units", { n: audience.unitIds.length })}`
                : ""),
      ),
      reminders: c.reminder_offsets.join(", ") || "—",
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("campaign-preview-button"), BUTTON.campaignPreview.data(c.id))
        .row()
        .text(ctx.t("campaign-edit-title-button"), BUTTON.campaignEditTitle.data(c.id))
        .text(ctx.t("campaign-edit-description-button"), BUTTON.campaignEditText.data(c.id))
        .row()
        .text(
          ctx.t(
            c.requires_endorsement
              ? "campaign-endorsement-skip-button"
              : "campaign-endorsement-require-button",
          ),
          BUTTON.campaignEndorsement.data(c.id, c.requires_endorsement ? "off" : "on"),
        )
        .row()
        .text(ctx.t("campaign-extend-button"), BUTTON.campaignExtend.data(c.id))
        .text(ctx.t("campaign-close-button"), BUTTON.campaignClose.data(c.id)),
    },
  );
});

private_.callbackQuery(BUTTON.campaignPreview.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.campaignPreview.read(ctx.match);
  const c = await withCampaign(ctx, () => ctx.services.campaigns.get(ctx.user?.id ?? 0, id));
  if (!c) return;
  await ctx.reply(announcementText(ctx.t.bind(ctx), c, ctx.config.timezone, new Date()), {
    parse_mode: "HTML",
    reply_markup: campaignButtons(ctx.t.bind(ctx), c),
  });
});

private_.callbackQuery(BUTTON.campaignExtend.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.campaignExtend.read(ctx.match);
  // Checked here to answer at once; the service checks again when the new date is saved.
  const c = await withCampaign(ctx, () => ctx.services.campaigns.get(ctx.user?.id ?? 0, id));
  if (c) await ctx.conversation.enter(CAMPAIGN_EXTEND_CONVERSATION, c.id);
});

private_.callbackQuery([BUTTON.campaignEditTitle.filter, BUTTON.campaignEditText.filter], async (ctx) => {
  const editsTitle = BUTTON.campaignEditTitle.filter.test(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  const [id] = (editsTitle ? BUTTON.campaignEditTitle : BUTTON.campaignEditText).read(ctx.match);
  // Checked here to answer at once; the service checks again when the change is saved.
  const c = await withCampaign(ctx, () => ctx.services.campaigns.get(ctx.user?.id ?? 0, id));
  if (c) await ctx.conversation.enter(CAMPAIGN_EDIT_CONVERSATION, c.id, editsTitle ? "title" : "description");
});

private_.callbackQuery(BUTTON.campaignEndorsement.filter, async (ctx) => {
  const [campaignId, setting] = BUTTON.campaignEndorsement.read(ctx.match);
  await ctx.answerCallbackQuery();
  const required = setting === "on";
  const c = await withCampaign(ctx, () =>
    ctx.services.campaigns.setRequiresEndorsement(ctx.user?.id ?? 0, campaignId, required),
  );
  if (c) await ctx.reply(ctx.t(required ? "campaign-endorsement-required" : "campaign-endorsement-skipped"));
});

private_.callbackQuery(BUTTON.campaignClose.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.campaignClose.read(ctx.match);
  const c = await withCampaign(ctx, () => ctx.services.campaigns.get(ctx.user?.id ?? 0, id));
  if (!c) return;
  await ctx.reply(ctx.t("campaign-close-confirm", { title: c.title }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("campaign-close-yes"), BUTTON.campaignCloseConfirmed.data(c.id))
      .text(ctx.t("campaign-close-no"), "cadm:noop"),
  });
});

private_.callbackQuery(BUTTON.campaignCloseConfirmed.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = BUTTON.campaignCloseConfirmed.read(ctx.match);
  const c = await withCampaign(ctx, () => ctx.services.campaigns.close(ctx.user?.id ?? 0, id, new Date()));
  if (c) await ctx.reply(ctx.t("campaign-closed-done", { title: c.title }), { parse_mode: "HTML" });
});

private_.callbackQuery("cadm:noop", (ctx) => ctx.answerCallbackQuery());

async function showOpenCampaigns(ctx: Context): Promise<void> {
  if (!ctx.user?.unit_id) {
    if (!(await isAdmin(ctx))) await ctx.reply(ctx.t("submit-register-first"));
    return;
  }
  const now = new Date();
  const open = await ctx.services.campaigns.openForUser(ctx.user.id, now);
  if (open.length === 0) {
    await ctx.reply(ctx.t("campaigns-open-none"));
    return;
  }
  await ctx.reply(ctx.t("campaigns-open-title"), { parse_mode: "HTML" });
  for (const c of open) {
    await ctx.reply(
      ctx.t("campaigns-open-item", {
        title: c.title,
        deadline: formatDateTime(ctx.config.timezone, c.deadline_at),
        left: verbatim(timeLeft(ctx.t.bind(ctx), c.deadline_at.getTime() - now.getTime())),
      }),
      {
        parse_mode: "HTML",
        reply_markup: campaignButtons(ctx.t.bind(ctx), c),
      },
    );
  }
}

async function showAdminList(ctx: Context): Promise<void> {
  const list = await ctx.services.campaigns.list(ctx.user?.id ?? 0, 10);
  const lines = list.map((c) =>
    ctx.t("campaigns-admin-item", {
      id: String(c.id),
      title: truncate(c.title, 80),
      status: verbatim(ctx.t(`campaign-status-${c.status}`)),
      deadline: formatDateTime(ctx.config.timezone, c.deadline_at),
      received: Number(c.received ?? 0),
    }),
  );
  const keyboard = new InlineKeyboard();
  for (const c of list)
    keyboard.text(`#${c.id} ${truncate(c.title, 30)}`, BUTTON.campaignView.data(c.id)).row();
  keyboard.text(ctx.t("campaign-new-button"), "cadm:new");
  await ctx.reply(
    [ctx.t("campaigns-admin-title"), ...(lines.length ? lines : [ctx.t("campaigns-admin-none")])].join("\n"),
    {
      parse_mode: "HTML",
      reply_markup: keyboard,
    },
  );
}

/**
 * Whether to show administrators' buttons. Only a convenience: every privileged service call checks the role
 * itself. Read on demand, so ordinary updates do not pay a query for it.
 */
async function isAdmin(ctx: Context): Promise<boolean> {
  return ctx.user ? (await ctx.services.users.roles(ctx.user.id)).includes("admin") : false;
}

/** Runs a campaign service call; a campaign that is gone or in the wrong state gets a plain answer. */
async function withCampaign<T>(ctx: Context, call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    // A campaign that is gone (CampaignNotFoundError) is answered by the error boundary.
    if (!(error instanceof InvalidCampaignError)) throw error;
    await ctx.reply(ctx.t(`campaign-problem-${error.problem}`));
    return undefined;
  }
}
