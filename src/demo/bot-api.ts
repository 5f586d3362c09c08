import type { IncomingMessage, ServerResponse } from "node:http";
import type { Message, Update, User } from "grammy/types";
import { parseTelegramHtml } from "../shared/telegram-html.js";
import type { ChatMessage, ChatStore, StoredFile } from "./chat-store.js";
import { readPayload } from "./multipart.js";
import { telegramRefusal } from "./telegram-refusal.js";

export const DEMO_BOT = {
  id: 7000000042,
  is_bot: true as const,
  first_name: "Thi đua – Khen thưởng",
  username: "thidua_demo_bot",
};

type Payload = Record<string, unknown>;
type Upload = { file: true; name: string; size: number; bytes: Buffer };

class BotApiError extends Error {}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const isUpload = (value: unknown): value is Upload => (value as Upload | undefined)?.file === true;

/**
 * A local stand-in for the Telegram Bot API: the bot long-polls it for the updates the page makes (messages, button
 * presses, files) and calls it as it would call Telegram; what the bot sends lands in the ChatStore, which the
 * page shows. It refuses what Telegram refuses (bad HTML, 4096 characters, 64-byte button data) and says so in
 * the demo's console, so the demo shows the bot's real behaviour and not a more forgiving one.
 */
export class DemoBotApi {
  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private readonly waiters = new Set<() => void>();
  private readonly callbackChats = new Map<string, number>();
  private nextCallbackId = 1;

