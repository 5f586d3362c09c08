import type { Kysely } from "kysely";
import type { Database, Role } from "../db/types.js";
import { rolesOfUser } from "./users.repository.js";

/** The acting user lacks the role a privileged action needs. Services throw it; handlers answer politely. */
export class ForbiddenError extends Error {
  constructor(readonly role: Role) {
    super(`This action needs the ${role} role`);
    this.name = "ForbiddenError";
  }
}

/** Checked on every call of a privileged service method: a hidden button is not a permission. */
export async function requireRole(db: Kysely<Database>, userId: number, role: Role): Promise<void> {
  const roles = await rolesOfUser(db, userId);
  if (!roles.includes(role)) throw new ForbiddenError(role);
}
