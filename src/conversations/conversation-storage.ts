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

/** Conversations persist in PostgreSQL, so a conversation entered before a restart continues after it. */
export function postgresConversationStorage<S>(db: Kysely<Database>): VersionedStateStorage<string, S> {
  return {
    read: async (key) => (await readConversationState(db, key)) as VersionedState<S> | undefined,
    write: (key, state) => writeConversationState(db, key, state),
    delete: (key) => deleteConversationState(db, key),
  };
}
