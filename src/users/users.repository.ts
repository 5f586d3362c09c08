import { type Kysely, sql } from "kysely";
import type { Database, NewUser, Role, User } from "../db/types.js";
import { escapeLike, foldForSearch } from "../shared/text.js";

type Db = Kysely<Database>;

export function findUserByTelegramId(db: Db, telegramId: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("telegram_id", "=", telegramId).executeTakeFirst();
}

/** The part of a draft its form needs, read with the user in one query. */
export interface OpenDraftRow {
  id: number;
  kind: "initiative" | "nomination";
  status: string;
  submitter_id: number;
  fields: Record<string, unknown>;
  draft_step: string | null;
  last_update_id: number | null;
}

/**
 * The users with these Telegram ids and, for each whose chat has a form open, that draft: one round trip for what
 * every update needs, for all the updates being handled at once (the draft's row is built as JSON so the two come
 * back as one row). Keyed by Telegram id; someone not yet known is absent.
 */
export async function findUsersWithOpenDraft(
  db: Db,
  telegramIds: readonly number[],
): Promise<Map<number, { user: User; openDraft: OpenDraftRow | null }>> {
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("submissions as s", "s.id", "u.active_draft_id")
    .selectAll("u")
    .select(
      sql<OpenDraftRow | null>`case when s.id is null then null else json_build_object(
        'id', s.id, 'kind', s.kind, 'status', s.status, 'submitter_id', s.submitter_id, 'fields', s.fields,
        'draft_step', s.draft_step, 'last_update_id', s.last_update_id) end`.as("open_draft"),
    )
    .where("u.telegram_id", "=", sql<number>`any(${`{${telegramIds.join(",")}}`}::bigint[])`)
    .execute();
  const found = new Map<number, { user: User; openDraft: OpenDraftRow | null }>();
  for (const { open_draft, ...user } of rows) {
    const openDraft = typeof open_draft === "string" ? (JSON.parse(open_draft) as OpenDraftRow) : open_draft;
    found.set(user.telegram_id, { user: user as User, openDraft });
  }
  return found;
}

export function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts the user or refreshes the Telegram profile fields; never touches what the user set in the bot. */
export function upsertTelegramUser(
  db: Db,
  user: Pick<NewUser, "telegram_id" | "telegram_name" | "username">,
): Promise<User> {
  return db
    .insertInto("users")
    .values(user)
    .onConflict((oc) =>
      oc.column("telegram_id").doUpdateSet((eb) => ({
        telegram_name: eb.ref("excluded.telegram_name"),
        username: eb.ref("excluded.username"),
        active: true,
        updated_at: new Date(),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Db,
  id: number,
  changes: Partial<Pick<User, "full_name" | "locale" | "unit_id" | "active">>,
): Promise<User> {
  return db
    .updateTable("users")
    .set({ ...changes, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function rolesOfUser(db: Db, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
  return rows.map((r) => r.role);
}

/** Grants a role; returns false when the user already had it. */
export async function grantRole(
  db: Db,
  grant: { userId: number; role: Role; unitId?: number | null; grantedBy: number | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto("user_roles")
    .values({
      user_id: grant.userId,
      role: grant.role,
      unit_id: grant.unitId ?? null,
      granted_by: grant.grantedBy,
    })
    .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether an administrator ever revoked this person's administrator role (audited in roles.service). */
export async function adminRevokedBefore(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom("audit_log")
    .select("id")
    .where("action", "=", "role.revoked")
    .where(sql<boolean>`subject->>'role' = 'admin' and (subject->>'userId')::bigint = ${userId}`)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setReachableByTelegramId(
  db: Db,
  telegramId: number,
  reachable: boolean,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ active: reachable, updated_at: new Date() })
    .where("telegram_id", "=", telegramId)
    .execute();
}

export async function deleteAuditBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("audit_log").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertAuditEntry(
  db: Db,
  entry: { actorId: number | null; action: string; subject: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({ actor_id: entry.actorId, action: entry.action, subject: JSON.stringify(entry.subject) })
    .execute();
}

/** Vietnamese letters (both cases) and what foldForSearch makes of them, for folding names inside SQL. */
const VIETNAMESE =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
  "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";
const FOLD_FROM = VIETNAMESE;
const FOLD_TO = [...VIETNAMESE].map((c) => foldForSearch(c)).join("");

/** People found by Telegram id, or by part of their name (case and diacritics ignored), with their unit. */
export function findPeopleByIdOrName(db: Db, query: string) {
  const id = Number(query.trim());
  const base = db
    .selectFrom("users as u")
    .leftJoin("units as un", "un.id", "u.unit_id")
    .select(["u.telegram_id", "u.full_name", "u.telegram_name", "un.name as unit_name"]);
  if (Number.isSafeInteger(id) && id > 0) return base.where("u.telegram_id", "=", id).execute();
  const folded = foldForSearch(query);
  if (folded === "") return Promise.resolve([]);
  const name = sql<string>`translate(coalesce(u.full_name, u.telegram_name), ${FOLD_FROM}, ${FOLD_TO})`;
  return base
    .where(name, "like", `%${escapeLike(folded)}%`)
    .orderBy("u.full_name")
    .limit(10)
    .execute();
}

/** The holders of a role, locked until the transaction ends. */
export function lockRoleHolders(db: Db, role: Role) {
  return db.selectFrom("user_roles").select("user_id").where("role", "=", role).forUpdate().execute();
}

/** Takes a role back; false when the user did not hold it. */
export async function revokeRole(db: Db, userId: number, role: Role): Promise<boolean> {
  const removed = await db
    .deleteFrom("user_roles")
    .where("user_id", "=", userId)
    .where("role", "=", role)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) > 0;
}

export function listRoleHolders(db: Db) {
  return db
    .selectFrom("user_roles as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["r.role", "u.telegram_id", "u.full_name", "u.telegram_name"])
    .orderBy("r.role")
    .orderBy("u.full_name")
    .execute();
}
