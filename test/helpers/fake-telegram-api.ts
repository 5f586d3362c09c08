import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { noteRefusal, telegramRefusal } from "./telegram-refusals.js";

export interface RecordedCall {
  method: string;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are whatever the bot sent; tests read what they need.
  payload: Record<string, any>;
  /** Milliseconds since the fake started. */
  at: number;
}

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { status: 403; description?: string }
  | { status: 400; description?: string };

interface PendingFault {
  method: string;
  fault: Fault;
  remaining: number;
  /** Calls of `method` to let through before the fault applies. */
  skip: number;
}

export const FAKE_BOT = {
  id: 7000000001,
  is_bot: true,
  first_name: "Thi đua bot",
  username: "thidua_test_bot",
};

/**
 * A local stand-in for the Telegram Bot API over HTTP: serves getUpdates (offsets, long-poll timeouts) from a
 * queue the test fills, records every method called with its payload, answers the methods the bot uses, and can
 * be told to fail or delay the next calls.
 */
export class FakeTelegramApi {
  readonly calls: RecordedCall[] = [];
  /** Calls answered with 400 because Telegram would refuse them (see telegram-refusals.ts). */
  readonly refusals: (RecordedCall & { description: string })[] = [];
  private readonly queue: Update[] = [];
  private nextUpdateId = 1;
  private readonly updateWaiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly faults: PendingFault[] = [];
  private readonly chatFaults = new Map<number, Fault>();
  private outage: { fault: Fault; until: number } | undefined;
  private readonly delays: { method: string; ms: number; remaining: number }[] = [];
  private readonly messageIds = new Map<number, number>();
  private readonly started = Date.now();

  private constructor(private readonly server: Server) {}

  /** Listens on `port` (a free one when 0): a test can point the bot at a port before anything answers there. */
  static async start(port = 0): Promise<FakeTelegramApi> {
    let fake: FakeTelegramApi | undefined;
    const server = createServer((req, res) => {
      void fake?.handle(req, res);
    });
    fake = new FakeTelegramApi(server);
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return fake;
  }

