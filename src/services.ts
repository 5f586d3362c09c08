import type { Kysely } from "kysely";
import type { Database } from "./db/types.js";
import { UnitsService } from "./units/units.service.js";
import { UsersService } from "./users/users.service.js";

/** Every service the bot and the jobs use, built once from the database. */
export interface Services {
  users: UsersService;
  units: UnitsService;
}

export function createServices(db: Kysely<Database>): Services {
  return { users: new UsersService(db), units: new UnitsService(db) };
}
