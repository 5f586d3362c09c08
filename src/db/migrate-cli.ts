import { withCliDatabase } from "./cli-database.js";

// npm run db:migrate
await withCliDatabase(async (_database, applied) => {
  console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The schema is up to date.");
});
