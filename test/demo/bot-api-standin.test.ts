import type { AddressInfo } from "node:net";
import { Api, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DemoBotApi } from "../../src/demo/bot-api.js";
import { ChatStore } from "../../src/demo/chat-store.js";
import { createDemoServer } from "../../src/demo/demo-server.js";
import { DEMO_PEOPLE } from "../../src/demo/people.js";

const TOKEN = "1000000000:demo-token-not-a-secret-000000";
const teacher = DEMO_PEOPLE.find((p) => p.role === "teacher") as (typeof DEMO_PEOPLE)[number];
const chatId = teacher.user.id;

/**
 * The demo's Bot API stand-in as the bot and the page use it, over HTTP: grammY's own Api client on one side, the
 * page's calls on the other. What Telegram does, it does: an edit without reply_markup drops the keyboard, an
 * identical edit is refused, a file sent by file_id must be one it issued, the menu follows the chat's scope and
 * language.
 */
describe("the demo's Bot API stand-in", () => {
  let store: ChatStore;
  let standIn: DemoBotApi;
  let server: ReturnType<typeof createDemoServer>;
  let root: string;
  let api: Api;
  const clockRuns: Date[] = [];

  beforeEach(async () => {
    store = new ChatStore();
    standIn = new DemoBotApi(
      store,
      () => teacher.user,
      () => {},
    );
    server = createDemoServer({
      store,
      api: standIn,
      people: DEMO_PEOPLE,
      milestones: () => [],
      timezone: "Asia/Ho_Chi_Minh",
      runClock: async (at) => {
        clockRuns.push(at);
        return "ok";
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    api = new Api(TOKEN, { apiRoot: root });
  });

  afterEach(async () => {
    standIn.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const page = (path: string, body: unknown, type = "application/json") =>
    fetch(`${root}${path}`, {
      method: "POST",
      headers: { "content-type": type },
      body: typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body),
    });

  it("keeps what the bot sends, edits it in place, deletes it, and refuses what Telegram refuses", async () => {
    const keyboard = { inline_keyboard: [[{ text: "Mở", callback_data: "end:o:1" }]] };
    const sent = await api.sendMessage(chatId, "<b>Hồ sơ</b> mới", {
      parse_mode: "HTML",
      reply_markup: keyboard,
    });
    expect(store.history(chatId)).toMatchObject([
      { from: "bot", html: "<b>Hồ sơ</b> mới", replyMarkup: keyboard },
    ]);

    await api.editMessageText(chatId, sent.message_id, "<i>Đã xác nhận</i>", { parse_mode: "HTML" });
    const edited = store.find(chatId, sent.message_id);
    expect(edited).toMatchObject({ html: "<i>Đã xác nhận</i>", edited: true });
    expect(edited?.replyMarkup).toBeUndefined();
    await expect(
      api.editMessageText(chatId, sent.message_id, "<i>Đã xác nhận</i>", { parse_mode: "HTML" }),
    ).rejects.toThrow(/message is not modified/);

    await api.editMessageReplyMarkup(chatId, sent.message_id, { reply_markup: keyboard });
    expect(store.find(chatId, sent.message_id)?.replyMarkup).toEqual(keyboard);
    await api.deleteMessage(chatId, sent.message_id);
    expect(store.history(chatId)).toEqual([]);

    // Plain text is shown as text, not markup.
    await api.sendMessage(chatId, "a < b", { parse_mode: undefined });
    expect(store.history(chatId).at(-1)?.html).toBe("a &lt; b");
    const refused = await api.sendMessage(chatId, "<b>unclosed", { parse_mode: "HTML" }).catch((e) => e);
    expect(refused).toBeInstanceOf(GrammyError);
    expect((refused as GrammyError).description).toMatch(/can't parse entities/);
    await expect(api.sendDocument(chatId, "never-issued")).rejects.toThrow(/wrong file identifier/);
  });

  it("turns the page's text, button presses and files into updates, and serves the files to getFile", async () => {
    expect((await page(`/demo/chats/${chatId}/messages`, { text: "/start" })).status).toBe(200);
    const bot = await api.sendMessage(chatId, "Chọn:", {
      reply_markup: { inline_keyboard: [[{ text: "Có", callback_data: "yes" }]] },
    });
    await page(`/demo/chats/${chatId}/presses`, { messageId: bot.message_id, data: "yes" });
    const pdf = new TextEncoder().encode("%PDF-1.4 minh chứng");
    await page(
      `/demo/chats/${chatId}/files?name=${encodeURIComponent("minh-chung.pdf")}`,
      pdf,
      "application/pdf",
    );

    const updates = await api.getUpdates({ offset: 0, timeout: 0 });
    expect(updates).toHaveLength(3);
    const [command, press, file] = updates;
    expect(command?.message).toMatchObject({
      text: "/start",
      from: { id: chatId },
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    });
    expect(press?.callback_query).toMatchObject({
      data: "yes",
      message: { message_id: bot.message_id, text: "Chọn:" },
    });
    const document = file?.message?.document;
    expect(document).toMatchObject({
      file_name: "minh-chung.pdf",
      mime_type: "application/pdf",
      file_size: pdf.length,
    });

    const described = await api.getFile(document?.file_id as string);
    const download = await fetch(`${root}/file/bot${TOKEN}/${described.file_path}`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    // Confirmed by the next offset, as Telegram forgets them.
    expect(await api.getUpdates({ offset: (file?.update_id ?? 0) + 1, timeout: 0 })).toEqual([]);

    // The bot sends the teacher's file on by file_id: the same file, shown with its name.
    await api.sendDocument(chatId, document?.file_id as string, { caption: "Tệp đính kèm" });
    expect(store.history(chatId).at(-1)?.document?.name).toBe("minh-chung.pdf");
    await api.sendDocument(chatId, new InputFile(new TextEncoder().encode("a,b\n"), "phu-luc.csv"));
    const csv = store.history(chatId).at(-1)?.document;
    expect(csv).toMatchObject({ name: "phu-luc.csv", mimeType: "text/csv", size: 4 });
    expect(await (await fetch(`${root}/demo/files/${csv?.fileId}`)).text()).toBe("a,b\n");
  });

  it("shows each chat the command menu Telegram would, and runs the clock at a time read in the bot's zone", async () => {
    await api.setMyCommands([{ command: "start", description: "Bắt đầu" }]);
    await api.setMyCommands([{ command: "start", description: "Start" }], { language_code: "en" });
    await api.setMyCommands(
      [
        { command: "start", description: "Bắt đầu" },
        { command: "queue", description: "Hồ sơ chờ" },
      ],
      { scope: { type: "chat", chat_id: chatId } },
    );
    expect(store.commandsFor(chatId, "vi").map((c) => c.command)).toEqual(["start", "queue"]);
    expect(store.commandsFor(42, "en")).toEqual([{ command: "start", description: "Start" }]);
    expect(store.commandsFor(42, "vi")).toEqual([{ command: "start", description: "Bắt đầu" }]);
    await api.deleteMyCommands({ scope: { type: "chat", chat_id: chatId } });
    expect(store.commandsFor(chatId, "vi").map((c) => c.command)).toEqual(["start"]);

    expect((await page("/demo/clock", { at: "2026-12-24T08:00" })).status).toBe(200);
    expect(clockRuns.at(-1)?.toISOString()).toBe("2026-12-24T01:00:00.000Z");
    expect((await page("/demo/clock", { at: "tomorrow" })).status).toBe(400);
  });
});
