import type { Kysely } from "kysely";
import type { Database, Unit } from "../db/types.js";
import { foldForSearch } from "../shared/text.js";
import { type CatalogueProblem, parseUnitCatalogue } from "./unit-catalogue.js";
import * as repo from "./units.repository.js";

export class CatalogueError extends Error {
  constructor(readonly problems: CatalogueProblem[]) {
    super(
      `The unit catalogue has ${problems.length} problem(s):\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join("\n")}`,
    );
    this.name = "CatalogueError";
  }
}

export const UNIT_SEARCH_LIMIT = 8;

export class UnitsService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Imports a catalogue in one transaction: a single bad row imports nothing. */
  async importCatalogue(csv: string): Promise<{ inserted: number; updated: number }> {
    const parsed = parseUnitCatalogue(csv);
    if (!parsed.ok) throw new CatalogueError(parsed.problems);
    return this.db.transaction().execute((trx) => repo.upsertUnits(trx, parsed.rows));
  }

  /** What a teacher typed, matched without diacritics or case: "thpt le loi" finds "THPT Lê Lợi". */
  search(typed: string, limit = UNIT_SEARCH_LIMIT): Promise<Unit[]> {
    const terms = foldForSearch(typed)
      .split(" ")
      .filter((t) => t.length > 0);
    if (terms.length === 0) return Promise.resolve([]);
    return repo.searchUnits(this.db, terms, limit);
  }

  districts(): Promise<string[]> {
    return repo.listGroups(this.db, "district");
  }

  /** Emulation clusters (cụm thi đua) and blocks (khối thi đua), for choosing a campaign's audience. */
  async groups(): Promise<{ clusters: string[]; blocks: string[] }> {
    return {
      clusters: await repo.listGroups(this.db, "cluster"),
      blocks: await repo.listGroups(this.db, "block"),
    };
  }

  inDistrict(district: string): Promise<Unit[]> {
    return repo.listUnitsInDistrict(this.db, district);
  }

  byId(id: number): Promise<Unit | undefined> {
    return repo.findUnitById(this.db, id);
  }

  count(): Promise<number> {
    return repo.countUnits(this.db);
  }
}
