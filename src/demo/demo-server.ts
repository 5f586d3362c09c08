import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import { PROJECT_ROOT } from "../paths.js";
import { DEMO_BOT, type DemoBotApi, mimeTypeOf } from "./bot-api.js";
import type { ChatEvent, ChatStore } from "./chat-store.js";
import type { Milestone } from "./demo-year.js";
import type { DemoPerson } from "./people.js";

const PAGE_DIR = join(PROJECT_ROOT, "src", "demo", "page");
const PAGE_FILES: Record<string, string> = {
  "/": "index.html",
  "/demo.css": "demo.css",
  "/demo.js": "demo.js",
};
const CONTENT_TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
};
/** A file sent from the page; Telegram's own limit for a bot's download is 20 MB. */
const MAX_UPLOAD = 20 * 1024 * 1024;

export interface DemoServerDeps {
  store: ChatStore;
  api: DemoBotApi;
  people: DemoPerson[];
  milestones: () => Milestone[];
  timezone: string;
  /** Runs the campaign tick as if it were `at`; resolves to a line saying what it did. */
  runClock(at: Date): Promise<string>;
}

/**
 * One port for everything: the Bot API stand-in (/bot<token>/<method>, /file/bot<token>/<path>) the bot talks to,
 * the page (/), and the page's own calls under /demo/ — its state, a Server-Sent Events stream of every chat's
 * changes, and the visitor's messages, button presses, files and clock.
 */
export function createDemoServer(deps: DemoServerDeps): Server {
  const sse = new Set<ServerResponse>();
  deps.store.on("event", (event: ChatEvent) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const res of sse) res.write(line);
  });
  const server = createServer((req, res) => {
    route(deps, sse, req, res).catch((err: unknown) => {
      console.error("demo: request failed", err);
      if (!res.headersSent) json(res, 500, { error: String(err) });
    });
  });
  server.on("close", () => {
    for (const res of sse) res.end();
  });
  return server;
}

async function route(
  deps: DemoServerDeps,
  sse: Set<ServerResponse>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? "/", "http://localhost");
  const path = url.pathname;
  const botMethod = /^\/bot[^/]+\/(\w+)$/.exec(path);
  if (botMethod?.[1]) return deps.api.handle(botMethod[1], req, res);
  const download = /^\/(?:file\/bot[^/]+\/files|demo\/files)\/([\w-]+)$/.exec(path);
  if (download?.[1]) return sendFile(deps, download[1], res);
  const page = PAGE_FILES[path];
  if (req.method === "GET" && page) {
    const body = await readFile(join(PAGE_DIR, page));
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[page.split(".").pop() ?? ""] ?? "text/plain",
      "cache-control": "no-store",
    });
    res.end(body);
    return;
  }
  if (path === "/favicon.ico") {
    res.writeHead(204).end();
    return;
  }
  if (req.method === "GET" && path === "/demo/state") return json(res, 200, state(deps));
  if (req.method === "GET" && path === "/demo/events") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    res.write(": connected\n\n");
    sse.add(res);
    req.once("close", () => sse.delete(res));
    return;
  }
  const chat = /^\/demo\/chats\/(\d+)\/(history|messages|presses|files)$/.exec(path);
  const person = deps.people.find((p) => p.user.id === Number(chat?.[1]));
  if (chat && person) return chatCall(deps, person, chat[2] as string, url, req, res);
  if (req.method === "POST" && path === "/demo/clock") {
    const body = JSON.parse((await readBody(req, 10_000)).toString("utf8")) as { at?: string };
    const at = wallClock(String(body.at), deps.timezone);
    if (!at) return json(res, 400, { error: "not a date and time" });
    return json(res, 200, { done: await deps.runClock(at) });
  }
  res.writeHead(404).end();
}

async function chatCall(
  deps: DemoServerDeps,
  person: DemoPerson,
  action: string,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const chatId = person.user.id;
  if (action === "history" && req.method === "GET")
    return json(res, 200, {
      messages: deps.store.history(chatId),
      commands: deps.store.commandsFor(chatId, person.user.language_code ?? ""),
    });
  if (req.method !== "POST") return json(res, 405, { error: "POST only" });
  if (action === "files") {
    const name = (url.searchParams.get("name") ?? "tep").slice(0, 200);
    const bytes = await readBody(req, MAX_UPLOAD);
    const file = deps.store.putFile(name, mimeTypeOf(name, req.headers["content-type"]), bytes);
    return json(res, 200, deps.api.sendFile(chatId, file));
  }
  const body = JSON.parse((await readBody(req, 100_000)).toString("utf8")) as Record<string, unknown>;
  if (action === "messages") {
    const text = String(body.text ?? "").slice(0, 4096);
    if (text.trim() === "") return json(res, 400, { error: "empty message" });
    return json(res, 200, deps.api.sendText(chatId, text));
  }
  const pressed = deps.api.pressButton(chatId, Number(body.messageId), String(body.data ?? ""));
  return json(res, pressed ? 200 : 404, { ok: pressed });
}

/** "2026-12-24T08:00" as the page's clock gives it, read in the bot's time zone (as the staff read their clocks). */
function wallClock(text: string, timezone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(new TZDate(y, mo - 1, d, h, mi, 0, timezone).getTime());
  return Number.isNaN(at.getTime()) ? undefined : at;
}

function state(deps: DemoServerDeps) {
  return {
    bot: { name: DEMO_BOT.first_name, username: DEMO_BOT.username },
    timezone: deps.timezone,
    people: deps.people.map((p) => ({
      id: p.user.id,
      name: p.fullName ?? `${p.user.last_name ?? ""} ${p.user.first_name}`.trim(),
      role: p.role,
      roleLabel: p.roleLabel,
    })),
    milestones: deps.milestones().map((m) => ({ label: m.label, at: m.at.toISOString() })),
  };
}

function sendFile(deps: DemoServerDeps, fileId: string, res: ServerResponse) {
  const file = deps.store.file(fileId);
  if (!file) {
    res.writeHead(404).end();
    return;
  }
  const inline = file.mimeType.startsWith("image/");
  res.writeHead(200, {
    "content-type": file.mimeType,
    "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  });
  res.end(file.bytes);
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}
