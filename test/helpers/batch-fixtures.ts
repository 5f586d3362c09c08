import { Api } from "grammy";
import type { Kysely } from "kysely";
import { campaignMessageRenderer } from "../../src/bot/broadcast-messages.js";
import { startBroadcastSender } from "../../src/broadcasts/broadcast-sender.js";
import type { Database, Recommendation } from "../../src/db/types.js";
import { createLogger } from "../../src/logger.js";
import type { CouncilService } from "../../src/review/council.service.js";
import { admin, insertOpenCampaign, seedUnits } from "./campaign-fixtures.js";
import { FAKE_BOT, type FakeTelegramApi } from "./fake-telegram-api.js";
import type { InProcessBot } from "./in-process-bot.js";
import type { TestDatabase } from "./test-database.js";

/**
 * The council scores its queues through the service: the members (by telegram id) are named for the campaign and
 * given its submissions evenly, then each scores every submission in their queue with `verdict` of its code's number
 * (SK-2026-00001 -> 0), the same score on every criterion. Returns how many submissions were assigned.
 */
export async function councilScoresCampaign(
  db: Kysely<Database>,
  council: CouncilService,
  { adminId, campaignId, members }: { adminId: number; campaignId: number; members: number[] },
  verdict: (i: number) => { score: number; recommendation: Recommendation },
): Promise<number> {
  await council.setReviewers(adminId, campaignId, members);
  const assigned = await council.assign(adminId, campaignId);
  const reviewers = await db.selectFrom("users").select("id").where("telegram_id", "in", members).execute();
  for (const { id: reviewerId } of reviewers)
    for (const a of await council.queue(reviewerId)) {
      const { score, recommendation } = verdict(Number(a.code?.slice(-5)) - 1);
      await council.score(
        reviewerId,
        a.id,
        {
          scores: { novelty: score, effectiveness: score, applicability: score, scientific: score },
          comment: "",
          recommendation,
        },
        new Date(),
      );
    }
  return assigned;
}

/** Two council members' totals and recommendations for one submission. */
export type Reviews = [number, Recommendation][];

/**
 * A campaign with `reviews.length` submissions under review (codes SK-2026-00001…, one submitter each, telegram
 * ids from 50_001), each scored by the given council members, and an administrator (telegram id 900): the ground
 * of the batch decision tests and benchmark, written straight into the database in a few statements.
 */
export async function seedScoredCampaign(db: Kysely<Database>, reviews: Reviews[]) {
  const units = await seedUnits(db);
  const adminId = await admin(db, 900);
  const campaignId = await insertOpenCampaign(db);
  const members = await db
    .insertInto("users")
    .values([1, 2, 3].map((n) => ({ telegram_id: 800 + n, full_name: `Thành viên ${n}`, unit_id: units.u3 })))
    .returning("id")
    .execute();
  const submitters: number[] = [];
  const submissions: number[] = [];
  for (let i = 0; i < reviews.length; i += 2000) {
    const slice = reviews.slice(i, i + 2000);
    const people = await db
      .insertInto("users")
      .values(
        slice.map((_, j) => ({
          telegram_id: 50_001 + i + j,
          full_name: `Tác giả ${i + j + 1}`,
          unit_id: (i + j) % 2 === 0 ? units.u1 : units.u2,
          locale: (i + j) % 5 === 0 ? "en" : null,
        })),
      )
      .returning("id")
      .execute();
    submitters.push(...people.map((p) => p.id));
    const rows = await db
      .insertInto("submissions")
      .values(
        people.map((p, j) => ({
          code: `SK-2026-${String(i + j + 1).padStart(5, "0")}`,
          kind: "initiative" as const,
          status: "under_review" as const,
          campaign_id: campaignId,
          submitter_id: p.id,
          unit_id: (i + j) % 2 === 0 ? units.u1 : units.u2,
          title: `Sáng kiến số ${i + j + 1} <về dạy & học>`,
          school_year: "2026-2027",
          submitted_at: new Date(),
        })),
      )
      .returning("id")
      .execute();
    submissions.push(...rows.map((r) => r.id));
    const assignments = slice.flatMap((given, j) =>
      given.map(([total, recommendation], m) => ({
        submission_id: rows[j]?.id as number,
        reviewer_id: members[m]?.id as number,
        status: "scored" as const,
        total,
        recommendation,
        scores: JSON.stringify({ novelty: total }),
        scored_at: new Date(),
      })),
    );
    if (assignments.length > 0) await db.insertInto("review_assignments").values(assignments).execute();
  }
  return { units, adminId, campaignId, submitters, submissions };
}

/**
 * Runs the broadcast queue's real sender (the bot's own renderer, a fake Bot API) until the decision's notices are
 * all sent, then stops it.
 */
export async function sendDecisionNotices(
  t: TestDatabase,
  bot: InProcessBot,
  telegram: FakeTelegramApi,
): Promise<void> {
  const sender = startBroadcastSender(
    {
      db: t.db,
      dialect: t.dialect,
      api: new Api("123:TEST-token-for-the-fake-bot-api", { apiRoot: telegram.apiRoot }),
      logger: createLogger("silent"),
      botId: FAKE_BOT.id,
      render: campaignMessageRenderer(bot.bot.i18n, "Asia/Ho_Chi_Minh", "vi"),
    },
    { rate: 200, paid: true, idleMs: 50, lockRetryMs: 100 },
  );
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const b = await t.db.selectFrom("broadcasts").select("status").where("kind", "=", "decision").execute();
      if (b.length === 1 && b[0]?.status === "done") return;
      if (Date.now() > deadline) throw new Error("the decision's messages were not all sent");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await sender.stop();
  }
}
