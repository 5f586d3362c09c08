import { parseArgs } from "node:util";
import { campaignTick } from "../campaigns/campaign-tick.js";
import { withCliDatabase } from "../db/cli-database.js";

// npm run jobs -- tick [--now <ISO time>]: one pass of the campaign clock, for operators and tests. The running
// bot's sender delivers what it enqueues. With the embedded database, stop the bot first (it holds DATA_DIR).
const USAGE = "usage: npm run jobs -- tick [--now 2026-12-01T08:00:00+07:00]";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { now: { type: "string" } },
});
if (positionals[0] !== "tick" || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(2);
}
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`--now: "${values.now}" is not an ISO time. ${USAGE}`);
  process.exit(2);
}
await withCliDatabase(async ({ db }) => {
  // Read here: withCliDatabase has loaded .env by now.
  const timezone = process.env.TIMEZONE?.trim() || "Asia/Ho_Chi_Minh";
  const report = await campaignTick(db, timezone, now);
  console.log(
    `tick at ${now.toISOString()}: ${report.opened} campaign(s) opened, ${report.closed} closed, ` +
      `${report.enqueued.length} broadcast(s) enqueued`,
  );
  for (const e of report.enqueued)
    console.log(`  campaign ${e.campaignId}: ${e.kind} (${e.key}) to ${e.recipients} recipient(s)`);
});
