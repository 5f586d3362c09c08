import { InlineKeyboard } from "grammy";
import { InvalidCampaignError } from "../../campaigns/campaign-input.js";
import { formatDateTime, parseLocalDateTime } from "../../shared/time.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { CANCEL, waitForText } from "./steps.js";

export const CAMPAIGN_EXTEND_CONVERSATION = "campaign-extend";

/** Asks an administrator for the new deadline of a campaign and saves it (the service re-checks the role). */
export async function campaignExtendConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  campaignId: number,
) {
  const tz = ctx.config.timezone;
  await ctx.reply(ctx.t("campaign-extend-ask"), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL),
  });
  for (;;) {
    // A sticker or photo gets the same hint as a date that does not parse.
    const reply = await waitForText(conversation, "campaign-problem-datetime");
    const { answer } = reply;
    if ("cancelled" in reply) return answer.reply(answer.t("campaign-extend-cancelled"));
    const deadline = parseLocalDateTime(reply.text, tz);
    if (!deadline) {
      await answer.reply(answer.t("campaign-problem-datetime"), { parse_mode: "HTML" });
      continue;
    }
    const iso = deadline.toISOString();
    const outcome = await conversation.external(async (o) => {
      try {
        const c = await o.services.campaigns.extendDeadline(
          o.user?.id ?? 0,
          campaignId,
          new Date(iso),
          new Date(),
        );
        return { ok: true as const, title: c.title };
      } catch (error) {
        if (error instanceof InvalidCampaignError) return { ok: false as const, problem: error.problem };
        throw error;
      }
    });
    if (outcome.ok)
      return answer.reply(answer.t("campaign-extended-done", { deadline: formatDateTime(tz, deadline) }), {
        parse_mode: "HTML",
      });
    await answer.reply(answer.t(`campaign-problem-${outcome.problem}`));
    if (outcome.problem === "closed") return;
  }
}
