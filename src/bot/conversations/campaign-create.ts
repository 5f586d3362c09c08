import { InlineKeyboard } from "grammy";
import { type CampaignInput, InvalidCampaignError } from "../../campaigns/campaign-input.js";
import { DEFAULT_REMINDERS, isReminderSpec } from "../../campaigns/reminder-schedule.js";
import type { Campaign } from "../../db/types.js";
import { formatDateTime, parseLocalDateTime } from "../../shared/time.js";
import { announcementText, campaignButtons } from "../broadcast-messages.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { askAudience } from "./campaign-audience-step.js";
import { ask, type Parsed, parseDescription, parseTitle } from "./campaign-questions.js";
import { CANCEL, type StepPosition, stepHeader, waitForButton } from "./steps.js";

export const CAMPAIGN_CREATE_CONVERSATION = "campaign-create";

const TOTAL = 9;
const NOW = "cc:now";
const CONFIRM = "cc:confirm";
const ACCEPTS = { initiatives: "cc:a:i", nominations: "cc:a:n", both: "cc:a:b" } as const;
const REMIND = { default: "cc:r:default", none: "cc:r:none" } as const;

/**
 * An administrator creates a campaign, one question per step, and sees the announcement exactly as recipients
 * will before confirming. The service checks the role and every rule again on create.
 */
