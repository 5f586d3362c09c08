import { runScreeningQueue } from "../screening/screening-queue.js";
import type { JobDeps } from "./job.js";

/** Leaves the next minute's tick its own start (node-cron skips a tick while one still runs). */
const RUN_BUDGET_MS = 50_000;

/** Every minute: screens the submissions sent (or given to the council) since, so a report is ready when opened. */
export async function copyScreeningJob(deps: JobDeps, now: Date): Promise<void> {
  const { done, failed } = await runScreeningQueue(deps.db, deps.logger, {
    until: new Date(Date.now() + RUN_BUDGET_MS),
  });
  if (done + failed > 0) deps.logger.info({ done, failed, tick: now }, "copy screening");
}
