import { toHTML } from "@telegraf/entity";
import type { MessageEntity } from "grammy/types";
import { escapeHtml } from "../shared/text.js";

type EntityInput = Parameters<typeof toHTML>[0] extends { entities?: infer E } ? E : never;

/**
 * A formatted Telegram message as HTML Telegram accepts back: entities become tags and all text is escaped.
 * (@telegraf/entity returns a message without entities unescaped, so that case is escaped here; its types lag
 * grammY's by an entity kind or two, and unknown kinds are output as plain text.)
 */
export function formattedTextToHtml(text: string, entities: MessageEntity[] | undefined): string {
  if (!entities || entities.length === 0) return escapeHtml(text);
  return toHTML({ text, entities: entities as unknown as EntityInput });
}
