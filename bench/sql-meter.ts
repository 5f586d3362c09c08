import pg from "pg";

/** What the bot asked of PostgreSQL: statements (each one round trip over pg), and bytes sent and received. */
export interface SqlCount {
  statements: number;
  bytesWritten: number;
  bytesRead: number;
  /** Counts statements only: measuring bytes serializes every row, which would weigh on the CPU being measured. */
  statementsOnly?: boolean;
}

export const emptyCount = (statementsOnly = false): SqlCount => ({
  statements: 0,
  bytesWritten: 0,
  bytesRead: 0,
  statementsOnly,
});

/**
 * A pg Pool whose clients count every query: its SQL and parameters as bytes written, its rows (as JSON) as bytes
 * read. BEGIN and COMMIT are queries too, so a transaction shows its real round trips. For benchmarks only.
 */
export function meteredPool(config: pg.PoolConfig, count: () => SqlCount): pg.Pool {
  const pool = new pg.Pool(config);
  const metered = new WeakSet<pg.PoolClient>();
  pool.on("connect", (client) => {
    if (metered.has(client)) return;
    metered.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
    (client as unknown as { query: unknown }).query = async (...args: unknown[]) => {
      const c = count();
      const first = args[0] as string | { text?: string; values?: unknown[] };
      const text = typeof first === "string" ? first : (first.text ?? "");
      const values = (typeof first === "string" ? args[1] : first.values) as unknown[] | undefined;
      c.statements++;
      if (c.statementsOnly) return query(...args);
      c.bytesWritten += Buffer.byteLength(text) + (values ? Buffer.byteLength(JSON.stringify(values)) : 0);
      const result = await query(...args);
      c.bytesRead += result?.rows ? Buffer.byteLength(JSON.stringify(result.rows)) : 0;
      return result;
    };
  });
  return pool;
}
