import type { Update, User } from "grammy/types";
import type { Kysely } from "kysely";
import { BENCH_BOT_INFO, inProcessTelegram } from "../../bench/in-process-telegram.js";
import { type AppBot, createBot } from "../../src/bot/index.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/types.js";
import { parseMultipart } from "../../src/demo/multipart.js";
import { createLogger } from "../../src/logger.js";
import { createServices, type Services } from "../../src/services.js";
import { buttons } from "./fake-chat.js";
import type { RecordedCall } from "./fake-telegram-api.js";
import { noteRefusal, telegramRefusal } from "./telegram-refusals.js";
import { callbackQuery, documentMessage, stickerMessage, telegramUser, textMessage } from "./updates.js";

const REPLY_METHODS = new Set(["sendMessage", "editMessageText", "sendDocument", "sendPhoto"]);

/**
 * The real bot (createBot, services, database) driven in process: updates go straight to handleUpdate and the Bot
 * API is a fetch that records each call and answers as Telegram would. Each step returns what the bot sent during
 * that update, so a test reads like a chat and runs in milliseconds.
 */
export class InProcessBot {
  readonly calls: RecordedCall[] = [];
  /** Calls answered with 400 because Telegram would refuse them (see telegram-refusals.ts). */
  readonly refusals: (RecordedCall & { description: string })[] = [];
  private nextUpdateId = 1;
  private readonly started = Date.now();
  readonly bot: AppBot;
  readonly services: Services;
  readonly config: Config;
  /** Files the bot sent (documents, photos), in order, with their bytes. */
  readonly uploads: { method: string; chatId: number; name: string; bytes: Buffer }[] = [];

  constructor(
    readonly db: Kysely<Database>,
    env: Record<string, string> = {},
  ) {
    this.config = loadConfig({ BOT_TOKEN: "123456789:TEST-token-for-the-in-process-bot", ...env });
    this.services = createServices(db, this.config);
    this.bot = createBot(
      this.config,
      { db, logger: createLogger("silent"), services: this.services },
      {
        botInfo: BENCH_BOT_INFO,
        client: {
          fetch: this.readingUploads(
            inProcessTelegram(
              (method, payload) => this.calls.push({ method, payload, at: Date.now() - this.started }),
              (method, payload) => {
                const refusal = telegramRefusal(method, payload);
                if (refusal) {
                  this.refusals.push({
                    method,
                    payload,
                    at: Date.now() - this.started,
                    description: refusal,
                  });
                  noteRefusal(method, payload, refusal);
                }
                return refusal;
              },
            ).fetch,
          ),
        },
      },
    );
  }

  /**
   * A file goes as multipart: its fields are read into JSON for the recording fetch, and the file's bytes kept in
   * `uploads`, so a test can open what the bot sent.
   */
  private readingUploads(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      if (!init?.body || typeof init.body === "string") return fetch(input, init);
      const chunks: Buffer[] = [];
      for await (const chunk of init.body as unknown as AsyncIterable<Uint8Array | string>)
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
      const type = new Headers(init.headers).get("content-type") ?? "";
      const fields = parseMultipart(Buffer.concat(chunks), type);
      const method = String(input).split("/").pop() ?? "";
      for (const [key, value] of Object.entries(fields))
        if (value && typeof value === "object" && "bytes" in value) {
          const file = value as { name: string; size: number; bytes: Buffer };
          this.uploads.push({ method, chatId: Number(fields.chat_id), name: file.name, bytes: file.bytes });
          fields[key] = { file: true, name: file.name, size: file.size };
        }
      return fetch(input, { ...init, body: JSON.stringify(fields) });
    };
  }

  /** Handles one update; returns the update_id it was given. */
  async handle(update: Omit<Update, "update_id">, updateId = this.nextUpdateId++): Promise<number> {
    await this.bot.handleUpdate({ update_id: updateId, ...update } as Update);
    return updateId;
  }

  chat(id: number, overrides: Partial<User> = {}): InProcessChat {
    return new InProcessChat(this, telegramUser(id, overrides));
  }
}

/** One person's private chat with the in-process bot. */
export class InProcessChat {
  constructor(
    private readonly harness: InProcessBot,
    readonly user: User,
  ) {}

  /** Sends a text; returns every message the bot sent (or edited) in this chat while handling it. */
  send(text: string): Promise<RecordedCall[]> {
    return this.step(textMessage(this.user, text));
  }

  press(data: string): Promise<RecordedCall[]> {
    return this.step(callbackQuery(this.user, data));
  }

  sendSticker(): Promise<RecordedCall[]> {
    return this.step(stickerMessage(this.user));
  }

  sendDocument(file: { name: string; mimeType: string; sizeBytes: number }): Promise<RecordedCall[]> {
    return this.step(documentMessage(this.user, file));
  }

  async step(update: Omit<Update, "update_id">): Promise<RecordedCall[]> {
    const since = this.harness.calls.length;
    await this.harness.handle(update);
    return this.harness.calls
      .slice(since)
      .filter((c) => REPLY_METHODS.has(c.method) && Number(c.payload.chat_id) === this.user.id);
  }
}

/** The texts of recorded replies, joined: what the person read. */
export const textsOf = (replies: RecordedCall[]) =>
  replies.map((r) => String(r.payload.text ?? "")).join("\n");

/** The callback data of every button in the replies. */
export const buttonsOf = (replies: RecordedCall[]) => replies.flatMap((r) => buttons(r));
