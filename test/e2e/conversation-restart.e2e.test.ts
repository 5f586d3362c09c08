import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot, tempDir } from "../helpers/bot-process.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { createEmptyPostgresDatabase, dropPostgresDatabase, hasPostgres } from "../helpers/test-database.js";

const targets = [
  { name: "embedded PGlite", env: async () => ({ DATA_DIR: tempDir() }), cleanup: async () => {} },
  ...(hasPostgres
    ? [
        (() => {
          let url = "";
          return {
            name: "PostgreSQL (DATABASE_URL)",
            env: async () => {
              url = await createEmptyPostgresDatabase();
              return { DATABASE_URL: url };
            },
            cleanup: () => dropPostgresDatabase(url),
          };
        })(),
      ]
    : []),
];

describe.each(targets)("a conversation survives a restart of the bot on $name", (target) => {
  let api: FakeTelegramApi;
  let env: Record<string, string>;
  let bot: BotProcess;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    env = await target.env();
    bot = await startBot(api, env);
  });

  afterAll(async () => {
    await bot.stop();
    await api.stop();
    await target.cleanup();
  });

  it("asks for the name, is restarted, then takes the answer and saves it", async () => {
    const chat = new FakeChat(api, 2001, { first_name: "Lan" });
    const card = await chat.send("/profile");
    expect(card.payload.text).toContain("(chưa có)");
    expect(buttons(card).map((b) => b.data)).toEqual(["profile:name", "profile:unit"]);

    const ask = await chat.press("profile:name", card.payload.message_id);
    expect(ask.payload.text).toContain("Bước 1/2");

    expect(await bot.stop()).toBe(0);
    bot = await startBot(api, env);

    // A sticker is not a name: a hint, and the same step waits on.
    expect((await chat.sendSticker()).payload.text).toContain("cần câu trả lời bằng chữ");
    const problem = await chat.send("12345");
    expect(problem.payload.text).toContain("không giống một họ tên");

    // Pasted with a combining mark and extra spaces: stored in NFC, trimmed.
    const confirm = await chat.send("  Nguyễn Thi\u0323 Lan  ");
    expect(confirm.payload.text).toContain("Bước 2/2");
    expect(confirm.payload.text).toContain("<b>Nguyễn Thị Lan</b>");

    // Back goes to step 1 with the earlier answer offered; keeping it returns to the confirmation.
    const again = await chat.press("pn:back");
    expect(again.payload.text).toContain("Bước 1/2");
    expect(buttons(again).map((b) => b.text)).toContain("Giữ: Nguyễn Thị Lan");
    expect((await chat.press("name:keep")).payload.text).toContain("Bước 2/2");

    expect(await bot.stop()).toBe(0);
    bot = await startBot(api, env);

    const saved = await chat.press("pn:save");
    expect(saved.payload.text).toBe("✅ Đã lưu họ tên: <b>Nguyễn Thị Lan</b>");
    expect((await chat.send("/profile")).payload.text).toContain("Họ tên: Nguyễn Thị Lan");
  });

  it("/help answers mid-conversation without leaving it, and /cancel leaves it", async () => {
    const chat = new FakeChat(api, 2002);
    await chat.press("profile:name");
    const help = await chat.send("/help");
    expect(help.payload.text).toContain("đang ở giữa một thao tác");
    expect((await chat.send("Trần Văn Bình")).payload.text).toContain("Bước 2/2");

    expect((await chat.send("/cancel")).payload.text).toContain("Đã dừng");
    expect((await chat.send("/cancel")).payload.text).toContain("không có thao tác nào");
    expect((await chat.send("/profile")).payload.text).toContain("(chưa có)");
  });
});
