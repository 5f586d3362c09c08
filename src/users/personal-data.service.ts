import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { requireRole } from "./permissions.js";
import { LastAdminError, UnknownPersonError } from "./roles.service.js";
import { findUserByTelegramId, insertAuditEntry, lockRoleHolders } from "./users.repository.js";

/** What a person's row becomes once erased: no name, no Telegram identity, never reached again. */
const ERASED_NAME = "—";

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
    const db = this.db;
    const user = await db
      .selectFrom("users as u")
      .leftJoin("units as unit", "unit.id", "u.unit_id")
      .select([
        "u.telegram_id",
        "u.full_name",
        "u.telegram_name",
        "u.username",
        "u.locale",
        "u.created_at",
        "unit.name as unit",
      ])
      .where("u.id", "=", userId)
      .executeTakeFirstOrThrow();
    const roles = await db
      .selectFrom("user_roles")
      .select(["role", "granted_at"])
      .where("user_id", "=", userId)
      .execute();
    const submissions = await db
      .selectFrom("submissions")
      .select([
        "id",
        "code",
        "kind",
        "status",
        "title",
        "fields",
        "submitted_at",
        "scope_recognised",
        "decision_number",
        "decision_date",
        "decision_reasons",
      ])
      .where("submitter_id", "=", userId)
      .orderBy("id")
      .execute();
    const ids = submissions.map((s) => s.id);
    const [authors, events, attachments, coAuthored, reviews] = await Promise.all([
      ids.length
        ? db
            .selectFrom("submission_authors")
            .select(["submission_id", "full_name", "unit_name", "share"])
            .where("submission_id", "in", ids)
            .execute()
        : [],
      ids.length
        ? db
            .selectFrom("submission_events")
            .select(["submission_id", "from_status", "to_status", "note", "created_at"])
            .where("submission_id", "in", ids)
            .orderBy("id")
            .execute()
        : [],
      ids.length
        ? db
            .selectFrom("attachments")
            .select(["submission_id", "file_name", "mime_type", "size_bytes"])
            .where("submission_id", "in", ids)
            .execute()
        : [],
      db
        .selectFrom("submission_authors as a")
        .innerJoin("submissions as s", "s.id", "a.submission_id")
        .select(["s.code", "s.title", "a.share"])
        .where("a.user_id", "=", userId)
        .where("s.submitter_id", "<>", userId)
        .execute(),
      db
        .selectFrom("review_assignments as r")
        .innerJoin("submissions as s", "s.id", "r.submission_id")
        .select(["s.code", "r.status", "r.total", "r.comment", "r.recommendation"])
        .where("r.reviewer_id", "=", userId)
        .execute(),
    ]);
    return {
      profile: user,
      roles,
      submissions: submissions.map((s) => ({
        ...s,
        authors: authors.filter((a) => a.submission_id === s.id).map(({ submission_id: _, ...a }) => a),
        history: events.filter((e) => e.submission_id === s.id).map(({ submission_id: _, ...e }) => e),
        files: attachments.filter((a) => a.submission_id === s.id).map(({ submission_id: _, ...a }) => a),
      })),
      coAuthored,
      reviewsWritten: reviews,
    };
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
      const id = person.id;
      await trx.updateTable("users").set({ active_draft_id: null }).where("id", "=", id).execute();
      await trx
        .deleteFrom("submissions")
        .where("submitter_id", "=", id)
        .where("status", "=", "draft")
        .execute();
      await trx
        .updateTable("submission_authors")
        .set({ full_name: ERASED_NAME })
        .where("user_id", "=", id)
        .execute();
      await trx
        .updateTable("review_assignments")
        .set({ comment: null })
        .where("reviewer_id", "=", id)
        .execute();
      await trx.deleteFrom("user_roles").where("user_id", "=", id).execute();
      await trx.deleteFrom("conversation_state").where("key", "=", `chat:${person.telegram_id}`).execute();
      await trx
        .deleteFrom("broadcast_deliveries")
        .where("user_id", "=", id)
        .where("status", "=", "pending")
        .execute();
      await trx
        .updateTable("update_inbox")
        .set({ payload: null, handled_at: new Date() })
        .where("chat_key", "=", String(person.telegram_id))
        .where("handled_at", "is", null)
        .execute();
      // The row stays (submissions, reviews and decisions point to it) with nothing that says who it was. A
      // negative id can never be a Telegram user's: if they write again, they start as someone new.
      await trx
        .updateTable("users")
        .set({
          telegram_id: -id,
          full_name: null,
          telegram_name: "",
          username: null,
          locale: null,
          active: false,
          updated_at: new Date(),
        })
        .where("id", "=", id)
        .execute();
      await insertAuditEntry(trx, { actorId, action: "person.erased", subject: { userId: id } });
      return { userId: id };
    });
  }
}
