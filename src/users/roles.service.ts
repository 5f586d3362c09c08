import type { Kysely } from "kysely";
import type { Database, Role } from "../db/types.js";
import { requireRole } from "./permissions.js";
import { findUserByTelegramId, grantRole, insertAuditEntry } from "./users.repository.js";

/** Roles an administrator hands out without a unit (a unit head's role names a unit: see the review issue). */
export const GRANTABLE_ROLES = ["admin", "reviewer"] as const satisfies readonly Role[];
export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

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
  async grant(actorId: number, telegramId: number, role: GrantableRole): Promise<boolean> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const target = await findUserByTelegramId(trx, telegramId);
      if (!target) throw new UnknownPersonError(telegramId);
      const granted = await grantRole(trx, { userId: target.id, role, grantedBy: actorId });
      if (granted)
        await insertAuditEntry(trx, {
          actorId,
          action: "role.granted",
          subject: { userId: target.id, role },
        });
      return granted;
    });
  }

  /** Administrators only; audited. The last administrator stays, so someone can always manage the bot. */
  async revoke(actorId: number, telegramId: number, role: GrantableRole): Promise<boolean> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const target = await findUserByTelegramId(trx, telegramId);
      if (!target) throw new UnknownPersonError(telegramId);
      if (role === "admin") {
        // Locks the admin rows so two administrators revoking each other at once cannot leave none.
        const admins = await trx
          .selectFrom("user_roles")
          .select("user_id")
          .where("role", "=", "admin")
          .forUpdate()
          .execute();
        if (admins.length === 1 && admins[0]?.user_id === target.id) throw new LastAdminError();
      }
      const removed = await trx
        .deleteFrom("user_roles")
        .where("user_id", "=", target.id)
        .where("role", "=", role)
        .executeTakeFirst();
      const revoked = Number(removed.numDeletedRows) > 0;
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
    return this.db
      .selectFrom("user_roles as r")
      .innerJoin("users as u", "u.id", "r.user_id")
      .select(["r.role", "u.telegram_id", "u.full_name", "u.telegram_name"])
      .orderBy("r.role")
      .orderBy("u.full_name")
      .execute();
  }
}
