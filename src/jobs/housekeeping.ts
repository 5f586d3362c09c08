import { compactFinishedBroadcasts } from "../broadcasts/broadcasts.repository.js";
import { deleteLookupsBefore } from "../certificates/certificates.repository.js";
import { deleteIdleConversationStates } from "../conversations/conversation-state.repository.js";
import { deleteCronFiresBefore } from "../cron/cron-fires.repository.js";
import { deleteHandledBefore } from "../intake/inbox.repository.js";
import { deleteAuditBefore } from "../users/users.repository.js";
import type { JobDeps } from "./job.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A conversation untouched this long is abandoned; submission drafts live in their own table and stay. */
export const IDLE_CONVERSATION_DAYS = 30;
const CRON_FIRE_RETENTION_DAYS = 7;
/** Telegram redelivers an update for at most a day: a handled update_id is kept two, to recognise it. */
const HANDLED_UPDATE_RETENTION_DAYS = 2;
/** Who received a finished broadcast is kept this long (complaints, blocked people); its counts stay for good. */
export const DELIVERY_RETENTION_DAYS = 90;
/** The audit log covers five school years: long enough for any review of a decision, then forgotten. */
export const AUDIT_RETENTION_DAYS = 5 * 365;

export async function housekeeping(deps: JobDeps, now: Date): Promise<void> {
  const conversations = await deleteIdleConversationStates(
    deps.db,
    new Date(now.getTime() - IDLE_CONVERSATION_DAYS * DAY_MS),
  );
  const fires = await deleteCronFiresBefore(
    deps.db,
    new Date(now.getTime() - CRON_FIRE_RETENTION_DAYS * DAY_MS),
  );
  const updates = await deleteHandledBefore(
    deps.db,
    new Date(now.getTime() - HANDLED_UPDATE_RETENTION_DAYS * DAY_MS),
  );
  const deliveries = await compactFinishedBroadcasts(
    deps.db,
    new Date(now.getTime() - DELIVERY_RETENTION_DAYS * DAY_MS),
  );
  const audit = await deleteAuditBefore(deps.db, new Date(now.getTime() - AUDIT_RETENTION_DAYS * DAY_MS));
  // A certificate lookup counts for one minute: yesterday's counters are of no use.
  const lookups = await deleteLookupsBefore(deps.db, new Date(now.getTime() - DAY_MS));
  deps.logger.info(
    { conversations, fires, updates, deliveries, audit, lookups },
    "housekeeping removed idle conversation states, old cron fires, handled update ids, old deliveries and audit entries",
  );
}
