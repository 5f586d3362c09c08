import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import * as rubricPerKind from "../../migrations/20261124_0006_rubric_per_kind.js";
import { createDatabase } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { createTestDatabase, DIALECTS, hasPostgres } from "../helpers/test-database.js";

const MIGRATIONS = [
  "20261123_0001_core_schema",
  "20261123_0002_submission_search",
  "20261123_0003_campaign_broadcasts",
  "20261124_0004_decisions",
  "20261124_0005_council_review",
  "20261124_0006_rubric_per_kind",
  "20261125_0007_update_inbox",
  "20261125_0008_decision_only_when_decided",
  "20261125_0009_similar_title_knn",
  "20261125_0010_broadcast_counts",
  "20261206_0011_inbox_claim_order",
  "20261206_0012_decisions",
  "20261206_0013_batch_decisions",
  "20261206_0014_certificates",
  "20261206_0015_library",
  "20261206_0016_copy_screening",
  "20261206_0017_library_without_revoked",
];

const CORE_TABLES = [
  "attachments",
  "audit_log",
  "broadcast_deliveries",
  "broadcasts",
  "campaign_reviewers",
  "campaigns",
  "certificates",
  "conversation_state",
  "cron_fires",
  "decision_draft_items",
  "decision_drafts",
  "decisions",
  "initiative_applications",
  "library_documents",
  "library_searches",
  "review_assignments",
  "screening_documents",
  "screening_fingerprints",
  "screening_jobs",
  "screening_reports",
  "submission_authors",
  "submission_counters",
  "submission_events",
  "submissions",
  "units",
  "update_inbox",
  "user_roles",
  "users",
  "verification_attempts",
];

describe.each(DIALECTS)("migrations (%s)", (dialect) => {
  it("create the core schema once; a second run applies nothing", async () => {
    const t = await createTestDatabase(dialect, { migrate: false });
    try {
      expect(await migrateToLatest(t.db)).toEqual(MIGRATIONS);
      expect(await migrateToLatest(t.db)).toEqual([]);
      const tables = await t.db.introspection.getTables();
      expect(tables.map((x) => x.name).sort()).toEqual(CORE_TABLES);
    } finally {
      await t.close();
    }
  });

  it("enforce the rules the schema owns: one user per Telegram id, known statuses, shares within 0-100", async () => {
    const t = await createTestDatabase(dialect);
    try {
      const user = await t.db
        .insertInto("users")
        .values({ telegram_id: 1 })
        .returning("id")
        .executeTakeFirstOrThrow();
      await expect(t.db.insertInto("users").values({ telegram_id: 1 }).execute()).rejects.toThrow();
      await expect(
        sql`insert into submissions (kind, status, submitter_id) values ('initiative', 'lost', ${user.id})`.execute(
          t.db,
        ),
      ).rejects.toThrow();
      const s = await t.db
        .insertInto("submissions")
        .values({ kind: "nomination", submitter_id: user.id })
        .returning(["id", "status"])
        .executeTakeFirstOrThrow();
      expect(s.status).toBe("draft");
      await expect(
        t.db
          .insertInto("submission_authors")
          .values({ submission_id: s.id, position: 1, full_name: "A", share: 120 })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await t.close();
    }
  });
});

describe.each(DIALECTS)("the rubric-per-kind migration (%s)", (dialect) => {
  it("gives a campaign's single rubric to each kind, and back", async () => {
    const t = await createTestDatabase(dialect);
    try {
      const rubric = [{ key: "novelty", weight: 2 }];
      const { rows } = await sql<{ id: number }>`insert into campaigns
        (title, school_year, accepts_initiatives, accepts_nominations, opens_at, deadline_at, rubric)
        values ('C', '2026-2027', true, true, now(), now() + interval '1 day', ${JSON.stringify(rubric)}::jsonb) returning id`.execute(
        t.db,
      );
      const read = async () =>
        (
          await t.db
            .selectFrom("campaigns")
            .select("rubric")
            .where("id", "=", rows[0]?.id as number)
            .executeTakeFirst()
        )?.rubric;
      await rubricPerKind.up(t.db);
      expect(await read()).toEqual({ initiative: rubric, nomination: rubric });
      await rubricPerKind.up(t.db);
      expect(await read()).toEqual({ initiative: rubric, nomination: rubric });
      await rubricPerKind.down(t.db);
      expect(await read()).toEqual(rubric);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(hasPostgres)("migrations on a shared PostgreSQL server", () => {
  it("two instances starting together migrate once (Kysely's migration lock)", async () => {
    const t = await createTestDatabase("postgres", { migrate: false });
    const other = await createDatabase({ kind: "postgres", url: t.url as string });
    try {
      const [a, b] = await Promise.all([migrateToLatest(t.db), migrateToLatest(other.db)]);
      expect([...a, ...b]).toEqual(MIGRATIONS);
    } finally {
      await other.close();
      await t.close();
    }
  });
});
