import { campaignTick } from "../campaigns/campaign-tick.js";
import type { JobDeps } from "./job.js";

/** Every minute: opens and closes campaigns and enqueues the announcements and reminders that are due. */
export async function campaignTickJob(deps: JobDeps, now: Date): Promise<void> {
  const report = await campaignTick(deps.db, deps.config.timezone, now);
  if (report.opened + report.closed + report.enqueued.length > 0) deps.logger.info(report, "campaign tick");
}
