import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { fingerprints, screenedText, shingle } from "./fingerprints.js";
import { enqueueScreening, indexSubmission } from "./screening.repository.js";

/**
 * Called in the transaction that sends a submission: indexes its text at once (a few milliseconds), so anything
 * screened from now on finds it, and queues its own screening against the archive for the background.
 */
export async function indexAndQueueScreening(
  trx: Kysely<Database>,
  submissionId: number,
  fields: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await indexSubmission(trx, submissionId, fingerprints(shingle(screenedText(fields)).hashes), now);
  await enqueueScreening(trx, submissionId, now);
}
