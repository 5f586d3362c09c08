import type { UserFromGetMe } from "grammy/types";

export const BENCH_BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: "Bench bot",
  username: "bench_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/**
 * A fetch for grammY's client that answers every Bot API call in process, as Telegram would, so a benchmark
 * measures the bot and its database rather than a network. Counts the calls; `onCall` sees each (tests record them).
 */
export function inProcessTelegram(
  onCall?: (method: string, payload: Record<string, unknown>) => void,
  /** Telegram's error description for a call it would refuse (tests check every message; benchmarks do not). */
  refuse?: (method: string, payload: Record<string, unknown>) => string | undefined,
) {
  let messageId = 1;
  const calls = new Map<string, number>();
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const method = String(input).split("/").pop() ?? "";
    calls.set(method, (calls.get(method) ?? 0) + 1);
    const payload = typeof init?.body === "string" ? JSON.parse(init.body) : {};
    onCall?.(method, payload);
    const refusal = refuse?.(method, payload);
    if (refusal)
      return new Response(JSON.stringify({ ok: false, error_code: 400, description: refusal }), {
        status: 400,
        headers: { "content-type": "application/json" },
      });
    const result =
      method === "sendMessage" ||
      method === "editMessageText" ||
      method === "sendDocument" ||
      method === "sendPhoto"
        ? {
            message_id: messageId++,
            date: 0,
            chat: { id: payload.chat_id, type: "private" },
            text: payload.text,
          }
        : true;
    return new Response(JSON.stringify({ ok: true, result }), {
      headers: { "content-type": "application/json" },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
