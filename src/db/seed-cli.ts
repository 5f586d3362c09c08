import { join } from "node:path";
import { PROJECT_ROOT } from "../paths.js";
import { importCatalogueFile } from "../units/import-cli.js";

// npm run db:seed: loads the demo catalogue of a fictional province (47 units, 2 clusters, 5 blocks).
await importCatalogueFile(join(PROJECT_ROOT, "seed", "demo-units.csv"));
