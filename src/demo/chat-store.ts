import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";

/** A file someone sent: kept in memory for the demo's lifetime, served to the page and to the bot's getFile. */
export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
}

/** What the page shows of a message: the bot's HTML as sent (sanitised by the page), or the visitor's text escaped. */
export interface ChatMessage {
  messageId: number;
  chatId: number;
  from: "bot" | "user";
  /** Seconds since the epoch, as Telegram dates messages. */
  date: number;
  html?: string;
  replyMarkup?: unknown;
  document?: { fileId: string; name: string; size: number; mimeType: string };
  photo?: { fileId: string };
  edited?: boolean;
}

export interface BotCommandList {
  scope: { type: string; chat_id?: number };
  languageCode: string;
  commands: { command: string; description: string }[];
}

export type ChatEvent =
  | { type: "message"; chatId: number; message: ChatMessage }
  | { type: "delete"; chatId: number; messageId: number }
  | { type: "toast"; chatId: number; text: string; alert: boolean }
  | { type: "typing"; chatId: number }
  | { type: "commands" };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Every private chat of the demo, as Telegram would hold it: messages by chat with ids counting up per chat, edits
 * in place, deletions, files and the bot's command menus. Each change is emitted as a ChatEvent for the page.
 */
export class ChatStore extends EventEmitter<{ event: [ChatEvent] }> {
  private readonly chats = new Map<number, ChatMessage[]>();
  private readonly files = new Map<string, StoredFile>();
  private readonly lastMessageId = new Map<number, number>();
  private commandLists: BotCommandList[] = [];

  history(chatId: number): ChatMessage[] {
    return this.chats.get(chatId) ?? [];
  }

  find(chatId: number, messageId: number): ChatMessage | undefined {
    return this.history(chatId).find((m) => m.messageId === messageId);
  }

  add(chatId: number, message: Omit<ChatMessage, "messageId" | "chatId" | "date">): ChatMessage {
    const messageId = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, messageId);
    const stored = { ...message, messageId, chatId, date: Math.floor(Date.now() / 1000) };
    const list = this.chats.get(chatId) ?? [];
    list.push(stored);
    this.chats.set(chatId, list);
    this.emit("event", { type: "message", chatId, message: stored });
    return stored;
  }

  addUserText(chatId: number, text: string): ChatMessage {
    return this.add(chatId, { from: "user", html: escapeHtml(text) });
  }

  /** Applies `patch` to the message; undefined when there is no such message (Telegram: "message to edit not found"). */
  edit(chatId: number, messageId: number, patch: Partial<ChatMessage>): ChatMessage | undefined {
    const message = this.find(chatId, messageId);
    if (!message) return undefined;
    Object.assign(message, patch);
    this.emit("event", { type: "message", chatId, message });
    return message;
  }

  delete(chatId: number, messageId: number): boolean {
    const list = this.history(chatId);
    const at = list.findIndex((m) => m.messageId === messageId);
    if (at === -1) return false;
    list.splice(at, 1);
    this.emit("event", { type: "delete", chatId, messageId });
    return true;
  }

  notify(event: ChatEvent): void {
    this.emit("event", event);
  }

  putFile(name: string, mimeType: string, bytes: Buffer): StoredFile {
    const fileUniqueId = randomBytes(8).toString("hex");
    const file = { fileId: `demo-${fileUniqueId}`, fileUniqueId, name, mimeType, bytes };
    this.files.set(file.fileId, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  setCommands(list: BotCommandList): void {
    this.commandLists = this.commandLists.filter(
      (c) => !(sameScope(c.scope, list.scope) && c.languageCode === list.languageCode),
    );
    if (list.commands.length > 0) this.commandLists.push(list);
    this.notify({ type: "commands" });
  }

  deleteCommands(scope: BotCommandList["scope"], languageCode: string): void {
    this.setCommands({ scope, languageCode, commands: [] });
  }

  /** The menu Telegram shows in a private chat: the chat's own list, else the default, each in the user's language first. */
  commandsFor(chatId: number, languageCode: string): BotCommandList["commands"] {
    const scopes = [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, { type: "default" }];
    for (const scope of scopes) {
      for (const lang of [languageCode, ""]) {
        const found = this.commandLists.find((c) => sameScope(c.scope, scope) && c.languageCode === lang);
        if (found) return found.commands;
      }
    }
    return [];
  }
}

function sameScope(a: BotCommandList["scope"], b: BotCommandList["scope"]): boolean {
  return a.type === b.type && Number(a.chat_id ?? 0) === Number(b.chat_id ?? 0);
}
