import type { Kysely } from "kysely";
import { chatStateKey, deleteConversationState } from "../conversations/conversation-state.repository.js";
import type { Database } from "../db/types.js";

type Db = Kysely<Database>;

/** What an erased person's name becomes wherever it was copied (the authors of a submission). */
const ERASED_NAME = "—";

/** Everything stored about a person: profile, roles, their submissions (drafts too) with authors, history and files, what they co-authored, the reviews they wrote. */
export async function personalDataOf(db: Db, userId: number) {
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
 * Removes what identifies a person, in the caller's transaction: drafts, roles, conversation state, pending messages
 * and unhandled updates go; their name on authorships and their review comments are blanked; the user row stays
 * (submissions, reviews and decisions point to it) with nothing that says who it was. Returns the row's id.
 */
export async function pseudonymise(db: Db, person: { id: number; telegram_id: number }): Promise<number> {
  const id = person.id;
  await db.updateTable("users").set({ active_draft_id: null }).where("id", "=", id).execute();
  await db.deleteFrom("submissions").where("submitter_id", "=", id).where("status", "=", "draft").execute();
  await db
    .updateTable("submission_authors")
    .set({ full_name: ERASED_NAME })
    .where("user_id", "=", id)
    .execute();
  await db.updateTable("review_assignments").set({ comment: null }).where("reviewer_id", "=", id).execute();
  await db.deleteFrom("user_roles").where("user_id", "=", id).execute();
  // The words they searched the library for, and their certificate lookups (kept by Telegram id for the limit).
  await db.deleteFrom("library_searches").where("user_id", "=", id).execute();
  await db.deleteFrom("verification_attempts").where("telegram_id", "=", person.telegram_id).execute();
  // A note they wrote when marking an initiative applied at their unit (the mark itself is the unit's).
  await db.updateTable("initiative_applications").set({ note: "" }).where("marked_by", "=", id).execute();
  // Their files may carry their name or their CV: no longer handed out by the library.
  await db.updateTable("submissions").set({ share_files: false }).where("submitter_id", "=", id).execute();
  await deleteConversationState(db, chatStateKey(person.telegram_id));
  await db
    .deleteFrom("broadcast_deliveries")
    .where("user_id", "=", id)
    .where("status", "=", "pending")
    .execute();
  await db
    .updateTable("update_inbox")
    .set({ payload: null, handled_at: new Date() })
    .where("chat_key", "=", String(person.telegram_id))
    .where("handled_at", "is", null)
    .execute();
  // The row stays (submissions, reviews and decisions point to it) with nothing that says who it was. A
  // negative id can never be a Telegram user's: if they write again, they start as someone new.
  await db
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
  return id;
}
