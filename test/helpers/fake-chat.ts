import type { User } from "grammy/types";
import type { FakeTelegramApi, RecordedCall } from "./fake-telegram-api.js";
import { callbackQuery, documentMessage, stickerMessage, telegramUser, textMessage } from "./updates.js";

const REPLY_METHODS = new Set(["sendMessage", "editMessageText", "sendDocument", "sendPhoto"]);

/** One person's private chat with the bot, as seen through the fake Bot API. */
export class FakeChat {
  readonly user: User;

  constructor(
    private readonly api: FakeTelegramApi,
    id: number,
    overrides: Partial<User> = {},
  ) {
    this.user = telegramUser(id, overrides);
  }

  /** Sends a text and returns the bot's next message (or edit) in this chat. */
  async send(text: string): Promise<RecordedCall> {
    return this.nextReply(this.push(text));
  }

  /** Sends a text without waiting; returns the mark to pass as `since` to later waits. */
  push(text: string): number {
    const since = this.api.mark();
    this.api.pushUpdate(textMessage(this.user, text));
    return since;
  }

  async sendSticker(): Promise<RecordedCall> {
    const since = this.api.mark();
    this.api.pushUpdate(stickerMessage(this.user));
    return this.nextReply(since);
  }

  async sendDocument(file: { name: string; mimeType: string; sizeBytes: number }): Promise<RecordedCall> {
    const since = this.api.mark();
    this.api.pushUpdate(documentMessage(this.user, file));
    return this.nextReply(since);
  }

  /** Presses a button and waits for the bot's message that carries a button with callback data `data`. */
  async pressUntilButton(press: string, data: string): Promise<RecordedCall> {
    const since = this.api.mark();
    this.api.pushUpdate(callbackQuery(this.user, press));
    return this.api.waitForCall(
      (c) => Number(c.payload.chat_id) === this.user.id && buttons(c).some((b) => b.data === data),
      { since },
    );
  }

  /** Every message the bot sent this chat since `since`. */
  textsSince(since: number): string[] {
    return this.api.calls
      .slice(since)
      .filter((c) => REPLY_METHODS.has(c.method) && Number(c.payload.chat_id) === this.user.id)
      .map((c) => String(c.payload.text ?? ""));
  }

  /** Presses an inline button and returns the bot's next message (or edit) in this chat. */
  async press(data: string, messageId?: number): Promise<RecordedCall> {
    const since = this.api.mark();
    this.api.pushUpdate(callbackQuery(this.user, data, messageId));
    return this.nextReply(since);
  }

  nextReply(since: number, timeoutMs?: number): Promise<RecordedCall> {
    return this.api.waitForCall(
      (c) => REPLY_METHODS.has(c.method) && Number(c.payload.chat_id) === this.user.id,
      { since, ...(timeoutMs ? { timeoutMs } : {}) },
    );
  }
}

/** The callback data of every inline button in a recorded message. */
export function buttons(call: RecordedCall): { text: string; data: string }[] {
  const rows: { text: string; callback_data?: string }[][] = call.payload.reply_markup?.inline_keyboard ?? [];
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}
