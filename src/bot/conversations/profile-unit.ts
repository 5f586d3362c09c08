import type { AppConversation, ConversationContext } from "../context.js";
import { askUnit, type UnitChoice } from "./unit-step.js";

export const PROFILE_UNIT_CONVERSATION = "profile-unit";

/** Changes the user's unit: one step, saved as soon as a unit is chosen. */
export async function profileUnitConversation(conversation: AppConversation, ctx: ConversationContext) {
  const current = await conversation.external(async (outer): Promise<UnitChoice | null> => {
    const unitId = outer.user?.unit_id;
    const unit = unitId ? await outer.services.units.byId(unitId) : undefined;
    return unit ? { id: unit.id, name: unit.name, district: unit.district } : null;
  });
  const unit = await askUnit(conversation, ctx, { step: 1, total: 1 }, current);
  if (unit === undefined) return ctx.reply(ctx.t("profile-unit-cancelled"));
  await conversation.external(async (outer) => {
    if (!outer.user) throw new Error("profile-unit conversation without a user");
    await outer.services.users.setUnit(outer.user.id, unit.id);
  });
  return ctx.reply(ctx.t("profile-unit-saved", { unit: unit.name }), { parse_mode: "HTML" });
}
