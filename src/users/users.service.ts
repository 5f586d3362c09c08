import type { Kysely } from "kysely";
import { type Locale, SUPPORTED_LOCALES } from "../config.js";
import { chatStateKey, deleteConversationState } from "../conversations/conversation-state.repository.js";
import { batched } from "../db/batched.js";
import type { Database, Role, User } from "../db/types.js";
import { findUnitById } from "../units/units.repository.js";
import { checkFullName, type FullNameProblem } from "./full-name.js";
import type { OpenDraftRow } from "./users.repository.js";
import * as repo from "./users.repository.js";

export interface TelegramUserInfo {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export class InvalidFullNameError extends Error {
  constructor(readonly problem: FullNameProblem) {
    super(`Invalid full name: ${problem}`);
    this.name = "InvalidFullNameError";
  }
}

export class UnknownUnitError extends Error {
  constructor(readonly unitId: number) {
    super(`No active unit ${unitId}`);
    this.name = "UnknownUnitError";
  }
}

export class UnsupportedLocaleError extends Error {
  constructor(readonly locale: string) {
    super(`Unsupported locale: ${locale}`);
    this.name = "UnsupportedLocaleError";
  }
}

type KnownUser = { user: User; openDraft: OpenDraftRow | null };

export const telegramDisplayName = (from: TelegramUserInfo) =>
  [from.first_name, from.last_name].filter(Boolean).join(" ").trim();

export function isSupportedLocale(locale: string): locale is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale);
}

export class UsersService {
  /** One read for all the people whose updates are being handled at once. */
  private readonly findWithOpenDraft: (telegramId: number) => Promise<KnownUser | undefined>;

  constructor(private readonly db: Kysely<Database>) {
    this.findWithOpenDraft = batched(async (ids) => {
      const found = await repo.findUsersWithOpenDraft(db, ids);
      return ids.map((id) => found.get(id));
    });
  }

  /**
   * Finds the user behind an update, registering them on first contact. One read on the hot path; a write only
   * when the user is new or their Telegram profile changed.
   */
  async identify(from: TelegramUserInfo): Promise<User> {
    return (await this.identifyWithOpenDraft(from)).user;
  }

  /**
   * The person behind an update (registered on first contact, Telegram profile refreshed when it changed), with
   * the draft whose form their chat is in: one query for a known person.
   */
  async identifyWithOpenDraft(
    from: TelegramUserInfo,
  ): Promise<{ user: User; openDraft: OpenDraftRow | null }> {
    const telegramName = telegramDisplayName(from);
    const username = from.username ?? null;
    const known = await this.findWithOpenDraft(from.id);
    if (
      known &&
      known.user.telegram_name === telegramName &&
      known.user.username === username &&
      known.user.active
    )
      return known;
    const user = await repo.upsertTelegramUser(this.db, {
      telegram_id: from.id,
      telegram_name: telegramName,
      username,
    });
    return { user, openDraft: known?.openDraft ?? null };
  }

  /** A person's language (or `fallback`) and roles, for their command menu; undefined for someone unknown. */
  async menuHolder(
    telegramId: number,
    fallback: string,
  ): Promise<{ locale: string; roles: Role[] } | undefined> {
    const user = await repo.findUserByTelegramId(this.db, telegramId);
    if (!user) return undefined;
    return { locale: user.locale ?? fallback, roles: await repo.rolesOfUser(this.db, user.id) };
  }

  async setLocale(userId: number, locale: string): Promise<User> {
    if (!isSupportedLocale(locale)) throw new UnsupportedLocaleError(locale);
    return repo.updateUser(this.db, userId, { locale });
  }

  async setFullName(userId: number, raw: string): Promise<User> {
    const check = checkFullName(raw);
    if (!check.ok) throw new InvalidFullNameError(check.problem);
    return repo.updateUser(this.db, userId, { full_name: check.value });
  }

  /**
   * Whether the person can be reached: false once they block the bot (their conversation state is dropped with
   * it), true again when they unblock it or write.
   */
  async setReachable(telegramId: number, reachable: boolean): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.setReachableByTelegramId(trx, telegramId, reachable);
      if (!reachable) await deleteConversationState(trx, chatStateKey(telegramId));
    });
  }

  /** Audited: a council member's past units keep them from reviewing those units' submissions. */
  async setUnit(userId: number, unitId: number): Promise<User> {
    await this.requireActiveUnit(unitId);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findUserById(trx, userId);
      const user = await repo.updateUser(trx, userId, { unit_id: unitId });
      if (before?.unit_id !== unitId)
        await repo.insertAuditEntry(trx, {
          actorId: userId,
          action: "user.unit_changed",
          subject: { userId, from: before?.unit_id ?? null, to: unitId },
        });
      return user;
    });
  }

  /** Completes registration: the full name and the unit, saved together. */
  async register(userId: number, fullName: string, unitId: number): Promise<User> {
    const check = checkFullName(fullName);
    if (!check.ok) throw new InvalidFullNameError(check.problem);
    await this.requireActiveUnit(unitId);
    return repo.updateUser(this.db, userId, { full_name: check.value, unit_id: unitId });
  }

  /** A teacher is registered once they have given their full name and unit. */
  static isRegistered(user: Pick<User, "full_name" | "unit_id">): boolean {
    return Boolean(user.full_name) && user.unit_id !== null;
  }

  private async requireActiveUnit(unitId: number): Promise<void> {
    const unit = await findUnitById(this.db, unitId);
    if (!unit?.active) throw new UnknownUnitError(unitId);
  }

  roles(userId: number): Promise<Role[]> {
    return repo.rolesOfUser(this.db, userId);
  }

  /** Makes the configured ADMIN_TELEGRAM_IDS administrators, registering them if they never wrote to the bot. */
  async bootstrapAdmins(telegramIds: readonly number[]): Promise<void> {
    for (const telegramId of telegramIds) {
      await this.db.transaction().execute(async (trx) => {
        const user =
          (await repo.findUserByTelegramId(trx, telegramId)) ??
          (await repo.upsertTelegramUser(trx, {
            telegram_id: telegramId,
            telegram_name: "",
            username: null,
          }));
        // The variable names the first administrators: one whom an administrator has since removed stays removed
        // (a restart must not undo a revocation).
        if (await repo.adminRevokedBefore(trx, user.id)) return;
        if (await repo.grantRole(trx, { userId: user.id, role: "admin", grantedBy: null })) {
          await repo.insertAuditEntry(trx, {
            actorId: null,
            action: "role.granted",
            subject: { userId: user.id, role: "admin", source: "ADMIN_TELEGRAM_IDS" },
          });
        }
      });
    }
  }
}
