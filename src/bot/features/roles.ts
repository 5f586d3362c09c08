import { Composer } from "grammy";
import {
  GRANTABLE_ROLES,
  type GrantableRole,
  UnitRequiredError,
  UnknownPersonError,
} from "../../users/roles.service.js";
import type { Context } from "../context.js";
import { hasUser } from "../filters.js";
import { verbatim } from "../verbatim.js";

/** /roles [grant|revoke <role> <telegram id>]: administrators hand out and take back roles (audited). */
export const rolesFeature = new Composer<Context>();

rolesFeature
  .chatType("private")
  .filter(hasUser)
  .command("roles", async (ctx) => {
    const [action, role, id, unitCode] = ctx.match.trim().split(/\s+/);
    if (action === "find") {
      const query = ctx.match.trim().slice("find".length).trim();
      const people = await ctx.services.roles.findPeople(ctx.user.id, query);
      const lines = people.map((p) =>
        ctx.t("roles-person", {
          name: p.full_name ?? p.telegram_name ?? "—",
          unit: p.unit_name ?? "—",
          id: String(p.telegram_id),
        }),
      );
      return ctx.reply(lines.length > 0 ? lines.join("\n") : ctx.t("roles-find-none"), {
        parse_mode: "HTML",
      });
    }
    if (!action) {
      // The service refuses non-administrators.
      const holders = await ctx.services.roles.holders(ctx.user.id);
      const lines = holders.map((h) =>
        ctx.t("roles-holder", {
          role: verbatim(ctx.t(`role-${h.role}`)),
          name: h.full_name ?? h.telegram_name ?? "—",
          id: String(h.telegram_id),
        }),
      );
      return ctx.reply([ctx.t("roles-usage"), "", ...lines].join("\n"), { parse_mode: "HTML" });
    }
    const telegramId = Number(id);
    if (
      (action !== "grant" && action !== "revoke") ||
      !GRANTABLE_ROLES.includes(role as GrantableRole) ||
      !Number.isSafeInteger(telegramId) ||
      telegramId <= 0
    )
      return ctx.reply(ctx.t("roles-usage"), { parse_mode: "HTML" });
    try {
      const changed =
        action === "grant"
          ? await ctx.services.roles.grant(ctx.user.id, telegramId, role as GrantableRole, unitCode)
          : await ctx.services.roles.revoke(ctx.user.id, telegramId, role as GrantableRole);
      // Their menu shows the commands of the roles they hold now.
      if (changed) await ctx.menus.refresh(telegramId);
      await ctx.reply(
        ctx.t(changed ? `roles-${action}-done` : `roles-${action}-unchanged`, {
          role: ctx.t(`role-${role}`),
          id: String(telegramId),
        }),
      );
    } catch (error) {
      if (error instanceof UnknownPersonError)
        return ctx.reply(ctx.t("roles-unknown-person", { id: String(telegramId) }));
      if (error instanceof UnitRequiredError)
        return ctx.reply(ctx.t("roles-unit-required"), { parse_mode: "HTML" });
      throw error;
    }
  });
