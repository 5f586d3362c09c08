import { InvalidCampaignError } from "../../campaigns/campaign-input.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { ask, parseDescription, parseTitle } from "./campaign-questions.js";

export const CAMPAIGN_EDIT_CONVERSATION = "campaign-edit";

export type EditableCampaignField = "title" | "description";

/** Asks an administrator for a campaign's new title or announcement text and saves it (the service re-checks). */
export async function campaignEditConversation(
  conversation: AppConversation,
  ctx: ConversationContext,
  campaignId: number,
  field: EditableCampaignField,
) {
  const value =
    field === "title"
      ? await ask(conversation, ctx, undefined, "campaign-ask-title", [], parseTitle)
      : await ask(conversation, ctx, undefined, "campaign-ask-description", [], parseDescription);
  if (value === undefined) return ctx.reply(ctx.t("campaign-edit-cancelled"));
  const outcome = await conversation.external(async (o) => {
    try {
      const changes = field === "title" ? { title: value } : { descriptionHtml: value };
      await o.services.campaigns.edit(o.user?.id ?? 0, campaignId, changes, new Date());
      return { ok: true as const };
    } catch (error) {
      if (error instanceof InvalidCampaignError) return { ok: false as const, problem: error.problem };
      throw error;
    }
  });
  return ctx.reply(outcome.ok ? ctx.t("campaign-edited") : ctx.t(`campaign-problem-${outcome.problem}`));
}
