import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

/** /start, /help, /language and the command menus, through createBot in process (no restart involved). */
describe.each(DIALECTS)("/start, /help, /language, command menus (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    h = new InProcessBot(t.db);
    await h.bot.init();
  });

  afterAll(async () => {
    await t.close();
  });

  it("sets localized command menus for vi, en and the default", async () => {
    await h.bot.setCommandMenus();
    const menus = h.calls.filter((c) => c.method === "setMyCommands");
    const vi = menus.find((c) => c.payload.language_code === "vi");
    const en = menus.find((c) => c.payload.language_code === "en");
    const fallback = menus.find((c) => c.payload.language_code === undefined);
    expect(vi?.payload.commands).toContainEqual({
      command: "profile",
      description: "Xem và sửa hồ sơ của tôi",
    });
    expect(en?.payload.commands).toContainEqual({
      command: "profile",
      description: "View and edit my profile",
    });
    expect(fallback?.payload.commands).toEqual(vi?.payload.commands);
  });

  it("greets in Vietnamese by default and escapes the Telegram name", async () => {
    const [reply] = await h.chat(1001, { first_name: "<b>Lan</b>", language_code: undefined }).send("/start");
    expect(reply?.payload.text).toContain("Xin chào <b>&lt;b&gt;Lan&lt;/b&gt;</b>");
    expect(reply?.payload.parse_mode).toBe("HTML");
  });

  it("greets in English a user whose Telegram language is English", async () => {
    const replies = await h.chat(1002, { first_name: "Mai", language_code: "en-GB" }).send("/start");
    expect(textsOf(replies)).toContain("Hello <b>Mai</b>");
  });

  it("/help lists the commands", async () => {
    const help = textsOf(await h.chat(1003).send("/help"));
    for (const command of ["/profile", "/language", "/cancel", "/help"]) expect(help).toContain(command);
  });

  it("/language switches to English, and the choice sticks for later messages", async () => {
    const chat = h.chat(1004, { language_code: "vi" });
    const menu = await chat.send("/language");
    expect(buttonsOf(menu).map((b) => b.data)).toEqual(["lang:vi", "lang:en"]);

    const since = h.calls.length;
    const changed = await chat.press("lang:en");
    expect(changed.map((c) => [c.method, c.payload.text])).toEqual([
      ["editMessageText", "✅ Switched to English."],
    ]);
    expect(h.calls.slice(since).some((c) => c.method === "answerCallbackQuery")).toBe(true);
    expect(textsOf(await chat.send("/help"))).toContain("You can:");

    await chat.press("lang:vi");
    expect(textsOf(await chat.send("/help"))).toContain("Thầy/cô có thể:");
  });

  it("answers an unknown message with a pointer to /help", async () => {
    expect(textsOf(await h.chat(1005).send("xin chào bot"))).toContain("/help");
  });
});
