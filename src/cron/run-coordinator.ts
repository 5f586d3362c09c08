import type { Kysely } from "kysely";
import type { RunCoordinator } from "node-cron";
import type { Database } from "../db/types.js";
import { claimCronFire } from "./cron-fires.repository.js";

/**
 * node-cron's distributed tasks ask the coordinator before each fire, with the key "<task name>:<slot ISO time>".
 * Backing it with a unique row per (job, slot) in PostgreSQL makes each fire act once across bot instances.
 */
export function postgresRunCoordinator(db: Kysely<Database>, instance: string): RunCoordinator {
  return {
    async shouldRun(key) {
      const separator = key.indexOf(":");
      const job = key.slice(0, separator);
      const fireAt = new Date(key.slice(separator + 1));
      if (separator <= 0 || Number.isNaN(fireAt.getTime())) throw new Error(`Unexpected cron key ${key}`);
      return claimCronFire(db, job, fireAt, instance);
    },
  };
}
