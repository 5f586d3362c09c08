import { fileURLToPath } from "node:url";
import { importCatalogueFile } from "../units/import-cli.js";

// npm run db:seed: loads the demo catalogue of a fictional province (47 units, 2 clusters, 5 blocks).
await importCatalogueFile(fileURLToPath(new URL("../../seed/demo-units.csv", import.meta.url)));
