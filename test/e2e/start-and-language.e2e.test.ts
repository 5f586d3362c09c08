import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot, tempDir } from "../helpers/bot-process.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";

describe("the running bot: /start, /help, /language, command menus", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    bot = await startBot(api, { DATA_DIR: tempDir() });
  });

  afterAll(async () => {
    expect(await bot.stop()).toBe(0);
    await api.stop();
  });

  it("sets localized command menus for vi, en and the default at start", () => {
    const menus = api.callsOf("setMyCommands");
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
    const chat = new FakeChat(api, 1001, { first_name: "<b>Lan</b>", language_code: undefined });
    const reply = await chat.send("/start");
    expect(reply.payload.text).toContain("Xin chào <b>&lt;b&gt;Lan&lt;/b&gt;</b>");
    expect(reply.payload.parse_mode).toBe("HTML");
  });

  it("greets in English a user whose Telegram language is English", async () => {
    const chat = new FakeChat(api, 1002, { first_name: "Mai", language_code: "en-GB" });
    const reply = await chat.send("/start");
    expect(reply.payload.text).toContain("Hello <b>Mai</b>");
  });

  it("/help lists the commands", async () => {
    const chat = new FakeChat(api, 1003);
    const reply = await chat.send("/help");
    for (const command of ["/profile", "/language", "/cancel", "/help"])
      expect(reply.payload.text).toContain(command);
  });

  it("/language switches to English, and the choice sticks for later messages", async () => {
    const chat = new FakeChat(api, 1004, { language_code: "vi" });
    const menu = await chat.send("/language");
    expect(buttons(menu).map((b) => b.data)).toEqual(["lang:vi", "lang:en"]);

    const since = api.mark();
    const changed = await chat.press("lang:en", menu.payload.message_id);
    expect(changed.method).toBe("editMessageText");
    expect(changed.payload.text).toBe("✅ Switched to English.");
    await api.waitForCall((c) => c.method === "answerCallbackQuery", { since });

    const help = await chat.send("/help");
    expect(help.payload.text).toContain("You can:");

    await chat.press("lang:vi");
    expect((await chat.send("/help")).payload.text).toContain("Thầy/cô có thể:");
  });

  it("answers an unknown message with a pointer to /help", async () => {
    const chat = new FakeChat(api, 1005);
    expect((await chat.send("xin chào bot")).payload.text).toContain("/help");
  });
});
