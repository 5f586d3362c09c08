import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import type { Logger } from "../logger.js";
import { type Screening, screenSubmission } from "./screener.js";
import * as repo from "./screening.repository.js";

/** A run holds its job this long; a worker that died frees it when the lease ends. */
export const SCREENING_LEASE_MS = 5 * 60_000;
/** After this many failed runs the job is left failed (and logged) rather than retried for ever. */
export const MAX_SCREENING_ATTEMPTS = 5;

export interface ScreeningRunOptions {
  now?: () => Date;
  /** Stop claiming after this many jobs (a cron tick's share of the queue). */
  maxJobs?: number;
  /** Stop claiming once this time has passed. */
  until?: Date;
  /** The comparison itself; replaceable only so tests can make one run fail. */
  screen?: (db: Kysely<Database>, id: number) => Promise<Screening | undefined>;
}

/**
 * Works through due screening jobs one at a time: claims, compares (outside any transaction: it only reads), then
 * (re)indexes the submission, stores its report and ends the job in one transaction. A run that throws is retried with
 * a growing delay; a worker that dies mid-run leaves a lease that ends. Returns how many jobs ended (done or failed).
 */
export async function runScreeningQueue(
  db: Kysely<Database>,
  logger: Logger,
  options: ScreeningRunOptions = {},
): Promise<{ done: number; failed: number }> {
  const now = options.now ?? (() => new Date());
  const screen = options.screen ?? screenSubmission;
  let done = 0;
  let failed = 0;
  while (done + failed < (options.maxJobs ?? Number.POSITIVE_INFINITY)) {
    if (options.until && now().getTime() >= options.until.getTime()) break;
    const job = await repo.claimScreeningJob(db, now(), SCREENING_LEASE_MS);
    if (!job) break;
    try {
      const result = await screen(db, job.submissionId);
      await db.transaction().execute(async (trx) => {
        if (result) {
          // Indexed again (the same rows): a submission sent before screening existed is indexed here.
          await repo.indexSubmission(trx, job.submissionId, result.fingerprints, now());
          await repo.saveReport(trx, {
            submissionId: job.submissionId,
            generation: job.generation,
            shingles: result.shingles,
            matches: result.matches,
            at: now(),
          });
        }
        await repo.finishScreeningJob(trx, job, now());
      });
      done++;
    } catch (err) {
      const retry = job.attempts < MAX_SCREENING_ATTEMPTS;
      const retryAt = retry ? new Date(now().getTime() + 30_000 * 2 ** (job.attempts - 1)) : null;
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      await repo.failScreeningJob(db, job, message, retryAt, now());
      logger.warn(
        { err, submissionId: job.submissionId, attempts: job.attempts, retryAt },
        "screening run failed",
      );
      if (!retry) failed++;
    }
  }
  return { done, failed };
}
