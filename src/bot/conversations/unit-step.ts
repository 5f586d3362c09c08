import { InlineKeyboard } from "grammy";
import { normalizeText, truncate } from "../../shared/text.js";
import { UNIT_SEARCH_LIMIT } from "../../units/units.service.js";
import { withId } from "../callback-data.js";
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
/** A unit offered as a button, and a district (by its place in the list shown). */
const UNIT = withId("unit");
const DISTRICT = withId("district");
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
  const unitOffered = (data: string) => {
    const match = UNIT.filter.exec(data);
    return match ? offered.find((u) => u.id === UNIT.read(match)[0]) : undefined;
  };
  const districtOffered = (data: string) => {
    const match = DISTRICT.filter.exec(data);
    return match ? districts[DISTRICT.read(match)[0]] : undefined;
  };
  // An answer is a button the bot offered, or text to search for; anything else gets a hint and is skipped (never
  // in the replay log), so however many arrive the conversation's state holds only the searches made.
  const usable = (c: ConversationContext) => {
    const data = c.callbackQuery?.data;
    if (data === undefined) return c.message?.text !== undefined && !c.message.text.startsWith("/");
    return (
      data === CANCEL ||
      data === CB.browse ||
      (data === CB.keep && current !== null) ||
      unitOffered(data) !== undefined ||
      districtOffered(data) !== undefined
    );
  };
  const otherwise = async (c: ConversationContext) => {
    if (c.callbackQuery) await c.answerCallbackQuery();
    await c.reply(c.t(c.callbackQuery ? "button-expired" : "unit-expect-text"));
  };

  for (;;) {
    const answer = await conversation.waitUntil(usable, { otherwise });
    const data = answer.callbackQuery?.data;
    if (data === undefined) {
      const found = await searchUnits(conversation, answer, answer.message?.text ?? "");
      if (found.length > 0) offered = found;
      continue;
    }
    await answer.answerCallbackQuery();
    if (data === CANCEL) return undefined;
    if (data === CB.keep && current) return current;
    const chosen = unitOffered(data);
    if (chosen) return chosen;
    const district = districtOffered(data);
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
    // Browse: the districts as buttons.
    districts = await conversation.external((outer) => outer.services.units.districts());
    if (districts.length === 0) {
      await answer.reply(answer.t("unit-catalogue-empty"));
      continue;
    }
    const keyboard = new InlineKeyboard();
    for (const [i, d] of districts.entries()) keyboard.text(truncate(d, 40), DISTRICT.data(i)).row();
    keyboard.text(answer.t("button-cancel"), CANCEL);
    await answer.reply(answer.t("unit-choose-district"), { reply_markup: keyboard });
  }
}

/** Searches the catalogue for typed text and shows the matches as buttons (none: says so, offers browsing). */
async function searchUnits(
  conversation: AppConversation,
  ctx: ConversationContext,
  text: string,
): Promise<UnitChoice[]> {
  const query = truncate(normalizeText(text), QUERY_MAX);
  const matches = await conversation.external(async (outer) =>
    toChoices(await outer.services.units.search(query)),
  );
  if (matches.length === 0) {
    await ctx.reply(ctx.t("unit-no-match", { query }), {
      parse_mode: "HTML",
      reply_markup: new InlineKeyboard()
        .text(ctx.t("unit-browse-button"), CB.browse)
        .row()
        .text(ctx.t("button-cancel"), CANCEL),
    });
    return matches;
  }
  const message = [ctx.t("unit-matches", { count: matches.length })];
  if (matches.length >= UNIT_SEARCH_LIMIT)
    message.push(ctx.t("unit-matches-more", { count: matches.length }));
  await ctx.reply(message.join("\n"), { reply_markup: unitKeyboard(ctx, matches, true) });
  return matches;
}

function toChoices(units: { id: number; name: string; district: string }[]): UnitChoice[] {
  return units.map(({ id, name, district }) => ({ id, name, district }));
}

function unitKeyboard(ctx: ConversationContext, units: UnitChoice[], withBrowse: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const unit of units) keyboard.text(truncate(unit.name, 60), UNIT.data(unit.id)).row();
  if (withBrowse) keyboard.text(ctx.t("unit-browse-button"), CB.browse).row();
  return keyboard.text(ctx.t("button-cancel"), CANCEL);
}
