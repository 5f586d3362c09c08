import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Kysely } from "kysely";
import { batched } from "../db/batched.js";
import type { Database } from "../db/types.js";
import {
  deleteConversationState,
  readConversationStates,
  writeConversationState,
} from "./conversation-state.repository.js";

/**
 * Bump when a conversation changes shape in a way that old saved states cannot be replayed against: the plugin
 * then discards states of older versions instead of replaying them into the new code.
 */
export const CONVERSATION_STATE_VERSION = 1;

/**
 * The most one chat's conversation state may hold. Refused answers are skipped (not kept), so a conversation's state
 * grows only with accepted answers and stays far below this; the bound holds whatever arrives.
 */
export const MAX_CONVERSATION_STATE_BYTES = 64 * 1024;

/**
 * Conversations persist in PostgreSQL, so a conversation entered before a restart continues after it. A state over
 * MAX_CONVERSATION_STATE_BYTES is not written: the conversation stays where it was before the update that would
 * have grown it past the bound.
 */
export function postgresConversationStorage<S>(
  db: Kysely<Database>,
  onOversize: (key: string, bytes: number) => void = () => {},
): VersionedStateStorage<string, S> {
  // One read for all the chats whose updates are being handled at once.
  const read = batched(async (keys: readonly string[]) => {
    const states = await readConversationStates(db, keys);
    // One chat's updates are handled one at a time, so a key comes once; if not, each caller gets its own copy.
    const seen = new Set<string>();
    return keys.map((key) => {
      const state = states.get(key) as VersionedState<S> | undefined;
      if (seen.has(key)) return state === undefined ? undefined : structuredClone(state);
      seen.add(key);
      return state;
    });
  });
  return {
    read,
    write: async (key, state) => {
      const json = JSON.stringify(state);
      const bytes = Buffer.byteLength(json);
      if (bytes > MAX_CONVERSATION_STATE_BYTES) return onOversize(key, bytes);
      await writeConversationState(db, key, json);
    },
    delete: (key) => deleteConversationState(db, key),
  };
}
