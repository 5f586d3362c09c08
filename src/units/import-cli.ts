import { readFileSync } from "node:fs";
import { withCliDatabase } from "../db/cli-database.js";
import { CatalogueError, UnitsService } from "./units.service.js";

/** Imports a unit catalogue file; shared by `npm run units:import -- <file.csv>` and `npm run db:seed`. */
export async function importCatalogueFile(file: string): Promise<void> {
  let csv: string;
  try {
    csv = readFileSync(file, "utf8");
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as Error).message}`);
    process.exit(1);
  }
  await withCliDatabase(async ({ db }) => {
    try {
      const { inserted, updated } = await new UnitsService(db).importCatalogue(csv);
      console.log(`Imported ${file}: ${inserted} new unit(s), ${updated} updated.`);
    } catch (error) {
      if (!(error instanceof CatalogueError)) throw error;
      console.error(`${error.message}\nNothing was imported.`);
      process.exitCode = 1;
    }
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error(
      "Usage: npm run units:import -- <file.csv>\nColumns: code,name,district,school_level,cluster,block",
    );
    process.exit(2);
  }
  await importCatalogueFile(file);
}
