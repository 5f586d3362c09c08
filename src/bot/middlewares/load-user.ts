import type { MiddlewareFn } from "grammy";
import type { Context } from "../context.js";

/** Identifies (and on first contact registers) the person behind the update, with their open form's draft. */
export const loadUser: MiddlewareFn<Context> = async (ctx, next) => {
  if (ctx.from && !ctx.from.is_bot) {
    const { user, openDraft } = await ctx.services.users.identifyWithOpenDraft(ctx.from);
    ctx.user = user;
    ctx.openDraft = openDraft ?? undefined;
  }
  await next();
};
