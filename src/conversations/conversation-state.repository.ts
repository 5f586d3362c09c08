import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";

type Db = Kysely<Database>;

/** The conversation states of these chats (keyed as chatStateKey), for all the updates being handled at once. */
export async function readConversationStates(db: Db, keys: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await db
    .selectFrom("conversation_state")
    .select(["key", "state"])
    .where("key", "in", keys)
    .execute();
  return new Map(rows.map((r) => [r.key, r.state]));
}

/** Upserts a chat's conversation state, given as JSON text (the caller has serialized it to measure it). */
export async function writeConversationState(db: Db, key: string, json: string): Promise<void> {
  await db
    .insertInto("conversation_state")
    .values({ key, state: json, updated_at: new Date() })
    .onConflict((oc) => oc.column("key").doUpdateSet({ state: json, updated_at: new Date() }))
    .execute();
}

export async function deleteConversationState(db: Db, key: string): Promise<void> {
  await db.deleteFrom("conversation_state").where("key", "=", key).execute();
}

/** Removes conversations nobody touched since `before`; returns how many. */
export async function deleteIdleConversationStates(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("conversation_state")
    .where("updated_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The storage key of a private chat's conversation state, as the bot's conversation storage writes it. */
export const chatStateKey = (telegramId: number) => `chat:${telegramId}`;
