import pg from "pg";

/** Runs one statement (create or drop a bench database, say) on the PostgreSQL server at `server`, on its own connection. */
export async function runOnServer(server: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
