import type { Update } from "grammy/types";
import type { Kysely } from "kysely";
import { batched } from "../db/batched.js";
import type { Database } from "../db/types.js";
import { storeUpdates } from "./inbox.repository.js";

/**
 * Stores one webhook update in the inbox; the updates arriving while an insert is in flight go together in the
 * next one (each request is still answered only once its own update is stored).
 */
export function webhookUpdateStore(db: Kysely<Database>): (update: Update) => Promise<void> {
  return batched(async (updates) => {
    await storeUpdates(db, updates);
    return updates.map(() => undefined);
  });
}