  /** The value for TELEGRAM_API_ROOT. */
  get apiRoot(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.updateWaiters) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: Omit<Update, "update_id">): number {
    const update_id = this.nextUpdateId++;
    this.queue.push({ update_id, ...update } as Update);
    for (const wake of this.updateWaiters) wake();
    return update_id;
  }

  /**
   * Queues an update exactly as given, id included, in id order: a second copy of one already queued is a
   * duplicate delivery, as Telegram may make after a network error.
   */
  pushRawUpdate(update: Update): void {
    const at = this.queue.findIndex((u) => u.update_id > update.update_id);
    this.queue.splice(at === -1 ? this.queue.length : at, 0, update);
    this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    for (const wake of this.updateWaiters) wake();
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  get unconfirmedUpdates(): number {
    return this.queue.length;
  }

  /** The next `times` calls of `method` ("*" for any but getUpdates) fail with `fault`, after `after` calls pass. */
  failNext(method: string, fault: Fault, times = 1, { after = 0 }: { after?: number } = {}): void {
    this.faults.push({ method, fault, remaining: times, skip: after });
  }

  /** Every call but getUpdates fails with `fault` for the next `ms` milliseconds (an outage of the Bot API). */
  failFor(fault: Fault, ms: number): void {
    this.outage = { fault, until: Date.now() + ms };
  }

  /** Every later call addressed to this chat fails with `fault` (e.g. a user who blocked the bot). */
  failChat(chatId: number, fault: Fault): void {
    this.chatFaults.set(chatId, fault);
  }

  /** The next `times` calls of `method` are answered only after `ms` milliseconds. */
  delayNext(method: string, ms: number, times = 1): void {
    this.delays.push({ method, ms, remaining: times });
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Milliseconds since the fake started: the clock of RecordedCall.at. */
  get elapsed(): number {
    return Date.now() - this.started;
  }

  /** Index to pass as `since` so a wait only looks at calls made after this moment. */
  mark(): number {
    return this.calls.length;
  }

  async waitForCall(
    predicate: (call: RecordedCall) => boolean,
    { since = 0, timeoutMs = 15_000 }: { since?: number; timeoutMs?: number } = {},
  ): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.slice(since).find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.calls
          .slice(since)
          .map((c) => c.method)
          .join(", ");
        throw new Error(`Timed out waiting for a Bot API call; calls since mark: [${seen}]`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 1000));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.callWaiters.add(done);
      });
    }
  }

  private record(method: string, payload: Record<string, unknown>): void {
    this.calls.push({ method, payload, at: Date.now() - this.started });
    const waiters = [...this.callWaiters];
    this.callWaiters.clear();
    for (const wake of waiters) wake();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot[^/]+\/(\w+)/.exec(req.url ?? "");
    if (!match?.[1]) {
      res.writeHead(404).end();
      return;
    }
    const method = match[1];
    const payload = await readPayload(req);
    if (method === "getUpdates") {
      await this.getUpdates(payload, req, res);
      return;
    }
    this.record(method, payload);

    const delay = this.take(this.delays, method);
    if (delay) await new Promise((r) => setTimeout(r, delay.ms));

    const outage = this.outage && Date.now() < this.outage.until ? this.outage.fault : undefined;
    const fault = outage ?? this.takeFault(method) ?? this.chatFaults.get(Number(payload.chat_id));
    if (fault) {
      send(res, fault.status, faultBody(fault));
      return;
    }
    const refusal = telegramRefusal(method, payload);
    if (refusal) {
      this.refusals.push({ method, payload, at: this.elapsed, description: refusal });
      noteRefusal(method, payload, refusal);
      send(res, 400, { ok: false, error_code: 400, description: refusal });
      return;
    }
    send(res, 200, { ok: true, result: this.result(method, payload) });
  }

  private takeFault(method: string): Fault | undefined {
    const entry = this.faults.find(
      (e) => e.method === method || (e.method === "*" && method !== "getUpdates"),
    );
    if (entry && entry.skip > 0) {
      entry.skip -= 1;
      return undefined;
    }
    return this.take(this.faults, method)?.fault;
  }

  private take<T extends { method: string; remaining: number }>(list: T[], method: string): T | undefined {
    const entry = list.find((e) => e.method === method || (e.method === "*" && method !== "getUpdates"));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) list.splice(list.indexOf(entry), 1);
    return entry;
  }

  private async getUpdates(payload: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) {
    this.record("getUpdates", payload);
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    // Telegram forgets every update below the offset: that is how a bot confirms what it handled.
    while (this.queue.length > 0 && (this.queue[0]?.update_id ?? 0) < offset) this.queue.shift();
    const limit = typeof payload.limit === "number" ? payload.limit : 100;
    const timeoutMs = (typeof payload.timeout === "number" ? payload.timeout : 0) * 1000;
    if (this.queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, timeoutMs);
        const self = this;
        function wake() {
          clearTimeout(timer);
          self.updateWaiters.delete(wake);
          resolve();
        }
        this.updateWaiters.add(wake);
        req.once("close", wake);
      });
    }
    if (res.destroyed) return;
    send(res, 200, { ok: true, result: this.queue.slice(0, limit) });
  }

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 1000) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private result(method: string, p: Record<string, unknown>): unknown {
    const chatId = Number(p.chat_id);
    const message = (extra: Record<string, unknown>) => ({
      message_id: this.nextMessageId(chatId),
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatId > 0 ? "private" : "group" },
      from: FAKE_BOT,
      ...extra,
    });
    switch (method) {
      case "getMe":
        return {
          ...FAKE_BOT,
          can_join_groups: false,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case "sendMessage":
        return message({ text: p.text, ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}) });
      case "editMessageText":
        return { ...message({ text: p.text }), message_id: p.message_id };
      case "sendDocument":
        return message({ document: { file_id: `doc-${Date.now()}`, file_unique_id: `udoc-${Date.now()}` } });
      case "sendPhoto":
        return message({
          photo: [{ file_id: `photo-${Date.now()}`, file_unique_id: "uphoto", width: 1, height: 1 }],
        });
      case "getFile":
        return {
          file_id: p.file_id,
          file_unique_id: `u-${p.file_id}`,
          file_size: 1024,
          file_path: `files/${p.file_id}`,
        };
      default:
        return true;
    }
  }
}

function faultBody(fault: Fault) {
  switch (fault.status) {
    case 429:
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${fault.retryAfter}`,
        parameters: { retry_after: fault.retryAfter },
      };
    case 403:
      return {
        ok: false,
        error_code: 403,
        description: fault.description ?? "Forbidden: bot was blocked by the user",
      };
    case 400:
      return { ok: false, error_code: 400, description: fault.description ?? "Bad Request: chat not found" };
    default:
      return { ok: false, error_code: fault.status, description: "Internal Server Error" };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length === 0) return {};
  if (type.includes("application/json")) return JSON.parse(body.toString("utf8"));
  if (type.includes("multipart/form-data")) return parseMultipart(body, type);
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

function parseMaybeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * Multipart bodies as grammY writes them (and Telegram accepts): header parameters without spaces and file names
 * unquoted, which undici's strict FormData parser refuses. Files sent as "attach://<part>" are resolved to
 * { file, name, size, bytes }.
 */
export function parseMultipart(body: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ""}`);
  const fields: Record<string, unknown> = {};
  const files = new Map<string, { file: true; name: string; size: number; bytes: Buffer }>();
  let at = body.indexOf(marker);
  while (at !== -1) {
    const start = at + marker.length + 2; // after the marker and CRLF
    const next = body.indexOf(marker, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // without the CRLF before the next marker
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const name = /name="?([^";\r\n]+)"?/i.exec(headers.replace(/filename=[^;\r\n]*/i, ""))?.[1] ?? "";
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (filename !== undefined)
      files.set(name, { file: true, name: filename, size: content.length, bytes: content });
    else fields[name] = parseMaybeJson(content.toString("utf8"));
    at = next;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string" && value.startsWith("attach://"))
      fields[key] = files.get(value.slice(9)) ?? value;
  }
  return fields;
}
