import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Forks, not threads: e2e tests spawn the real bot and PGlite's WASM is happier in its own process.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI also writes a JSON report, from which .ci/run prints its closing "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results.json" }]] : ["default"],
  },
});