export async function campaignCreateConversation(conversation: AppConversation, ctx: ConversationContext) {
  const tz = ctx.config.timezone;
  const pos = (step: number): StepPosition => ({ step, total: TOTAL });
  const date = (text: string) => parseLocalDateTime(text, tz);
  const cancelled = () => ctx.reply(ctx.t("campaign-create-cancelled"));

  const title = await ask(conversation, ctx, pos(1), "campaign-ask-title", [], parseTitle);
  if (title === undefined) return cancelled();

  const descriptionHtml = await ask(
    conversation,
    ctx,
    pos(2),
    "campaign-ask-description",
    [],
    parseDescription,
  );
  if (descriptionHtml === undefined) return cancelled();

  const accepts = await ask(
    conversation,
    ctx,
    pos(3),
    "campaign-ask-accepts",
    [
      [ctx.t("kind-initiative"), ACCEPTS.initiatives],
      [ctx.t("kind-nomination"), ACCEPTS.nominations],
      [ctx.t("campaign-accepts-both"), ACCEPTS.both],
    ],
    (a) => {
      const data = a.callbackQuery?.data;
      if (data === ACCEPTS.initiatives) return { ok: true, value: { i: true, n: false } };
      if (data === ACCEPTS.nominations) return { ok: true, value: { i: false, n: true } };
      if (data === ACCEPTS.both) return { ok: true, value: { i: true, n: true } };
      return { ok: false, hint: a.t("expect-button") };
    },
  );
  if (accepts === undefined) return cancelled();

  const audience = await askAudience(conversation, ctx, pos(4));
  if (audience === undefined) return cancelled();

  const nowMs = await conversation.now();
  const opensAt = await ask(
    conversation,
    ctx,
    pos(5),
    "campaign-ask-opens",
    [[ctx.t("campaign-now"), NOW]],
    (a) => {
      if (a.callbackQuery?.data === NOW) return { ok: true, value: nowMs };
      const at = date(a.message?.text ?? "");
      return at ? { ok: true, value: at.getTime() } : { ok: false, hint: a.t("campaign-problem-datetime") };
    },
  );
  if (opensAt === undefined) return cancelled();

  const deadlineAt = await ask(conversation, ctx, pos(6), "campaign-ask-deadline", [], (a) => {
    const at = date(a.message?.text ?? "");
    if (!at) return { ok: false, hint: a.t("campaign-problem-datetime") };
    if (at.getTime() <= Math.max(opensAt, nowMs))
      return { ok: false, hint: a.t("campaign-problem-deadline-not-after-opening") };
    return { ok: true, value: at.getTime() };
  });
  if (deadlineAt === undefined) return cancelled();

  const announceAt = await ask(
    conversation,
    ctx,
    pos(7),
    "campaign-ask-announce",
    [[ctx.t("campaign-announce-now"), NOW]],
    (a): Parsed<number | null> => {
      if (a.callbackQuery?.data === NOW) return { ok: true, value: null };
      const at = date(a.message?.text ?? "");
      if (!at) return { ok: false, hint: a.t("campaign-problem-datetime") };
      if (at.getTime() >= deadlineAt)
        return { ok: false, hint: a.t("campaign-problem-announce-after-deadline") };
      return { ok: true, value: at.getTime() };
    },
  );
  if (announceAt === undefined) return cancelled();

  const reminders = await ask(
    conversation,
    ctx,
    pos(8),
    "campaign-ask-reminders",
    [
      [ctx.t("campaign-reminders-default"), REMIND.default],
      [ctx.t("campaign-reminders-none"), REMIND.none],
    ],
    (a) => {
      const data = a.callbackQuery?.data;
      if (data === REMIND.default) return { ok: true, value: [...DEFAULT_REMINDERS] };
      if (data === REMIND.none) return { ok: true, value: [] };
      const specs = (a.message?.text ?? "")
        .toLowerCase()
        .split(/[\s,;]+/)
        .filter(Boolean);
      if (specs.length === 0 || !specs.every(isReminderSpec))
        return { ok: false, hint: a.t("campaign-problem-reminder-spec") };
      return { ok: true, value: specs };
    },
  );
  if (reminders === undefined) return cancelled();

  const input: CampaignInput = {
    title,
    descriptionHtml,
    acceptsInitiatives: accepts.i,
    acceptsNominations: accepts.n,
    audience,
    opensAt: new Date(opensAt),
    deadlineAt: new Date(deadlineAt),
    announceAt: announceAt === null ? null : new Date(announceAt),
    reminders,
  };

  // Step 9: the announcement exactly as recipients will see it, then the plan, then confirm.
  const preview = {
    id: 0,
    title,
    description: descriptionHtml,
    opens_at: input.opensAt,
    deadline_at: input.deadlineAt,
    accepts_initiatives: accepts.i,
    accepts_nominations: accepts.n,
  } as Campaign;
  await ctx.reply(ctx.t("campaign-preview-intro", { header: verbatim(stepHeader(ctx, pos(9))) }), {
    parse_mode: "HTML",
  });
  await ctx.reply(announcementText(ctx.t.bind(ctx), preview, tz, new Date(nowMs)), {
    parse_mode: "HTML",
    reply_markup: campaignButtons(ctx.t.bind(ctx), preview),
  });
  await ctx.reply(
    ctx.t("campaign-preview-plan", {
      announce:
        announceAt === null
          ? verbatim(ctx.t("campaign-announce-now"))
          : formatDateTime(tz, new Date(announceAt)),
      reminders: reminders.length > 0 ? reminders.join(", ") : verbatim(ctx.t("campaign-reminders-none")),
    }),
    {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("campaign-confirm"), CONFIRM)
        .text(ctx.t("button-cancel"), CANCEL),
    },
  );
  if ((await waitForButton(conversation, [CONFIRM, CANCEL])) === CANCEL) return cancelled();
  const created = await conversation.external(async (o) => {
    try {
      const c = await o.services.campaigns.create(o.user?.id ?? 0, input, new Date());
      return { ok: true as const, id: c.id };
    } catch (error) {
      if (error instanceof InvalidCampaignError) return { ok: false as const, problem: error.problem };
      throw error;
    }
  });
  if (created.ok)
    return ctx.reply(ctx.t("campaign-created", { id: String(created.id) }), { parse_mode: "HTML" });
  // Time passed while confirming (e.g. the deadline is now behind us): say why; the admin starts again.
  return ctx.reply(ctx.t(`campaign-problem-${created.problem}`));
}
