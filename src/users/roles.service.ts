import type { Kysely } from "kysely";
import type { Database, Role } from "../db/types.js";
import { releaseOpenAssignments } from "../review/council.repository.js";
import { findUnitByCode } from "../units/units.repository.js";
import { requireRole } from "./permissions.js";
import {
  findPeopleByIdOrName,
  findUserByTelegramId,
  grantRole,
  insertAuditEntry,
  listRoleHolders,
  lockRoleHolders,
  revokeRole,
} from "./users.repository.js";

/** Every role an administrator hands out; a unit head's names the unit headed. */
export const GRANTABLE_ROLES = ["admin", "reviewer", "unit_head"] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export class UnitRequiredError extends Error {
  constructor() {
    super("A unit head's role names the unit (by its code)");
    this.name = "UnitRequiredError";
  }
}

export class UnknownPersonError extends Error {
  constructor(readonly telegramId: number) {
    super(`No user with Telegram id ${telegramId} has written to the bot`);
    this.name = "UnknownPersonError";
  }
}

export class LastAdminError extends Error {
  constructor() {
    super("The last administrator cannot be removed");
    this.name = "LastAdminError";
  }
}

export class RolesService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Administrators only; audited. Returns false when the person already had the role. */
  async grant(actorId: number, telegramId: number, role: GrantableRole, unitCode?: string): Promise<boolean> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const target = await findUserByTelegramId(trx, telegramId);
      if (!target) throw new UnknownPersonError(telegramId);
      let unitId: number | null = null;
      if (role === "unit_head") {
        const unit = unitCode ? await findUnitByCode(trx, unitCode) : undefined;
        if (!unit) throw new UnitRequiredError();
        unitId = unit.id;
      }
      const granted = await grantRole(trx, { userId: target.id, role, unitId, grantedBy: actorId });
      if (granted)
        await insertAuditEntry(trx, {
          actorId,
          action: "role.granted",
          subject: { userId: target.id, role, ...(unitId ? { unitId } : {}) },
        });
      return granted;
    });
  }

  /** Administrators only: people found by Telegram id, or by part of their name (case and diacritics ignored). */
  async findPeople(actorId: number, query: string) {
    await requireRole(this.db, actorId, "admin");
    return findPeopleByIdOrName(this.db, query);
  }

  /** Administrators only; audited. The last administrator stays, so someone can always manage the bot. */
  async revoke(actorId: number, telegramId: number, role: GrantableRole): Promise<boolean> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const target = await findUserByTelegramId(trx, telegramId);
      if (!target) throw new UnknownPersonError(telegramId);
      if (role === "admin") {
        // Locks the admin rows so two administrators revoking each other at once cannot leave none.
        const admins = await lockRoleHolders(trx, "admin");
        if (admins.length === 1 && admins[0]?.user_id === target.id) throw new LastAdminError();
      }
      const revoked = await revokeRole(trx, target.id, role);
      // A former reviewer's unscored assignments go back to the pool, so no submission waits on them.
      if (revoked && role === "reviewer") await releaseOpenAssignments(trx, target.id, actorId);
      if (revoked)
        await insertAuditEntry(trx, {
          actorId,
          action: "role.revoked",
          subject: { userId: target.id, role },
        });
      return revoked;
    });
  }

  /** Administrators only: who holds which role. */
  async holders(actorId: number) {
    await requireRole(this.db, actorId, "admin");
    return listRoleHolders(this.db);
  }
}
