import type { Message, Update, User } from "grammy/types";
import { FAKE_BOT } from "./fake-telegram-api.js";

let messageSeq = 1;
let callbackSeq = 1;

export function telegramUser(id: number, overrides: Partial<User> = {}): User {
  return { id, is_bot: false, first_name: "Lan", last_name: "Nguyễn", language_code: "vi", ...overrides };
}

const privateChat = (from: User) => ({ id: from.id, type: "private" as const, first_name: from.first_name });

function baseMessage(from: User) {
  return { message_id: messageSeq++, date: Math.floor(Date.now() / 1000), chat: privateChat(from), from };
}

export function textMessage(from: User, text: string): Omit<Update, "update_id"> {
  const command = /^\/\w+/.exec(text);
  const message = {
    ...baseMessage(from),
    text,
    ...(command
      ? { entities: [{ type: "bot_command" as const, offset: 0, length: command[0].length }] }
      : {}),
  };
  return { message } as Omit<Update, "update_id">;
}

/** A text with formatting (bold, italic, links…) as Telegram delivers it: plain text plus entities. */
export function formattedMessage(
  from: User,
  text: string,
  entities: { type: "bold" | "italic" | "text_link"; offset: number; length: number; url?: string }[],
): Omit<Update, "update_id"> {
  return { message: { ...baseMessage(from), text, entities } } as Omit<Update, "update_id">;
}

export function stickerMessage(from: User): Omit<Update, "update_id"> {
  const sticker = {
    file_id: "sticker-file",
    file_unique_id: "sticker-unique",
    type: "regular",
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
  };
  return { message: { ...baseMessage(from), sticker } } as Omit<Update, "update_id">;
}

/** A press of an inline button with `data` under the bot message `messageId`. */
export function callbackQuery(from: User, data: string, messageId = 1): Omit<Update, "update_id"> {
  return {
    callback_query: {
      id: `cbq-${callbackSeq++}`,
      from,
      chat_instance: `ci-${from.id}`,
      data,
      message: {
        message_id: messageId,
        date: Math.floor(Date.now() / 1000),
        chat: privateChat(from),
        from: FAKE_BOT,
        text: "…",
      } as Message.TextMessage,
    },
  };
}

let fileSeq = 1;

/** A document message: a file with a name, MIME type and size, as Telegram describes it. */
export function documentMessage(
  from: User,
  file: { name: string; mimeType: string; sizeBytes: number },
): Omit<Update, "update_id"> {
  const n = fileSeq++;
  const document = {
    file_id: `file-${n}`,
    file_unique_id: `unique-${n}`,
    file_name: file.name,
    mime_type: file.mimeType,
    file_size: file.sizeBytes,
  };
  return { message: { ...baseMessage(from), document } } as Omit<Update, "update_id">;
}
