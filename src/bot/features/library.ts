import { Composer, InlineKeyboard } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import { truncate } from "../../shared/text.js";
import type { Context } from "../context.js";
import { LIBRARY_APPLY_CONVERSATION } from "../conversations/library-apply.js";
import { hasUser, type UserContext } from "../filters.js";
import { LIBRARY_BUTTON } from "../library-callback-data.js";
import { entrySummary, filterMenu, type LibraryPage, resultsMessage } from "../library-messages.js";
import { resendAttachments } from "../review-messages.js";
import { verbatim } from "../verbatim.js";

/**
 * The library of recognised initiatives: /library and its buttons for everyone registered, inline mode in any
 * chat, /find for administrators, and the unit head's "our unit applies this". Every call is checked again by
 * LibraryService (registration, roles, sharing).
 */
export const libraryFeature = new Composer<Context>();
const private_ = libraryFeature.chatType("private").filter(hasUser);

private_.command("library", async (ctx) => {
  const r = await ctx.services.library.search(ctx.user.id, ctx.match);
  const { text, keyboard } = resultsMessage(ctx.t, r);
  await ctx.reply(r.words ? text : `${text}\n\n${ctx.t("library-usage")}`, { reply_markup: keyboard });
});

private_.callbackQuery(LIBRARY_BUTTON.page.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [searchId, page] = LIBRARY_BUTTON.page.read(ctx.match);
  await showPage(ctx, await ctx.services.library.searchPage(ctx.user.id, searchId, page));
});

private_.callbackQuery(LIBRARY_BUTTON.filterMenu.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [searchId, kind] = LIBRARY_BUTTON.filterMenu.read(ctx.match);
  const saved = await ctx.services.library.searchPage(ctx.user.id, searchId, 0);
  if (!saved) return ctx.reply(ctx.t("button-expired"));
  const choices = await ctx.services.library.filterChoices(kind);
  const { text, keyboard } = filterMenu(ctx.t, searchId, kind, choices, saved.filters);
  await edit(ctx, text, keyboard);
});

private_.callbackQuery(LIBRARY_BUTTON.filterSet.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [searchId, kind, index] = LIBRARY_BUTTON.filterSet.read(ctx.match);
  const value = (await ctx.services.library.filterChoices(kind))[index];
  if (value === undefined) return ctx.reply(ctx.t("button-expired"));
  const saved = await ctx.services.library.searchPage(ctx.user.id, searchId, 0);
  // The value already chosen, pressed again, clears the filter.
  const next = saved?.filters[kind] === value ? undefined : value;
  await showPage(ctx, await ctx.services.library.setFilter(ctx.user.id, searchId, kind, next));
});

private_.callbackQuery(LIBRARY_BUTTON.filterClear.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [searchId] = LIBRARY_BUTTON.filterClear.read(ctx.match);
  await showPage(ctx, await ctx.services.library.setFilter(ctx.user.id, searchId, "all", undefined));
});

private_.callbackQuery(LIBRARY_BUTTON.open.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = LIBRARY_BUTTON.open.read(ctx.match);
  const entry = await ctx.services.library.entry(ctx.user.id, id);
  const keyboard = new InlineKeyboard();
  if (entry.share_files) keyboard.text(ctx.t("library-files-button"), LIBRARY_BUTTON.files.data(id)).row();
  if (await ctx.services.library.headedUnit(ctx.user.id))
    keyboard.text(ctx.t("library-apply-button"), LIBRARY_BUTTON.apply.data(id));
  const files = entry.share_files ? "" : `\n\n${ctx.t("library-files-not-shared")}`;
  await ctx.reply(`${entrySummary(ctx.t, entry)}${files}`, { reply_markup: keyboard });
});

private_.callbackQuery(LIBRARY_BUTTON.files.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = LIBRARY_BUTTON.files.read(ctx.match);
  const { shared, code, files } = await ctx.services.library.sharedFiles(ctx.user.id, id);
  if (!shared) return ctx.reply(ctx.t("library-files-not-shared"));
  if (files.length === 0) return ctx.reply(ctx.t("library-files-none"));
  await resendAttachments(ctx, files, code);
});

