import cron, { type ScheduledTask } from "node-cron";
import { postgresRunCoordinator } from "../cron/run-coordinator.js";
import { campaignTickJob } from "./campaign-tick.job.js";
import { copyScreeningJob } from "./copy-screening.job.js";
import { housekeeping } from "./housekeeping.js";
import type { Job, JobDeps } from "./job.js";

/** The whole schedule, in one place. */
export const JOBS: readonly Job[] = [
  { name: "campaign-tick", cron: "* * * * *", run: campaignTickJob },
  { name: "housekeeping", cron: "17 3 * * *", run: housekeeping },
  { name: "copy-screening", cron: "* * * * *", run: copyScreeningJob },
];

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(deps: JobDeps, instance: string, jobs: readonly Job[] = JOBS): Scheduler {
  const runCoordinator = postgresRunCoordinator(deps.db, instance);
  // Runs in progress: stopping waits for them, so the database is never closed under a job.
  const running = new Set<Promise<void>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async ({ date }) => {
        const logger = deps.logger.child({ job: job.name });
        const run = job.run({ ...deps, logger }, date).catch((err: unknown) => {
          logger.error({ err }, "scheduled job failed");
        });
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      },
      { name: job.name, timezone: deps.config.timezone, noOverlap: true, distributed: true, runCoordinator },
    ),
  );
  return {
    async stop() {
      for (const task of tasks) await task.destroy();
      await Promise.all(running);
    },
  };
}
