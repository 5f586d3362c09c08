import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/create-database.js";
import {
  createEmptyPostgresDatabase,
  dropPostgresDatabase,
  hasPostgres,
  terminateConnections,
} from "../helpers/test-database.js";

describe.runIf(hasPostgres)("connections PostgreSQL drops", () => {
  it("are noted and replaced; the process goes on", async () => {
    const url = await createEmptyPostgresDatabase();
    const lost: Error[] = [];
    const handle = await createDatabase({ kind: "postgres", url, poolSize: 3 }, (err) => lost.push(err));
    try {
      // Three connections open, then idle in the pool.
      await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
      expect(await terminateConnections(url)).toBe(3);
      for (let i = 0; i < 50 && lost.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
      // Without a listener the first of these errors would have ended this process (and failed the run).
      expect(lost.length).toBe(3);
      const after = await sql<{ x: number }>`select 1 as x`.execute(handle.db);
      expect(after.rows).toEqual([{ x: 1 }]);
    } finally {
      await handle.close();
      await dropPostgresDatabase(url);
    }
  });
});
