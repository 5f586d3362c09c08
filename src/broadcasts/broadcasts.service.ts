import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { requireRole } from "../users/permissions.js";
import { findUserById } from "../users/users.repository.js";
import { broadcastProgress, findBroadcast, markSummarySent } from "./broadcasts.repository.js";

export class BroadcastsService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Administrators only: the latest broadcasts with sent, pending, failed and blocked counts. */
  async progress(actorId: number, limit = 10) {
    await requireRole(this.db, actorId, "admin");
    return broadcastProgress(this.db, { limit });
  }

  /**
   * What to tell the creator of a finished broadcast, exactly once across instances: undefined when someone
   * already did, or there is nobody to tell.
   */
  async summaryToSend(broadcastId: number, now: Date) {
    const broadcast = await findBroadcast(this.db, broadcastId);
    if (!broadcast?.created_by) return undefined;
    const creator = await findUserById(this.db, broadcast.created_by);
    if (!creator || !(await markSummarySent(this.db, broadcastId, now))) return undefined;
    const [progress] = await broadcastProgress(this.db, { ids: [broadcastId] });
    return progress ? { creator, progress } : undefined;
  }
}
