import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { requireRole } from "./permissions.js";
import { personalDataOf, pseudonymise } from "./personal-data.repository.js";
import { LastAdminError, UnknownPersonError } from "./roles.service.js";
import { findUserByTelegramId, insertAuditEntry, lockRoleHolders } from "./users.repository.js";

/**
 * A person's rights under Nghị định 13/2023/NĐ-CP: to see everything held about them, and to have it erased. Erasing
 * removes what identifies them while the department's records stay correct: submissions keep their codes, statuses,
 * decisions and scores, so counts and statistics do not change; names, the Telegram identity, drafts, what they were
 * in the middle of and messages waiting for them go.
 */
export class PersonalDataService {
  constructor(private readonly db: Kysely<Database>) {}

  /** Everything stored about this person, as a plain object (sent to them as a file by /mydata). */
  async export(userId: number) {
    return personalDataOf(this.db, userId);
  }

  /**
   * Administrators only, on the person's request: removes what identifies them (audited, without the name). An
   * administrator who is the last one cannot be erased (the bot would have none).
   */
  async erase(actorId: number, telegramId: number): Promise<{ userId: number }> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const person = await findUserByTelegramId(trx, telegramId);
      if (!person) throw new UnknownPersonError(telegramId);
      const admins = await lockRoleHolders(trx, "admin");
      if (admins.length === 1 && admins[0]?.user_id === person.id) throw new LastAdminError();
      const id = await pseudonymise(trx, person);
      await insertAuditEntry(trx, { actorId, action: "person.erased", subject: { userId: id } });
      return { userId: id };
    });
  }
}
