import type { VersionedState, VersionedStateStorage } from "@grammyjs/conversations";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import {
  deleteConversationState,
  readConversationState,
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
  return {
    read: async (key) => (await readConversationState(db, key)) as VersionedState<S> | undefined,
    write: async (key, state) => {
      const json = JSON.stringify(state);
      const bytes = Buffer.byteLength(json);
      if (bytes > MAX_CONVERSATION_STATE_BYTES) return onOversize(key, bytes);
      await writeConversationState(db, key, json);
    },
    delete: (key) => deleteConversationState(db, key),
  };
}
