import { InlineKeyboard } from "grammy";
import type { CampaignAudience } from "../../campaigns/campaign-input.js";
import { escapeHtml, truncate } from "../../shared/text.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, type StepPosition, stepHeader } from "./steps.js";

const EVERYONE = "aud:all";
const BY = { clusters: "aud:clusters", blocks: "aud:blocks", units: "aud:units" } as const;
const DONE = "aud:done";
const TOGGLE = "aud:t:";
const ADD_UNIT = "aud:u:";

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
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
    if (data === EVERYONE) return empty;
    if (data === BY.clusters || data === BY.blocks) {
      const which = data === BY.clusters ? "clusters" : "blocks";
      const chosen = await chooseGroups(conversation, answer, which);
      if (chosen === undefined) return undefined;
      return { ...empty, [which]: chosen };
    }
    if (data === BY.units) {
      const unitIds = await chooseUnits(conversation, answer);
      return unitIds === undefined ? undefined : { ...empty, unitIds };
    }
    await answer.reply(answer.t(data === undefined ? "expect-button" : "button-expired"));
  }
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
      k.text(`${chosen.has(i) ? "☑️" : "⬜"} ${truncate(name, 40)}`, `${TOGGLE}${i}`).row();
    });
    return k.text(ctx.t("campaign-audience-done"), DONE).text(ctx.t("button-cancel"), CANCEL);
  };
  const message = await ctx.reply(ctx.t(`campaign-audience-choose-${which}`), { reply_markup: keyboard() });
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
    if (data === DONE && chosen.size > 0)
      return [...chosen].sort((a, b) => a - b).map((i) => options[i] as string);
    if (data === DONE) {
      await answer.reply(answer.t("campaign-audience-none-chosen"));
      continue;
    }
    if (data?.startsWith(TOGGLE)) {
      const i = Number(data.slice(TOGGLE.length));
      if (i >= 0 && i < options.length) {
        if (chosen.has(i)) chosen.delete(i);
        else chosen.add(i);
        await answer.api.editMessageReplyMarkup(message.chat.id, message.message_id, {
          reply_markup: keyboard(),
        });
        continue;
      }
    }
    await answer.reply(answer.t(data === undefined ? "expect-button" : "button-expired"));
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
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
    if (data === DONE && chosen.size > 0) return [...chosen.keys()];
    if (data?.startsWith(ADD_UNIT)) {
      const id = Number(data.slice(ADD_UNIT.length));
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
    const text = answer.message?.text;
    if (text === undefined) {
      await answer.reply(answer.t(data === undefined ? "expect-text" : "button-expired"));
      continue;
    }
    const matches = await conversation.external(async (o) =>
      (await o.services.units.search(text)).map((u) => ({ id: u.id, name: u.name })),
    );
    if (matches.length === 0) {
      await answer.reply(answer.t("unit-no-match", { query: truncate(text, 60) }), {
        parse_mode: "HTML",
      });
      continue;
    }
    const keyboard = new InlineKeyboard();
    for (const m of matches) keyboard.text(truncate(m.name, 50), `${ADD_UNIT}${m.id}`).row();
    await answer.reply(answer.t("campaign-audience-pick-unit"), { reply_markup: keyboard });
  }
}
