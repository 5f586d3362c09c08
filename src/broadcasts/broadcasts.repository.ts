import { type Kysely, type RawBuilder, sql } from "kysely";
import {
  type BroadcastKind,
  type Campaign,
  type Database,
  type DeliveryVariant,
  NOTICE_KINDS,
} from "../db/types.js";

type Db = Kysely<Database>;

export interface CampaignBroadcast {
  campaign: Pick<Campaign, "id" | "audience" | "accepts_initiatives" | "accepts_nominations" | "created_by">;
  kind: BroadcastKind;
  /** Unique per message: enqueueing the same key again does nothing. */
  dedupeKey: string;
  payload: Record<string, unknown>;
  /** Reminders go only to audience members who have not submitted to the campaign. */
  onlyWithoutSubmission: boolean;
}

/**
 * Fixes the recipient list of a campaign broadcast into one delivery row per recipient, in one transaction and
 * one INSERT … SELECT however large the audience. Undefined when the key was taken (already enqueued).
 */
export async function enqueueCampaignBroadcast(
  db: Db,
  b: CampaignBroadcast,
): Promise<{ broadcastId: number; total: number } | undefined> {
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (trx) => {
    const created = await trx
      .insertInto("broadcasts")
      .values({
        campaign_id: b.campaign.id,
        kind: b.kind,
        dedupe_key: b.dedupeKey,
        payload: JSON.stringify(b.payload),
        created_by: b.campaign.created_by,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) return undefined;

    const { clusters, blocks, unitIds } = b.campaign.audience;
    const kinds = [
      ...(b.campaign.accepts_initiatives ? ["initiative"] : []),
      ...(b.campaign.accepts_nominations ? ["nomination"] : []),
    ];
    const campaignId = b.campaign.id;
    const inserted = await trx
      .insertInto("broadcast_deliveries")
      .columns(["broadcast_id", "user_id", "chat_id", "variant"])
      .expression((eb) =>
        eb
          .selectFrom("users as u")
          .innerJoin("units as un", "un.id", "u.unit_id")
          .select([
            sql.lit(created.id).as("broadcast_id"),
            "u.id",
            "u.telegram_id",
            // A draft of a kind the campaign takes, linked to it or to no campaign yet, counts as one for it.
            sql<DeliveryVariant | null>`case when exists (
              select 1 from submissions d
              where d.submitter_id = u.id and d.status = 'draft' and d.kind = any(${sql.val(kinds)}::text[])
                and coalesce(d.fields->>'campaign', '') in ('', ${String(campaignId)})
            ) then 'draft' end`.as("variant"),
          ])
          .where("u.active", "=", true)
          .where("u.full_name", "is not", null)
          .$if(clusters.length + blocks.length + unitIds.length > 0, (qb) =>
            qb.where((w) =>
              w.or([
                ...(clusters.length > 0 ? [w("un.cluster", "in", clusters)] : []),
                ...(blocks.length > 0 ? [w("un.block", "in", blocks)] : []),
                ...(unitIds.length > 0 ? [w("un.id", "in", unitIds)] : []),
              ]),
            ),
          )
          .$if(b.onlyWithoutSubmission, (qb) =>
            qb.where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("submissions as s")
                    .select(sql.lit(1).as("one"))
                    .whereRef("s.submitter_id", "=", "u.id")
                    .where("s.campaign_id", "=", campaignId)
                    .where("s.status", "not in", ["draft", "withdrawn"]),
                ),
              ),
            ),
          ),
      )
      .executeTakeFirst();
    const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    await trx.updateTable("broadcasts").set({ total }).where("id", "=", created.id).execute();
    return { broadcastId: created.id, total };
  });
}

