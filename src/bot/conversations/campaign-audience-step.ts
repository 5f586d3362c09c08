import { InlineKeyboard } from "grammy";
import type { CampaignAudience } from "../../campaigns/campaign-input.js";
import { escapeHtml, truncate } from "../../shared/text.js";
import { withId } from "../callback-data.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, type StepPosition, stepHeader, waitForButton } from "./steps.js";

const EVERYONE = "aud:all";
const BY = { clusters: "aud:clusters", blocks: "aud:blocks", units: "aud:units" } as const;
const DONE = "aud:done";
/** A cluster or block toggled (by its place in the list shown), and a unit added. */
const TOGGLE = withId("aud:t");
const ADD_UNIT = withId("aud:u");

/** Who receives the campaign: everyone, or chosen clusters, blocks or units. Undefined when cancelled. */
export async function askAudience(
  conversation: AppConversation,
  ctx: ConversationContext,
  position: StepPosition,
): Promise<CampaignAudience | undefined> {
  const empty: CampaignAudience = { clusters: [], blocks: [], unitIds: [] };
  await ctx.reply(ctx.t("campaign-ask-audience", { header: verbatim(stepHeader(ctx, position)) }), {
    parse_mode: "HTML",
    reply_markup: new InlineKeyboard()
      .text(ctx.t("campaign-audience-everyone"), EVERYONE)
      .row()
      .text(ctx.t("campaign-audience-by-clusters"), BY.clusters)
      .text(ctx.t("campaign-audience-by-blocks"), BY.blocks)
      .row()
      .text(ctx.t("campaign-audience-by-units"), BY.units)
      .row()
      .text(ctx.t("button-cancel"), CANCEL),
  });
  const data = await waitForButton(conversation, [CANCEL, EVERYONE, BY.clusters, BY.blocks, BY.units]);
  if (data === CANCEL) return undefined;
  if (data === EVERYONE) return empty;
  if (data === BY.units) {
    const unitIds = await chooseUnits(conversation, ctx);
    return unitIds === undefined ? undefined : { ...empty, unitIds };
  }
  const which = data === BY.clusters ? "clusters" : "blocks";
  const chosen = await chooseGroups(conversation, ctx, which);
  return chosen === undefined ? undefined : { ...empty, [which]: chosen };
}

/** A hint for a press or message the step does not take; the update is skipped (never in the replay log). */
async function refuse(ctx: ConversationContext, hint?: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(hint ?? (ctx.callbackQuery ? "button-expired" : "expect-button")));
}

/** Toggles clusters or blocks on and off in one message; "Xong" with at least one chosen. */
async function chooseGroups(
  conversation: AppConversation,
  ctx: ConversationContext,
  which: "clusters" | "blocks",
): Promise<string[] | undefined> {
  const options = await conversation.external(async (o) => (await o.services.units.groups())[which]);
  const chosen = new Set<number>();
  const keyboard = () => {
    const k = new InlineKeyboard();
    options.forEach((name, i) => {
      k.text(`${chosen.has(i) ? "☑️" : "⬜"} ${truncate(name, 40)}`, TOGGLE.data(i)).row();
    });
    return k.text(ctx.t("campaign-audience-done"), DONE).text(ctx.t("button-cancel"), CANCEL);
  };
  const message = await ctx.reply(ctx.t(`campaign-audience-choose-${which}`), { reply_markup: keyboard() });
  const toggled = (data: string | undefined) => {
    const match = TOGGLE.filter.exec(data ?? "");
    const i = match ? TOGGLE.read(match)[0] : -1;
    return i >= 0 && i < options.length ? i : undefined;
  };
  for (;;) {
    const answer = await conversation.waitUntil(
      (c) => {
        const data = c.callbackQuery?.data;
        return data === CANCEL || (data === DONE && chosen.size > 0) || toggled(data) !== undefined;
      },
      {
        otherwise: (c) =>
          refuse(c, c.callbackQuery?.data === DONE ? "campaign-audience-none-chosen" : undefined),
      },
    );
    const data = answer.callbackQuery?.data;
    await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
    if (data === DONE) return [...chosen].sort((a, b) => a - b).map((i) => options[i] as string);
    const i = toggled(data) as number;
    if (chosen.has(i)) chosen.delete(i);
    else chosen.add(i);
    await answer.api.editMessageReplyMarkup(message.chat.id, message.message_id, {
      reply_markup: keyboard(),
    });
  }
}

/** Units found by typing part of their names, added one by one; "Xong" with at least one. */
async function chooseUnits(
  conversation: AppConversation,
  ctx: ConversationContext,
): Promise<number[] | undefined> {
  const chosen = new Map<number, string>();
  await ctx.reply(ctx.t("campaign-audience-type-unit"), {
    reply_markup: new InlineKeyboard().text(ctx.t("button-cancel"), CANCEL),
  });
  for (;;) {
    const answer = await conversation.waitUntil(
      (c) => {
        const data = c.callbackQuery?.data;
        if (data === undefined) return c.message?.text !== undefined;
        return data === CANCEL || (data === DONE && chosen.size > 0) || ADD_UNIT.filter.test(data);
      },
      { otherwise: (c) => refuse(c, c.callbackQuery ? "button-expired" : "expect-text") },
    );
    const data = answer.callbackQuery?.data;
    if (data === CANCEL || data === DONE) {
      await answer.answerCallbackQuery();
      if (data === CANCEL) return undefined;
      return [...chosen.keys()];
    }
    if (data !== undefined) {
      await answer.answerCallbackQuery();
      const [id] = ADD_UNIT.read(ADD_UNIT.filter.exec(data) ?? data);
      const unit = await conversation.external(async (o) => {
        const u = await o.services.units.byId(id);
        return u ? { id: u.id, name: u.name } : undefined;
      });
      if (unit) chosen.set(unit.id, unit.name);
      await answer.reply(
        answer.t("campaign-audience-units-chosen", {
          list: verbatim([...chosen.values()].map((n) => `• ${escapeHtml(n)}`).join("\n")),
        }),
        {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard().text(answer.t("campaign-audience-done"), DONE),
        },
      );
      continue;
    }
    const text = answer.message?.text ?? "";
    const matches = await conversation.external(async (o) =>
      (await o.services.units.search(text)).map((u) => ({ id: u.id, name: u.name })),
    );
    if (matches.length === 0) {
      await answer.reply(answer.t("unit-no-match", { query: truncate(text, 60) }), { parse_mode: "HTML" });
      continue;
    }
    const keyboard = new InlineKeyboard();
    for (const m of matches) keyboard.text(truncate(m.name, 50), ADD_UNIT.data(m.id)).row();
    await answer.reply(answer.t("campaign-audience-pick-unit"), { reply_markup: keyboard });
  }
}
