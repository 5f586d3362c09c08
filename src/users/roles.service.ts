import { type Kysely, sql } from "kysely";
import type { Database, Role } from "../db/types.js";
import { escapeLike, foldForSearch } from "../shared/text.js";
import { requireRole } from "./permissions.js";
import { findUserByTelegramId, grantRole, insertAuditEntry } from "./users.repository.js";

/** Vietnamese letters (both cases) and what foldForSearch makes of them, for folding names inside SQL. */
const VIETNAMESE =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
const FOLD_FROM = VIETNAMESE;
const FOLD_TO = [...VIETNAMESE].map((c) => foldForSearch(c)).join("");

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
        const unit = unitCode
          ? await trx.selectFrom("units").select("id").where("code", "=", unitCode).executeTakeFirst()
          : undefined;
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
    const id = Number(query.trim());
    const base = this.db
      .selectFrom("users as u")
      .leftJoin("units as un", "un.id", "u.unit_id")
      .select(["u.telegram_id", "u.full_name", "u.telegram_name", "un.name as unit_name"]);
    if (Number.isSafeInteger(id) && id > 0) return base.where("u.telegram_id", "=", id).execute();
    const folded = foldForSearch(query);
    if (folded === "") return [];
    const name = sql<string>`translate(coalesce(u.full_name, u.telegram_name), ${FOLD_FROM}, ${FOLD_TO})`;
    return base
      .where(name, "like", `%${escapeLike(folded)}%`)
      .orderBy("u.full_name")
      .limit(10)
      .execute();
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