/** Stops the pending deliveries of a campaign's broadcasts of this kind (e.g. reminders after an extension). */
export async function cancelPendingBroadcasts(
  db: Db,
  campaignId: number,
  kind: BroadcastKind,
): Promise<number> {
  const result = await db
    .updateTable("broadcasts")
    .set({ status: "cancelled", finished_at: new Date() })
    .where("campaign_id", "=", campaignId)
    .where("kind", "=", kind)
    .where("status", "in", ["pending", "sending"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface ClaimedDelivery {
  id: number;
  broadcast_id: number;
  user_id: number;
  chat_id: number;
  variant: DeliveryVariant | null;
  attempts: number;
  locale: string | null;
}

/**
 * Leases up to `limit` deliveries that are due, in one short transaction. SKIP LOCKED lets a second claimer pass
 * over rows being claimed instead of waiting; the lease keeps a delivery from being claimed again while it is in
 * flight, and lapses if its sender dies.
 */
export async function claimDeliveries(db: Db, now: Date, leaseMs: number, limit: number) {
  const result = await sql<ClaimedDelivery>`
    update broadcast_deliveries d
    set lease_until = ${new Date(now.getTime() + leaseMs)}, attempts = d.attempts + 1
    from users u
    where u.id = d.user_id and d.id in (
      select d2.id from broadcast_deliveries d2
      join broadcasts b on b.id = d2.broadcast_id
      where d2.status = 'pending' and d2.next_attempt_at <= ${now}
        and (d2.lease_until is null or d2.lease_until < ${now})
        and b.status in ('pending', 'sending')
      order by d2.next_attempt_at, d2.id
      limit ${limit}
      for update of d2 skip locked
    )
    returning d.id, d.broadcast_id, d.user_id, d.chat_id, d.variant, d.attempts, u.locale`.execute(db);
  const rows = result.rows;
  const started = [...new Set(rows.map((r) => r.broadcast_id))];
  if (started.length > 0) {
    await db
      .updateTable("broadcasts")
      .set({ status: "sending" })
      .where("id", "in", started)
      .where("status", "=", "pending")
      .execute();
  }
  return rows;
}

/** A delivery's outcome, as the sender records it. */
export type DeliveryOutcome =
  | { id: number; status: "sent"; messageId: number; at: Date }
  | { id: number; status: "retry"; nextAttemptAt: Date; error: string; countAttempt: boolean }
  | { id: number; status: "failed" | "blocked"; error: string };

/** Records many outcomes in one statement per kind (the sender flushes them every fraction of a second). */
export async function recordOutcomes(db: Db, outcomes: readonly DeliveryOutcome[]): Promise<void> {
  const sent = outcomes.filter((o) => o.status === "sent");
  const retry = outcomes.filter((o) => o.status === "retry");
  const final = outcomes.filter(
    (o): o is Extract<DeliveryOutcome, { status: "failed" | "blocked" }> =>
      o.status === "failed" || o.status === "blocked",
  );
  // jsonb_to_recordset: one parameter carries the whole batch, the same way on PostgreSQL and PGlite.
  if (sent.length > 0) {
    const rows = JSON.stringify(sent.map((o) => ({ id: o.id, mid: o.messageId, at: o.at.toISOString() })));
    await sql`
      update broadcast_deliveries d
      set status = 'sent', telegram_message_id = v.mid, sent_at = v.at, lease_until = null, error = null
      from jsonb_to_recordset(${rows}::jsonb) as v(id bigint, mid bigint, at timestamptz)
      where d.id = v.id`.execute(db);
  }
  if (retry.length > 0) {
    const rows = JSON.stringify(
      retry.map((o) => ({
        id: o.id,
        at: o.nextAttemptAt.toISOString(),
        error: o.error,
        undo: o.countAttempt ? 0 : 1,
      })),
    );
    await sql`
      update broadcast_deliveries d
      set next_attempt_at = v.at, error = v.error, lease_until = null, attempts = d.attempts - v.undo
      from jsonb_to_recordset(${rows}::jsonb) as v(id bigint, at timestamptz, error text, undo int)
      where d.id = v.id`.execute(db);
  }
  if (final.length > 0) {
    const rows = JSON.stringify(final.map((o) => ({ id: o.id, status: o.status, error: o.error })));
    await sql`
      update broadcast_deliveries d
      set status = v.status, error = v.error, lease_until = null
      from jsonb_to_recordset(${rows}::jsonb) as v(id bigint, status text, error text)
      where d.id = v.id`.execute(db);
    const blocked = final.filter((o) => o.status === "blocked").map((o) => o.id);
    if (blocked.length > 0) {
      // Nobody to reach there any more: later broadcasts leave them out until they write to the bot again.
      await db
        .updateTable("users")
        .set({ active: false, updated_at: new Date() })
        .where("id", "in", (eb) =>
          eb.selectFrom("broadcast_deliveries").select("user_id").where("id", "in", blocked),
        )
        .execute();
    }
  }
}

/** Leases of a sender that is gone: the new sender takes their deliveries back at once. */
export async function releaseAllLeases(db: Db): Promise<number> {
  const result = await db
    .updateTable("broadcast_deliveries")
    .set({ lease_until: null })
    .where("status", "=", "pending")
    .where("lease_until", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks broadcasts with nothing left pending as done; returns those that just finished. */
export function finishCompletedBroadcasts(db: Db, now: Date) {
  return db
    .updateTable("broadcasts as b")
    .set({ status: "done", finished_at: now })
    .where("b.status", "in", ["pending", "sending"])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("broadcast_deliveries as d")
            .select(sql.lit(1).as("one"))
            .whereRef("d.broadcast_id", "=", "b.id")
            .where("d.status", "=", "pending"),
        ),
      ),
    )
    .returning(["b.id", "b.kind", "b.campaign_id", "b.created_by", "b.payload"])
    .execute();
}

export interface BroadcastProgress {
  id: number;
  kind: BroadcastKind;
  campaign_id: number | null;
  campaign_title: string | null;
  status: "pending" | "sending" | "done" | "cancelled";
  created_at: Date;
  total: number;
  sent: number;
  pending: number;
  failed: number;
  blocked: number;
}

/** Progress of the most recent broadcasts (or of the given ones), counted by delivery status. */
export async function broadcastProgress(
  db: Db,
  options: { ids?: number[]; limit?: number } = {},
): Promise<BroadcastProgress[]> {
  // A broadcast compacted by housekeeping keeps its counts on its own row; the others are counted.
  const count = <S extends "sent" | "pending" | "failed" | "blocked">(status: S) =>
    sql<number>`coalesce((b.counts->>${status})::int, count(*) filter (where d.status = ${status})::int)`.as(
      status,
    );
  let query = db
    .selectFrom("broadcasts as b")
    .leftJoin("campaigns as c", "c.id", "b.campaign_id")
    .leftJoin("broadcast_deliveries as d", "d.broadcast_id", "b.id")
    .select([
      "b.id",
      "b.kind",
      "b.campaign_id",
      "c.title as campaign_title",
      "b.status",
      "b.created_at",
      "b.total",
      count("sent"),
      count("pending"),
      count("failed"),
      count("blocked"),
    ])
    .groupBy(["b.id", "c.title"])
    .orderBy("b.id", "desc")
    .limit(options.limit ?? 10);
  if (options.ids) query = query.where("b.id", "in", options.ids.length > 0 ? options.ids : [-1]);
  else query = query.where("b.kind", "not in", NOTICE_KINDS);
  return query.execute();
}

export function findBroadcast(db: Db, id: number) {
  return db.selectFrom("broadcasts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markSummarySent(db: Db, id: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("broadcasts")
    .set({ summary_sent_at: now })
    .where("id", "=", id)
    .where("summary_sent_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Reminds the council members of a campaign who still have submissions to score, one message each (the variant
 * is unused; the count is read when sending). Undefined when the key was taken.
 */
export async function enqueueReviewReminder(
  db: Db,
  campaign: Pick<Campaign, "id" | "created_by">,
  dedupeKey: string,
  payload: Record<string, unknown>,
): Promise<{ broadcastId: number; total: number } | undefined> {
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("broadcasts")
      .values({
        campaign_id: campaign.id,
        kind: "review-reminder",
        dedupe_key: dedupeKey,
        payload: JSON.stringify(payload),
        created_by: campaign.created_by,
      })
      .onConflict((oc) => oc.column("dedupe_key").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!created) return undefined;
    const inserted = await trx
      .insertInto("broadcast_deliveries")
      .columns(["broadcast_id", "user_id", "chat_id"])
      .expression((eb) =>
        eb
          .selectFrom("review_assignments as a")
          .innerJoin("submissions as s", "s.id", "a.submission_id")
          .innerJoin("users as u", "u.id", "a.reviewer_id")
          .select([sql.lit(created.id).as("broadcast_id"), "u.id", "u.telegram_id"])
          .distinct()
          .where("s.campaign_id", "=", campaign.id)
          .where("a.status", "=", "assigned")
          .where("u.active", "=", true),
      )
      .executeTakeFirst();
    const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
    await trx.updateTable("broadcasts").set({ total }).where("id", "=", created.id).execute();
    return { broadcastId: created.id, total };
  });
}

/** What a unit head is told of a new submission from their unit (written when it is submitted). */
export interface SubmissionNotice {
  submissionId: number;
  code: string;
  kind: string;
  title: string;
  submitter: string;
  /** Sent again after the head returned it: the author has completed it as asked. */
  resubmission?: boolean;
}

/**
 * Tells the heads of a submission's unit (not the submitter) that it arrived, through the durable queue, in the
 * transaction that submits it: the notice goes out even if the process dies right after, and once. Its first
 * attempt is due at the epoch, so it goes ahead of any bulk broadcast in the queue.
 */
export async function enqueueSubmissionNotice(
  db: Db,
  submissionId: number,
  dedupeKey: string,
  payload: SubmissionNotice,
): Promise<number> {
  return enqueueToRecipients(
    db,
    "new-submission",
    dedupeKey,
    payload,
    sql`select u.id, u.telegram_id
        from submissions s
        join user_roles r on r.unit_id = s.unit_id and r.role = 'unit_head'
        join users u on u.id = r.user_id
        where s.id = ${submissionId} and u.active and u.id <> s.submitter_id`,
  );
}

/**
 * A notice to the people `recipients` selects (id, telegram_id), in one statement: the broadcast with their count
 * and a delivery for each, due at the epoch so it goes ahead of any bulk broadcast. A dedupe key seen before inserts
 * nothing at all. Returns the number of recipients (0 when the key was taken).
 */
async function enqueueToRecipients(
  db: Db,
  kind: BroadcastKind,
  dedupeKey: string,
  payload: object,
  recipients: RawBuilder<unknown>,
): Promise<number> {
  const { rows } = await sql<{ total: number }>`
    with recipients as (${recipients}), created as (
      insert into broadcasts (kind, dedupe_key, payload, total)
      select ${kind}, ${dedupeKey}, ${JSON.stringify(payload)}::jsonb, count(*) from recipients
      on conflict (dedupe_key) do nothing
      returning id, total
    ), deliveries as (
      insert into broadcast_deliveries (broadcast_id, user_id, chat_id, next_attempt_at)
      select created.id, recipients.id, recipients.telegram_id, 'epoch'::timestamptz
      from created cross join recipients
    )
    select total from created`.execute(db);
  return Number(rows[0]?.total ?? 0);
}

/** What an author is told when a unit applies their initiative. */
export interface AppliedNotice {
  submissionId: number;
  code: string;
  title: string;
  unit: string;
  startedOn: string;
}

/**
 * Tells the authors of a submission who use the bot (the submitter, co-authors with an account) that a unit
 * applies it, through the durable queue, in the transaction that records the application: once per dedupe key.
 */
export async function enqueueAppliedNotice(
  db: Db,
  dedupeKey: string,
  payload: AppliedNotice,
): Promise<number> {
  return enqueueToRecipients(
    db,
    "initiative-applied",
    dedupeKey,
    payload,
    sql`select distinct u.id, u.telegram_id
        from submissions s
        join submission_authors a on a.submission_id = s.id
        join users u on u.id = a.user_id or u.id = s.submitter_id
        where s.id = ${payload.submissionId} and u.active`,
  );
}

export async function giveBackDeliveries(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("broadcast_deliveries")
    .set((eb) => ({ lease_until: null, attempts: eb("attempts", "-", 1) }))
    .where("id", "in", ids)
    .execute();
}

/** The broadcasts (and their campaigns) of a claimed batch, by broadcast id, for rendering. */
export async function loadBroadcasts(db: Db, batch: readonly { broadcast_id: number }[]) {
  const ids = [...new Set(batch.map((d) => d.broadcast_id))];
  const broadcasts = await db
    .selectFrom("broadcasts")
    .select(["id", "kind", "payload", "created_by", "campaign_id"])
    .where("id", "in", ids)
    .execute();
  const campaignIds = broadcasts.map((b) => b.campaign_id).filter((id): id is number => id !== null);
  const campaigns =
    campaignIds.length > 0
      ? await db.selectFrom("campaigns").selectAll().where("id", "in", campaignIds).execute()
      : [];
  return new Map(
    broadcasts.map((b) => [b.id, { broadcast: b, campaign: campaigns.find((c) => c.id === b.campaign_id) }]),
  );
}

/** A session-level advisory lock on one connection: held until unlocked or the connection drops. */
export async function tryAdvisoryLock(conn: Db, key: string): Promise<boolean> {
  const got = await sql<{
    ok: boolean;
  }>`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as ok`.execute(conn);
  return got.rows[0]?.ok === true;
}

export async function advisoryUnlock(conn: Db, key: string): Promise<void> {
  await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(conn);
}

/** Whether the connection (and so a lock it holds) is still there. */
export async function connectionAlive(conn: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(conn);
    return true;
  } catch {
    return false;
  }
}

/**
 * Broadcasts finished before `before`: their counts are written on the broadcast row and their per-recipient rows
 * deleted. Returns how many delivery rows went.
 */
export async function compactFinishedBroadcasts(db: Db, before: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom("broadcasts")
      .select("id")
      .where("status", "in", ["done", "cancelled"])
      .where("finished_at", "<", before)
      .where("counts", "is", null)
      .execute();
    if (old.length === 0) return 0;
    const ids = old.map((b) => b.id);
    await sql`update broadcasts b set counts = (
        select jsonb_build_object(
          'sent', count(*) filter (where d.status = 'sent'), 'pending', count(*) filter (where d.status = 'pending'),
          'failed', count(*) filter (where d.status = 'failed'), 'blocked', count(*) filter (where d.status = 'blocked'))
        from broadcast_deliveries d where d.broadcast_id = b.id)
      where b.id in (${sql.join(ids)})`.execute(trx);
    const deleted = await trx
      .deleteFrom("broadcast_deliveries")
      .where("broadcast_id", "in", ids)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}

/** One submission's outcome as its submitter is told it. */
export interface DecisionNoticeItem {
  code: string;
  title: string;
  kind: string;
  outcome: "unit" | "province" | "nation" | "refuse";
  reasons: string | null;
}

/** What every submitter of a batch decision is told: the decision, and their own submissions' outcomes by user id. */
export interface DecisionNotice {
  decisionId: number;
  number: string;
  date: string;
  items: Record<string, DecisionNoticeItem[]>;
}

/**
 * One message for each submitter of a batch decision (listing all their submissions in it), through the durable
 * queue, in the transaction that applies the decision: sent at the queue's pace, in each one's language, and
 * listed in /broadcasts. Undefined when the key was taken.
 */
export async function enqueueDecisionBroadcast(
  db: Db,
  b: { campaignId: number; createdBy: number; dedupeKey: string; notice: DecisionNotice },
): Promise<{ broadcastId: number; total: number } | undefined> {
  const created = await db
    .insertInto("broadcasts")
    .values({
      campaign_id: b.campaignId,
      kind: "decision",
      dedupe_key: b.dedupeKey,
      payload: JSON.stringify(b.notice),
      created_by: b.createdBy,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!created) return undefined;
  const userIds = Object.keys(b.notice.items).map(Number);
  const inserted = await db
    .insertInto("broadcast_deliveries")
    .columns(["broadcast_id", "user_id", "chat_id"])
    .expression((eb) =>
      eb
        .selectFrom("users as u")
        .select([sql.lit(created.id).as("broadcast_id"), "u.id", "u.telegram_id"])
        .where("u.id", "=", sql<number>`any(${sql.val(userIds)}::bigint[])`)
        // As every other queue: not to someone who blocked the bot or was erased (an erased person's telegram_id
        // is a negative placeholder, which Telegram would read as a group's chat id).
        .where("u.active", "=", true),
    )
    .executeTakeFirst();
  const total = Number(inserted.numInsertedOrUpdatedRows ?? 0);
  await db.updateTable("broadcasts").set({ total }).where("id", "=", created.id).execute();
  return { broadcastId: created.id, total };
}
