import type { Update } from "grammy/types";
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/types.js";
import { clearNul } from "./clear-nul.js";

type Db = Kysely<Database>;

/** The key under which one conversation's updates are ordered: the chat, else the sender. */
export function chatKeyOf(update: Update): string {
  const u = update as Update & Record<string, { chat?: { id: number }; from?: { id: number } } | undefined>;
  for (const kind of Object.keys(update)) {
    if (kind === "update_id") continue;
    const body = u[kind];
    const chatId = body?.chat?.id ?? (body as { message?: { chat?: { id: number } } })?.message?.chat?.id;
    if (chatId !== undefined) return String(chatId);
    if (body?.from?.id !== undefined) return String(body.from.id);
  }
  return `u${update.update_id}`;
}

/** Stores updates not seen before; a redelivered update_id changes nothing. Returns how many were new. */
export async function storeUpdates(db: Db, updates: readonly Update[]): Promise<number> {
  if (updates.length === 0) return 0;
  const result = await db
    .insertInto("update_inbox")
    .values(
      updates.map((u) => ({
        update_id: u.update_id,
        chat_key: chatKeyOf(u),
        payload: JSON.stringify(clearNul(u)),
      })),
    )
    .onConflict((oc) => oc.column("update_id").doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export interface ClaimedUpdate {
  update: Update;
  attempts: number;
}

/**
 * Marks `handled` (this instance's finished updates) handled and claims up to `limit` chats' oldest pending updates
 * for `instance` under a lease of `leaseMs`, in one round trip. A chat whose oldest pending update is claimed by
 * anyone (lease not expired) is skipped, so its later updates wait: one chat's updates run one at a time and in
 * update_id order across every instance. The lease is rechecked on the row being updated, so two instances racing
 * for one update cannot both win.
 */
export async function claimUpdates(
  db: Db,
  instance: string,
  leaseMs: number,
  limit: number,
  handled: readonly number[] = [],
): Promise<ClaimedUpdate[]> {
  // A data-modifying CTE runs to completion whether or not it is read. The statement's CTEs share one snapshot: the
  // updates marked here still look pending to `ready`, so they are left out of it by id, which lets their chats'
  // next updates be claimed in the same round trip. `ready` walks pending updates oldest first and stops at `limit`:
  // one is a chat's oldest pending update when no earlier one of its chat is pending (an index probe).
  const done = sql`${`{${handled.join(",")}}`}::bigint[]`;
  const { rows } = await sql<{ payload: Update | string; attempts: number }>`
    with marked as (
      update update_inbox
      set handled_at = now(), payload = null, locked_by = null, locked_until = null
      where update_id = any(${done}) and locked_by = ${instance} and handled_at is null
      returning update_id
    ), ready as (
      select p.update_id from update_inbox p
      where p.handled_at is null
        and not (p.update_id = any(${done}))
        and (p.locked_until is null or p.locked_until < now())
        and p.available_at <= now()
        and not exists (
          select from update_inbox e
          where e.chat_key = p.chat_key and e.handled_at is null and e.update_id < p.update_id
            and not (e.update_id = any(${done})))
      order by p.update_id
      limit ${limit}
    )
    update update_inbox u
    set locked_by = ${instance},
        locked_until = now() + make_interval(secs => ${leaseMs / 1000}),
        attempts = u.attempts + 1
    from ready
    where u.update_id = ready.update_id
      and u.handled_at is null
      and (u.locked_until is null or u.locked_until < now())
    returning u.payload, u.attempts`.execute(db);
  return rows
    .map((r) => ({
      update: (typeof r.payload === "string" ? JSON.parse(r.payload) : r.payload) as Update,
      attempts: r.attempts,
    }))
    .sort((a, b) => a.update.update_id - b.update.update_id);
}

/** Marks updates handled (keeping their ids, dropping their payloads) if this instance still holds them. */
export async function markHandled(db: Db, instance: string, updateIds: readonly number[]): Promise<void> {
  if (updateIds.length === 0) return;
  await db
    .updateTable("update_inbox")
    .set({ handled_at: sql<Date>`now()`, payload: null, locked_by: null, locked_until: null })
    .where("update_id", "in", updateIds)
    .where("locked_by", "=", instance)
    .where("handled_at", "is", null)
    .execute();
}

/** Gives an update back to be claimed again after `delayMs` (Telegram could not be reached while handling it). */
export async function releaseForRetry(
  db: Db,
  instance: string,
  updateId: number,
  delayMs: number,
): Promise<void> {
  await db
    .updateTable("update_inbox")
    .set({
      locked_by: null,
      locked_until: null,
      available_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
    })
    .where("update_id", "=", updateId)
    .where("locked_by", "=", instance)
    .execute();
}

/** Extends the lease of the updates this instance is still handling. */
export async function renewLeases(
  db: Db,
  instance: string,
  updateIds: readonly number[],
  leaseMs: number,
): Promise<void> {
  if (updateIds.length === 0) return;
  await db
    .updateTable("update_inbox")
    .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where("update_id", "in", updateIds)
    .where("locked_by", "=", instance)
    .where("handled_at", "is", null)
    .execute();
}

/**
 * Frees every lease at once: only for a database no other instance can use (the embedded one, whose data directory
 * is locked), so a restart after a crash picks up at once instead of waiting for leases to expire.
 */
export async function releaseAllLeases(db: Db): Promise<void> {
  await db
    .updateTable("update_inbox")
    .set({ locked_by: null, locked_until: null })
    .where("handled_at", "is", null)
    .where("locked_by", "is not", null)
    .execute();
}

/** Forgets handled updates older than `before` (Telegram redelivers for 24 hours at most). Returns how many. */
export async function deleteHandledBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("update_inbox").where("handled_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function pendingCount(db: Db): Promise<number> {
  const row = await db
    .selectFrom("update_inbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("handled_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
