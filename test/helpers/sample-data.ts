import { type Kysely, sql } from "kysely";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/types.js";
import { createServices } from "../../src/services.js";
import { admin, campaignInput, seedUnits, teacher } from "./campaign-fixtures.js";
import { fillInitiative } from "./initiative-answers.js";

const NOW = new Date("2026-11-23T03:00:00Z");

export const SAMPLE_TEACHERS = [7101, 7102, 7103, 7104];

/**
 * A small department's data made through the services, touching every kind of row a backup or a move must carry:
 * units, an administrator (audited role grants), a unit head, teachers, a campaign with its announcement queued,
 * initiatives with co-authors (authors, events, codes, counters), one endorsed and recognised under a decision, one
 * returned with a note, and an open draft (users.active_draft_id points back at submissions: a cycle of keys).
 */
export async function makeSampleData(db: Kysely<Database>): Promise<void> {
  const services = createServices(db, loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }));
  const { u1, u2 } = await seedUnits(db);
  const adminId = await admin(db, 7900);
  const headId = await teacher(db, 7200, u1);
  await services.roles.grant(adminId, 7200, "unit_head", "U1");

  const ids: number[] = [];
  for (const [i, telegramId] of SAMPLE_TEACHERS.entries()) {
    const userId = await teacher(db, telegramId, i % 2 === 0 ? u1 : u2, i === 1 ? "en" : null);
    const draft = await services.submissions.startDraft(userId, "initiative", NOW);
    await fillInitiative(services.submissions, userId, draft.id, `Sáng kiến số ${i + 1} của ${telegramId}`);
    await services.submissions.submit(userId, draft.id, NOW);
    ids.push(draft.id);
  }
  const [first, , third] = ids as [number, number, number, number];
  await services.endorsement.endorse(headId, first);
  await services.decisions.recognise(
    adminId,
    first,
    { scope: "province", number: "123/QĐ-SGDĐT", date: "2026-11-20" },
    NOW,
  );
  await services.endorsement.returnForRevision(headId, third, "Bổ sung minh chứng <b>áp dụng</b>");
  // An open draft: its teacher is in the middle of the form.
  const writerId = await teacher(db, 7300, u1);
  const draft = await services.submissions.startDraft(writerId, "initiative", NOW);
  await services.submissions.answer(writerId, draft.id, "title", "Bản nháp dở dang", NOW);
  await db.updateTable("users").set({ active_draft_id: draft.id }).where("id", "=", writerId).execute();
  // Last: an open campaign makes a new draft ask for its campaign first.
  await services.campaigns.create(adminId, campaignInput(NOW), NOW);
}

/** Every application table with its row count (the migrator's own tables left out). */
export async function tableCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_%' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of rows)
    counts[name] = Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)).rows[0]?.n,
    );
  return counts;
}

/**
 * A table's rows as PostgreSQL prints them (one text per row, in key order; times in UTC whatever the server's
 * zone), to compare two databases exactly.
 */
export async function tableText(db: Kysely<Database>, table: string): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const { rows } = await sql<{ row: string }>`
      select t::text as row from ${sql.table(table)} as t order by 1`.execute(trx);
    return rows.map((r) => r.row);
  });
}