private_.callbackQuery(LIBRARY_BUTTON.apply.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id] = LIBRARY_BUTTON.apply.read(ctx.match);
  // Refused here for anyone heading no unit (ForbiddenError), and again when the mark is saved.
  await ctx.services.library.applyingUnit(ctx.user.id);
  await ctx.services.library.entry(ctx.user.id, id);
  await ctx.conversation.enter(LIBRARY_APPLY_CONVERSATION, id);
});

private_.callbackQuery(LIBRARY_BUTTON.share.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [id, on] = LIBRARY_BUTTON.share.read(ctx.match);
  await ctx.services.library.setShareFiles(ctx.user.id, id, on);
  await ctx.reply(ctx.t(on ? "library-share-on" : "library-share-off"));
});

private_.command("find", async (ctx) => {
  const text = ctx.match.trim();
  // The role is checked by the service even for the usage line: /find says nothing to others.
  const hits = await ctx.services.library.find(ctx.user.id, text);
  if (text === "") return ctx.reply(ctx.t("find-usage"));
  if (hits.length === 0) return ctx.reply(ctx.t("find-none"));
  const keyboard = new InlineKeyboard();
  hits.forEach((h, i) => {
    keyboard.text(String(i + 1), LIBRARY_BUTTON.findOpen.data(h.id));
    if (i % 5 === 4) keyboard.row();
  });
  const lines = hits.map((h, i) =>
    ctx.t("find-hit", {
      n: i + 1,
      code: h.code ?? "—",
      title: truncate(h.title ?? "", 120),
      status: verbatim(ctx.t(`status-${h.status}`)),
      unit: h.unit_name ?? "—",
    }),
  );
  await ctx.reply([ctx.t("find-title", { count: hits.length }), ...lines].join("\n"), {
    reply_markup: keyboard,
  });
});

private_.callbackQuery(LIBRARY_BUTTON.findOpen.filter, async (ctx) => {
  await ctx.answerCallbackQuery();
  const entry = await ctx.services.library.adminEntry(
    ctx.user.id,
    ...LIBRARY_BUTTON.findOpen.read(ctx.match),
  );
  const status = ctx.t("find-status", { status: verbatim(ctx.t(`status-${entry.status}`)) });
  await ctx.reply(`${status}\n${entrySummary(ctx.t, entry)}`);
});

/** Inline mode: `@bot words` in any chat offers up to 50 initiatives, each sharing its summary. */
libraryFeature.on("inline_query", async (ctx) => {
  const user = ctx.user;
  const registered = user?.full_name && user.unit_id !== null;
  if (!user || !registered) {
    await ctx.answerInlineQuery([], {
      cache_time: 0,
      is_personal: true,
      button: { text: ctx.t("library-inline-register"), start_parameter: "library" },
    });
    return;
  }
  const hits = await ctx.services.library.inline(user.id, ctx.inlineQuery.query);
  const entries = await ctx.services.library.publicEntries(hits.map((h) => h.id));
  const results: InlineQueryResultArticle[] = entries.map((entry) => ({
    type: "article",
    // "sk<id>": a few bytes, well under Telegram's 64.
    id: `sk${entry.id}`,
    title: truncate(entry.title ?? entry.code ?? "", 120),
    description: truncate(`${entry.code ?? ""} · ${entry.unit_name ?? ""} · ${entry.school_year ?? ""}`, 120),
    input_message_content: {
      // A summary is a few hundred characters (a title of at most 300, ten units listed): within 4,096.
      message_text: entrySummary(ctx.t, entry),
      parse_mode: "HTML",
    },
  }));
  await ctx.answerInlineQuery(results, { cache_time: 30, is_personal: true });
});

async function showPage(ctx: UserContext, r: LibraryPage | undefined): Promise<void> {
  if (!r) {
    await ctx.reply(ctx.t("button-expired"));
    return;
  }
  const { text, keyboard } = resultsMessage(ctx.t, r);
  await edit(ctx, text, keyboard);
}

/** Shows the search's new state in the message its button was under; a message that cannot be edited gets a new one. */
async function edit(ctx: Context, text: string, keyboard: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard });
  } catch (error) {
    if (String(error).includes("message is not modified")) return;
    await ctx.reply(text, { reply_markup: keyboard });
  }
}