  constructor(
    private readonly store: ChatStore,
    private readonly userOf: (chatId: number) => User,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {}

  /** Wakes every pending getUpdates so the server can close. */
  stop(): void {
    for (const wake of this.waiters) wake();
  }

  sendText(chatId: number, text: string): ChatMessage {
    const shown = this.store.addUserText(chatId, text);
    const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
    this.push({
      message: {
        ...this.userMessageBase(chatId, shown),
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    });
    return shown;
  }

  /** A file from the page: a photo when it is an image (as a phone sends one), otherwise a document. */
  sendFile(chatId: number, file: StoredFile): ChatMessage {
    const photo = /^image\/(jpeg|png)$/.test(file.mimeType);
    const size = file.bytes.length;
    const shown = this.store.add(chatId, {
      from: "user",
      ...(photo
        ? { photo: { fileId: file.fileId } }
        : { document: { fileId: file.fileId, name: file.name, size, mimeType: file.mimeType } }),
    });
    const described = { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: size };
    this.push({
      message: {
        ...this.userMessageBase(chatId, shown),
        ...(photo
          ? { photo: [{ ...described, width: 800, height: 600 }] }
          : { document: { ...described, file_name: file.name, mime_type: file.mimeType } }),
      },
    });
    return shown;
  }

  pressButton(chatId: number, messageId: number, data: string): boolean {
    const message = this.store.find(chatId, messageId);
    if (!message) return false;
    const id = `demo-cbq-${this.nextCallbackId++}`;
    this.callbackChats.set(id, chatId);
    this.push({
      callback_query: {
        id,
        from: this.userOf(chatId),
        chat_instance: `demo-${chatId}`,
        data,
        message: this.telegramMessage(message),
      },
    });
    return true;
  }

  async handle(method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const payload = await readPayload(req);
    if (method === "getUpdates") {
      await this.getUpdates(payload, req, res);
      return;
    }
    const refusal = telegramRefusal(method, payload);
    if (refusal) {
      this.warn(`Telegram would refuse ${method}: ${refusal}`);
      reply(res, 400, { ok: false, error_code: 400, description: refusal });
      return;
    }
    try {
      reply(res, 200, { ok: true, result: this.call(method, payload) });
    } catch (error) {
      if (!(error instanceof BotApiError)) throw error;
      reply(res, 400, { ok: false, error_code: 400, description: error.message });
    }
  }

  private push(update: Omit<Update, "update_id">): void {
    this.queue.push({ update_id: this.nextUpdateId++, ...update } as Update);
    for (const wake of [...this.waiters]) wake();
  }

  private userMessageBase(chatId: number, shown: ChatMessage) {
    const from = this.userOf(chatId);
    return {
      message_id: shown.messageId,
      date: shown.date,
      chat: { id: chatId, type: "private" as const, first_name: from.first_name },
      from,
    };
  }

  private telegramMessage(m: ChatMessage): Message {
    const parsed = m.html === undefined ? undefined : parseTelegramHtml(m.html);
    return {
      message_id: m.messageId,
      date: m.date,
      chat: { id: m.chatId, type: "private", first_name: this.userOf(m.chatId).first_name },
      from: m.from === "bot" ? DEMO_BOT : this.userOf(m.chatId),
      ...(parsed?.ok ? { text: parsed.text } : {}),
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
      ...(m.document
        ? {
            document: {
              file_id: m.document.fileId,
              file_unique_id: m.document.fileId,
              file_name: m.document.name,
              mime_type: m.document.mimeType,
            },
          }
        : {}),
      ...(m.photo
        ? { photo: [{ file_id: m.photo.fileId, file_unique_id: m.photo.fileId, width: 1, height: 1 }] }
        : {}),
    } as Message;
  }

  private async getUpdates(payload: Payload, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    // Telegram forgets every update below the offset: that is how the bot confirms what it stored.
    while (this.queue.length > 0 && (this.queue[0]?.update_id ?? 0) < offset) this.queue.shift();
    const timeoutMs = (typeof payload.timeout === "number" ? payload.timeout : 0) * 1000;
    if (this.queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, timeoutMs);
        this.waiters.add(wake);
        req.once("close", wake);
      });
    }
    const limit = typeof payload.limit === "number" ? payload.limit : 100;
    reply(res, 200, { ok: true, result: this.queue.slice(0, limit) });
  }

  private call(method: string, p: Payload): unknown {
    const chatId = Number(p.chat_id);
    switch (method) {
      case "getMe":
        return {
          ...DEMO_BOT,
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case "sendMessage":
        return this.sent(chatId, { html: this.html(p.text, p.parse_mode), replyMarkup: p.reply_markup });
      case "editMessageText": {
        const old = this.existing(chatId, p.message_id);
        const html = this.html(p.text, p.parse_mode);
        if (old.html === html && JSON.stringify(old.replyMarkup) === JSON.stringify(p.reply_markup))
          throw new BotApiError(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
          );
        // As on Telegram, an edit without reply_markup removes the inline keyboard.
        return this.edited(chatId, old, { html, replyMarkup: p.reply_markup, edited: true });
      }
      case "editMessageReplyMarkup":
        return this.edited(chatId, this.existing(chatId, p.message_id), { replyMarkup: p.reply_markup });
      case "deleteMessage":
        if (!this.store.delete(chatId, Number(p.message_id)))
          throw new BotApiError("Bad Request: message to delete not found");
        return true;
      case "sendDocument": {
        const file = this.fileOf(p.document, "application/octet-stream");
        return this.sent(chatId, {
          html: p.caption === undefined ? undefined : this.html(p.caption, p.parse_mode),
          document: {
            fileId: file.fileId,
            name: file.name,
            size: file.bytes.length,
            mimeType: file.mimeType,
          },
          replyMarkup: p.reply_markup,
        });
      }
      case "sendPhoto": {
        const file = this.fileOf(p.photo, "image/png");
        return this.sent(chatId, {
          html: p.caption === undefined ? undefined : this.html(p.caption, p.parse_mode),
          photo: { fileId: file.fileId },
          replyMarkup: p.reply_markup,
        });
      }
      case "sendChatAction":
        this.store.notify({ type: "typing", chatId });
        return true;
      case "answerCallbackQuery": {
        const at = this.callbackChats.get(String(p.callback_query_id));
        this.callbackChats.delete(String(p.callback_query_id));
        if (at !== undefined && typeof p.text === "string" && p.text !== "")
          this.store.notify({ type: "toast", chatId: at, text: p.text, alert: p.show_alert === true });
        return true;
      }
      case "setMyCommands":
        this.store.setCommands({
          scope: (p.scope as { type: string; chat_id?: number }) ?? { type: "default" },
          languageCode: typeof p.language_code === "string" ? p.language_code : "",
          commands: (p.commands as { command: string; description: string }[]) ?? [],
        });
        return true;
      case "deleteMyCommands":
        this.store.deleteCommands(
          (p.scope as { type: string; chat_id?: number }) ?? { type: "default" },
          typeof p.language_code === "string" ? p.language_code : "",
        );
        return true;
      case "getFile": {
        const file = this.store.file(String(p.file_id));
        if (!file) throw new BotApiError("Bad Request: invalid file_id");
        return {
          file_id: file.fileId,
          file_unique_id: file.fileUniqueId,
          file_size: file.bytes.length,
          file_path: `files/${file.fileId}`,
        };
      }
      default:
        // setWebhook, deleteWebhook and the like: nothing for a stand-in to keep.
        return true;
    }
  }

  private html(text: unknown, parseMode: unknown): string {
    const raw = String(text ?? "");
    return parseMode === "HTML" ? raw : escapeHtml(raw);
  }

  private existing(chatId: number, messageId: unknown): ChatMessage {
    const message = this.store.find(chatId, Number(messageId));
    if (!message) throw new BotApiError("Bad Request: message to edit not found");
    return message;
  }

  private sent(
    chatId: number,
    content: Omit<ChatMessage, "messageId" | "chatId" | "date" | "from">,
  ): Message {
    const clean = Object.fromEntries(Object.entries(content).filter(([, v]) => v !== undefined));
    return this.telegramMessage(this.store.add(chatId, { from: "bot", ...clean }));
  }

  private edited(chatId: number, old: ChatMessage, patch: Partial<ChatMessage>): Message {
    return this.telegramMessage(this.store.edit(chatId, old.messageId, patch) ?? old);
  }

  /** A file the bot uploads, or one it sends again by file_id (Telegram refuses an id it never issued). */
  private fileOf(value: unknown, mimeType: string): StoredFile {
    if (isUpload(value)) return this.store.putFile(value.name, mimeTypeOf(value.name, mimeType), value.bytes);
    const known = this.store.file(String(value));
    if (!known) throw new BotApiError("Bad Request: wrong file identifier/HTTP URL specified");
    return known;
  }
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  json: "application/json",
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

export function mimeTypeOf(name: string, fallback = "application/octet-stream"): string {
  return MIME_BY_EXTENSION[name.split(".").pop()?.toLowerCase() ?? ""] ?? fallback;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
