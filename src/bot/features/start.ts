import { Composer } from "grammy";
import { UsersService } from "../../users/users.service.js";
import type { Context } from "../context.js";
import { REGISTRATION_CONVERSATION } from "../conversations/registration.js";

export const startFeature = new Composer<Context>();

startFeature.chatType("private").command("start", async (ctx) => {
  const user = ctx.user;
  if (user && UsersService.isRegistered(user)) {
    await ctx.reply(ctx.t("start-greeting-known", { name: user.full_name ?? "" }), {
      parse_mode: "HTML",
    });
    return;
  }
  // What is collected and why, before anything is asked (Nghị định 13/2023/NĐ-CP).
  await ctx.reply(
    `${ctx.t("start-greeting-new", { name: user?.full_name ?? ctx.from.first_name })}\n\n${ctx.t("privacy-notice")}`,
    { parse_mode: "HTML" },
  );
  await ctx.conversation.enter(REGISTRATION_CONVERSATION);
});
