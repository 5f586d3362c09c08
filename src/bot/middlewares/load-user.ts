import type { MiddlewareFn } from "grammy";
import type { Context } from "../context.js";

/** Identifies (and on first contact registers) the person behind the update. */
export const loadUser: MiddlewareFn<Context> = async (ctx, next) => {
  if (ctx.from && !ctx.from.is_bot) {
    ctx.user = await ctx.services.users.identify(ctx.from);
  }
  await next();
};
