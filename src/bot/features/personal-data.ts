import { Composer, InlineKeyboard, InputFile } from "grammy";
import { UnknownPersonError } from "../../users/roles.service.js";
import { withId } from "../callback-data.js";
import type { Context } from "../context.js";
import { hasUser } from "../filters.js";

export const personalDataFeature = new Composer<Context>();
const private_ = personalDataFeature.chatType("private").filter(hasUser);

const ERASE = withId("erase:ok");

/** /mydata: everything the bot holds about the person, as a file only they receive. */
private_.command("mydata", async (ctx) => {
  const data = await ctx.services.personalData.export(ctx.user.id);
  const json = JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2);
  await ctx.replyWithDocument(new InputFile(Buffer.from(json, "utf8"), "du-lieu-ca-nhan.json"), {
    caption: ctx.t("mydata-caption"),
  });
});

/** /erase <telegram id>: an administrator erases a person on their request, after one confirmation. */
private_.command("erase", async (ctx) => {
  const telegramId = Number(ctx.match.trim());
  if (!/^\d{1,15}$/.test(ctx.match.trim())) return ctx.reply(ctx.t("erase-usage"));
  // Refused here already for anyone but an administrator (the service checks again on confirmation).
  const person = await ctx.services.roles.findPeople(ctx.user.id, String(telegramId));
  const found = person.find((p) => p.telegram_id === telegramId);
  if (!found) return ctx.reply(ctx.t("roles-unknown-person", { id: String(telegramId) }));
  await ctx.reply(
    ctx.t("erase-confirm", { name: found.full_name ?? found.telegram_name ?? "—", id: String(telegramId) }),
    {
      reply_markup: new InlineKeyboard()
        .text(ctx.t("erase-yes"), ERASE.data(telegramId))
        .text(ctx.t("erase-no"), "cadm:noop"),
    },
  );
});

private_.callbackQuery(ERASE.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [telegramId] = ERASE.read(ctx.match);
  try {
    await ctx.services.personalData.erase(ctx.user.id, telegramId);
    // Their roles went with the rest: so does their menu.
    await ctx.menus.refresh(telegramId);
    await ctx.reply(ctx.t("erase-done", { id: String(telegramId) }));
  } catch (error) {
    if (error instanceof UnknownPersonError)
      return void (await ctx.reply(ctx.t("roles-unknown-person", { id: String(telegramId) })));
    throw error;
  }
});
