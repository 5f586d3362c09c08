import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/types.js";
import type { Logger } from "../logger.js";

export interface JobDeps {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
}

/** A scheduled job is a function of its dependencies and the time it runs for, so tests can inject the clock. */
export interface Job {
  name: string;
  /** node-cron expression, read in TIMEZONE. */
  cron: string;
  run(deps: JobDeps, now: Date): Promise<void>;
}
