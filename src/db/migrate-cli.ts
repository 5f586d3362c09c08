import { existsSync } from "node:fs";
import { z } from "zod";
import { createDatabase, databaseTarget } from "./create-database.js";
import { migrateToLatest } from "./migrator.js";

// `npm run db:migrate`: needs only the database settings, not a bot token.
if (existsSync(".env")) process.loadEnvFile(".env");
const env = z
  .object({ DATABASE_URL: z.string().optional(), DATA_DIR: z.string().default("./data") })
  .parse(process.env);

const database = await createDatabase(
  databaseTarget({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR }),
);
try {
  const applied = await migrateToLatest(database.db);
  console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
} finally {
  await database.close();
}
