import { defineConfig } from "vitest/config";

/** Tests that need no database: they run in seconds, so a developer runs them constantly (`npm run test:unit`). */
const UNIT = [
  "test/config.test.ts",
  "test/logger.test.ts",
  "test/bot/broadcast-messages.test.ts",
  "test/bot/form-input.test.ts",
  "test/bot/message-builders.test.ts",
  "test/shared/telegram-html.test.ts",
  "test/bot/locales.test.ts",
  "test/campaigns/reminder-schedule.test.ts",
  "test/db/batched.test.ts",
  "test/db/data-dir-lock.test.ts",
  "test/demo/bot-api-standin.test.ts",
  "test/deploy/start-command.test.ts",
  "test/deploy/start-loads.test.ts",
  "test/review/rubric.test.ts",
  "test/review/batch-proposal.test.ts",
  "test/screening/screening-method.test.ts",
  "test/shared/text.test.ts",
  "test/stats/stats-chart.test.ts",
  "test/submissions/answers.test.ts",
  "test/submissions/form-machine.test.ts",
  "test/units/unit-catalogue.test.ts",
];

export default defineConfig({
  test: {
    // Forks, not threads: e2e tests spawn the real bot and PGlite's WASM is happier in its own process.
    pool: "forks",
    // Vitest would run one file at a time on two cores; most of the suite's time is spent waiting on bot processes
    // (restarts, kill -9, a minute-long Bot API outage), so two files run side by side (three starved the timing
    // of the broadcast and start-up tests on this 2-core machine).
    maxWorkers: 2,
    setupFiles: ["test/setup/no-refusals.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results.json" }]] : ["default"],
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      // Services, repositories and the bot in process (createBot), on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
      {
        extends: true,
        test: { name: "db", include: ["test/**/*.test.ts"], exclude: [...UNIT, "test/e2e/**"] },
      },
      // The real bot process against the fake Bot API: restarts, kill -9, webhooks, several instances.
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
    ],
  },
});
