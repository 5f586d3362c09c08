import { InlineKeyboard } from "grammy";
import { normalizeText, truncate } from "../../shared/text.js";
import { UNIT_SEARCH_LIMIT } from "../../units/units.service.js";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { CANCEL, type StepPosition, stepHeader } from "./steps.js";

/** What the conversation keeps of a unit (it is stored in the replay log, so plain data only). */
export interface UnitChoice {
  id: number;
  name: string;
  district: string;
}

const CB = { browse: "unit:browse", keep: "unit:keep" } as const;
const UNIT = /^unit:(\d+)$/;
const DISTRICT = /^district:(\d+)$/;
const QUERY_MAX = 100;

/**
 * Asks for the user's unit: typed in part, without diacritics ("thpt le loi"), with the matches as buttons; or
 * browsed by district. Returns undefined when the user cancels.
 */
export async function askUnit(
  conversation: AppConversation,
  ctx: ConversationContext,
  position: StepPosition,
  current: UnitChoice | null,
): Promise<UnitChoice | undefined> {
  const ask = new InlineKeyboard().text(ctx.t("unit-browse-button"), CB.browse).row();
  if (current)
    ask.text(ctx.t("unit-keep-button", { unit: verbatim(truncate(current.name, 40)) }), CB.keep).row();
  ask.text(ctx.t("button-cancel"), CANCEL);
  const lines = [ctx.t("unit-ask", { header: verbatim(stepHeader(ctx, position)) })];
  if (current) lines.push(ctx.t("unit-ask-current", { unit: current.name }));
  await ctx.reply(lines.join("\n\n"), { parse_mode: "HTML", reply_markup: ask });

  // The buttons last shown: a press is accepted only for a unit the bot offered.
  let offered: UnitChoice[] = current ? [current] : [];
  let districts: string[] = [];

  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) await answer.answerCallbackQuery();

    if (data === CANCEL) return undefined;
    if (data === CB.keep && current) return current;
    const unitId = UNIT.exec(data ?? "")?.[1];
    const chosen = unitId ? offered.find((u) => u.id === Number(unitId)) : undefined;
    if (chosen) return chosen;

    if (data === CB.browse) {
      districts = await conversation.external((outer) => outer.services.units.districts());
      if (districts.length === 0) {
        await answer.reply(answer.t("unit-catalogue-empty"));
        continue;
      }
      const keyboard = new InlineKeyboard();
      for (const [i, d] of districts.entries()) keyboard.text(truncate(d, 40), `district:${i}`).row();
      keyboard.text(answer.t("button-cancel"), CANCEL);
      await answer.reply(answer.t("unit-choose-district"), { reply_markup: keyboard });
      continue;
    }
    const districtIndex = DISTRICT.exec(data ?? "")?.[1];
    const district = districtIndex !== undefined ? districts[Number(districtIndex)] : undefined;
    if (district !== undefined) {
      offered = await conversation.external(async (outer) =>
        toChoices(await outer.services.units.inDistrict(district)),
      );
      await answer.reply(answer.t("unit-choose-in-district", { district }), {
        parse_mode: "HTML",
        reply_markup: unitKeyboard(answer, offered, true),
      });
      continue;
    }
    if (data !== undefined) {
      await answer.reply(answer.t("button-expired"));
      continue;
    }

    const text = answer.message?.text;
    if (text === undefined || text.startsWith("/")) {
      await answer.reply(answer.t("unit-expect-text"));
      continue;
    }
    const query = truncate(normalizeText(text), QUERY_MAX);
    const matches = await conversation.external(async (outer) =>
      toChoices(await outer.services.units.search(query)),
    );
    if (matches.length === 0) {
      await answer.reply(answer.t("unit-no-match", { query }), {
        parse_mode: "HTML",
        reply_markup: new InlineKeyboard()
          .text(answer.t("unit-browse-button"), CB.browse)
          .row()
          .text(answer.t("button-cancel"), CANCEL),
      });
      continue;
    }
    offered = matches;
    const message = [answer.t("unit-matches", { count: matches.length })];
    if (matches.length >= UNIT_SEARCH_LIMIT)
      message.push(answer.t("unit-matches-more", { count: matches.length }));
    await answer.reply(message.join("\n"), { reply_markup: unitKeyboard(answer, matches, true) });
  }
}

function toChoices(units: { id: number; name: string; district: string }[]): UnitChoice[] {
  return units.map(({ id, name, district }) => ({ id, name, district }));
}

function unitKeyboard(ctx: ConversationContext, units: UnitChoice[], withBrowse: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const unit of units) keyboard.text(truncate(unit.name, 60), `unit:${unit.id}`).row();
  if (withBrowse) keyboard.text(ctx.t("unit-browse-button"), CB.browse).row();
  return keyboard.text(ctx.t("button-cancel"), CANCEL);
}
