import { InlineKeyboard } from "grammy";
import type { AppConversation, ConversationContext } from "../context.js";
import { verbatim } from "../verbatim.js";
import { askFullName, CANCEL, stepHeader, waitForButton } from "./steps.js";
import { askUnit, type UnitChoice } from "./unit-step.js";

export const REGISTRATION_CONVERSATION = "registration";

const TOTAL = 3;
const CB = { save: "reg:save", name: "reg:name", unit: "reg:unit" } as const;

/**
 * First contact: full name (offered from the Telegram profile), unit (searched or browsed), then a confirmation
 * with a way back to either answer. Nothing is saved until the user confirms.
 */
export async function registrationConversation(conversation: AppConversation, ctx: ConversationContext) {
  const start = await conversation.external((outer) => ({
    name: outer.user?.full_name ?? null,
    telegramName: outer.user?.telegram_name || null,
  }));
  let name: string | undefined = start.name ?? undefined;
  let unit: UnitChoice | undefined;
  let step: "name" | "unit" | "confirm" = name ? "unit" : "name";

  for (;;) {
    if (step === "name") {
      const offer = name
        ? { current: name, kind: "saved" as const }
        : { current: looksLikeFullName(start.telegramName), kind: "telegram" as const };
      name = await askFullName(conversation, ctx, { step: 1, total: TOTAL }, offer);
      if (name === undefined) return ctx.reply(ctx.t("registration-cancelled"));
      step = unit ? "confirm" : "unit";
      continue;
    }
    if (step === "unit") {
      unit = await askUnit(conversation, ctx, { step: 2, total: TOTAL }, unit ?? null);
      if (unit === undefined) return ctx.reply(ctx.t("registration-cancelled"));
      step = "confirm";
      continue;
    }

    const chosenName = name as string;
    const chosenUnit = unit as UnitChoice;
    const keyboard = new InlineKeyboard()
      .text(ctx.t("registration-save-button"), CB.save)
      .row()
      .text(ctx.t("registration-edit-name-button"), CB.name)
      .text(ctx.t("registration-edit-unit-button"), CB.unit)
      .row()
      .text(ctx.t("button-cancel"), CANCEL);
    await ctx.reply(
      ctx.t("registration-confirm", {
        header: verbatim(stepHeader(ctx, { step: 3, total: TOTAL })),
        name: chosenName,
        unit: chosenUnit.name,
        district: chosenUnit.district,
      }),
      { parse_mode: "HTML", reply_markup: keyboard },
    );
    const choice = await waitForButton(conversation, [CB.save, CB.name, CB.unit, CANCEL]);
    if (choice === CANCEL) return ctx.reply(ctx.t("registration-cancelled"));
    if (choice === CB.name) {
      step = "name";
      continue;
    }
    if (choice === CB.unit) {
      step = "unit";
      continue;
    }
    await conversation.external(async (outer) => {
      if (!outer.user) throw new Error("registration without a user");
      await outer.services.users.register(outer.user.id, chosenName, chosenUnit.id);
    });
    return ctx.reply(ctx.t("registration-done", { name: chosenName, unit: chosenUnit.name }), {
      parse_mode: "HTML",
    });
  }
}

/**
 * A Telegram name is offered as the full name only when it could be one (two words or more): "Vân" alone is a
 * nickname, and a tap on "Dùng tên: Vân" would register it.
 */
function looksLikeFullName(name: string | null): string | null {
  return name && name.trim().split(/\s+/).length >= 2 ? name : null;
}
