import type { MiddlewareFn } from "grammy";
import type { Config } from "../../config.js";
import type { Logger } from "../../logger.js";
import type { Services } from "../../services.js";
import type { PersonalMenus } from "../commands.js";
import type { Context } from "../context.js";

/** First middleware: puts config, services and a per-update child logger on the context. */
export function attachDeps(deps: {
  config: Config;
  services: Services;
  logger: Logger;
  menus: PersonalMenus;
}): MiddlewareFn<Context> {
  return async (ctx, next) => {
    ctx.config = deps.config;
    ctx.services = deps.services;
    ctx.menus = deps.menus;
    ctx.logger = deps.logger.child({ update_id: ctx.update.update_id, chat_id: ctx.chatId });
    await next();
  };
}
