import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createServices } from "../../src/services.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { LABELS } from "../helpers/appendix-labels.js";
import { admin, campaignInput, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date();
const ROLES = [
  "teacher",
  "head of the unit",
  "head of another unit",
  "reviewer",
  "another reviewer",
  "admin",
] as const;
type Who = (typeof ROLES)[number];
const ADMIN_ONLY: Who[] = ["admin"];
const OWN_HEAD: Who[] = ["head of the unit"];
const ANY_HEAD: Who[] = ["head of the unit", "head of another unit"];
const OWN_REVIEWER: Who[] = ["reviewer"];
const ANY_REVIEWER: Who[] = ["reviewer", "another reviewer"];

/**
 * Every privileged service call × every role: allowed or refused with ForbiddenError, checked in the service on
 * each call whatever the bot showed. Ids are those of the submitter's unit, so a head of another unit pressing a
 * button that names them is the forged-callback case.
 */
describe.each(DIALECTS)("authorization matrix (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("allows each privileged action to exactly the roles that own it", async () => {
    const services = createServices(
      t.db,
      loadConfig({ BOT_TOKEN: "123456789:AAbbCCddEEffGGhhIIjjKKllMMnn" }),
    );
    const units = await seedUnits(t.db);
    const actors: Record<Who, number> = {
      teacher: await teacher(t.db, 501, units.u1),
      "head of the unit": await teacher(t.db, 502, units.u1),
      "head of another unit": await teacher(t.db, 503, units.u2),
      reviewer: await teacher(t.db, 504, units.u3),
      "another reviewer": await teacher(t.db, 505, units.u3),
      admin: await admin(t.db, 900),
    };
    await services.roles.grant(actors.admin, 502, "unit_head", "U1");
    await services.roles.grant(actors.admin, 503, "unit_head", "U2");
    await services.roles.grant(actors.admin, 504, "reviewer");
    await services.roles.grant(actors.admin, 505, "reviewer");
    const campaign = await services.campaigns.create(actors.admin, campaignInput(NOW), NOW);
    const submission = (status: "submitted" | "endorsed") =>
      t.db
        .insertInto("submissions")
        .values({
          kind: "initiative",
          status,
          submitter_id: actors.teacher,
          unit_id: units.u1,
          code: `X-${Math.random()}`,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    // A submission under review, assigned to "reviewer": "another reviewer" naming it is the forged case.
    const assignment = async () => {
      const submissionId = await submission("endorsed");
      await t.db
        .updateTable("submissions")
        .set({ status: "under_review", campaign_id: campaign.id })
        .where("id", "=", submissionId)
        .execute();
      return t.db
        .insertInto("review_assignments")
        .values({ submission_id: submissionId, reviewer_id: actors.reviewer })
        .returning("id")
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    };
    // On the rubric "set the rubric" gives the campaign.
    const score = { scores: { c1: 8 }, comment: "" };
    const dir = await mkdtemp(join(tmpdir(), "matrix-"));

    const actions: [string, Who[], (actor: number) => Promise<unknown>][] = [
      ["create a campaign", ADMIN_ONLY, (a) => services.campaigns.create(a, campaignInput(NOW), NOW)],
      ["list campaigns", ADMIN_ONLY, (a) => services.campaigns.list(a)],
      ["open a campaign", ADMIN_ONLY, (a) => services.campaigns.get(a, campaign.id)],
      ["edit a campaign", ADMIN_ONLY, (a) => services.campaigns.edit(a, campaign.id, { title: "T" }, NOW)],
      [
        "skip endorsement",
        ADMIN_ONLY,
        (a) => services.campaigns.setRequiresEndorsement(a, campaign.id, true),
      ],
      [
        "extend a deadline",
        ADMIN_ONLY,
        (a) =>
          services.campaigns.extendDeadline(
            a,
            campaign.id,
            new Date(NOW.getTime() + 30 * 86_400_000 + a),
            NOW,
          ),
      ],
      ["see broadcasts", ADMIN_ONLY, (a) => services.broadcasts.progress(a)],
      ["list roles", ADMIN_ONLY, (a) => services.roles.holders(a)],
      ["find people", ADMIN_ONLY, (a) => services.roles.findPeople(a, "giao vien")],
      ["grant a role", ADMIN_ONLY, (a) => services.roles.grant(a, 501, "reviewer")],
      ["revoke a role", ADMIN_ONLY, (a) => services.roles.revoke(a, 501, "reviewer")],
      ["see the endorsement queue", ANY_HEAD, (a) => services.endorsement.queue(a)],
      [
        "open a submission to endorse",
        OWN_HEAD,
        async (a) => services.endorsement.open(a, await submission("submitted")),
      ],
      ["endorse", OWN_HEAD, async (a) => services.endorsement.endorse(a, await submission("submitted"))],
      [
        "return",
        OWN_HEAD,
        async (a) => services.endorsement.returnForRevision(a, await submission("submitted"), "Sửa"),
      ],
      ["see the decision queue", ADMIN_ONLY, (a) => services.decisions.queue(a)],
      [
        "open a submission to decide",
        ADMIN_ONLY,
        async (a) => services.decisions.open(a, await submission("endorsed")),
      ],
      [
        "recognise",
        ADMIN_ONLY,
        async (a) =>
          services.decisions.recognise(
            a,
            await submission("endorsed"),
            { scope: "unit", number: "1/QĐ", date: "2026-12-01" },
            NOW,
          ),
      ],
      [
        "refuse",
        ADMIN_ONLY,
        async (a) => services.decisions.refuse(a, await submission("endorsed"), "Lý do", NOW),
      ],
      ["list campaigns for a batch decision", ADMIN_ONLY, (a) => services.batchDecisions.campaigns(a)],
      [
        "draw up a batch decision",
        ADMIN_ONLY,
        async (a) => {
          await submission("endorsed");
          return services.batchDecisions.start(a, campaign.id, {
            number: `${a}/QĐ`,
            date: "2026-12-01",
            signer: "Nguyễn Văn An",
          });
        },
      ],
      ["see statistics", ADMIN_ONLY, (a) => services.stats.compute(a, { schoolYear: "2026-2027" })],
      [
        "export the appendix",
        ADMIN_ONLY,
        (a) =>
          services.exports.writeAppendix(
            a,
            { schoolYear: "2026-2027" },
            { xlsx: join(dir, `${a}.xlsx`), csv: join(dir, `${a}.csv`) },
            LABELS,
          ),
      ],
      ["name the council", ADMIN_ONLY, (a) => services.council.setReviewers(a, campaign.id, [504, 505])],
      ["assign reviewers", ADMIN_ONLY, (a) => services.council.assign(a, campaign.id)],
      [
        "set the review deadline",
        ADMIN_ONLY,
        (a) => services.council.setReviewDeadline(a, campaign.id, new Date(NOW.getTime() + 86_400_000), NOW),
      ],
      ["see the rubric", ADMIN_ONLY, (a) => services.council.rubrics(a, campaign.id)],
      [
        "set the rubric",
        ADMIN_ONLY,
        (a) =>
          services.council.setRubric(
            a,
            campaign.id,
            "initiative",
            [{ key: "c1", weight: 1, name: "A" }],
            NOW,
          ),
      ],
      ["see the review queue", ANY_REVIEWER, (a) => services.council.queue(a)],
      ["open an assignment", OWN_REVIEWER, async (a) => services.council.open(a, await assignment())],
      [
        "score an assignment",
        OWN_REVIEWER,
        async (a) =>
          services.council.score(a, await assignment(), { ...score, recommendation: "refuse" }, NOW),
      ],
      [
        "declare a conflict",
        OWN_REVIEWER,
        async (a) => services.council.declareConflict(a, await assignment()),
      ],
      [
        "read an overlap report",
        ["reviewer", "admin"],
        async (a) => {
          const { submission_id } = await t.db
            .selectFrom("review_assignments")
            .select("submission_id")
            .where("id", "=", await assignment())
            .executeTakeFirstOrThrow();
          return services.screening.report(a, submission_id);
        },
      ],
      ["close a campaign", ADMIN_ONLY, (a) => services.campaigns.close(a, campaign.id, NOW)],
      ["list the decisions", ADMIN_ONLY, (a) => services.documents.list(a, 0)],
      [
        "get a decision's .docx",
        ADMIN_ONLY,
        async (a) => services.documents.decisionDocx(a, await decision()),
      ],
      [
        "get a decision's list as XLSX",
        ADMIN_ONLY,
        async (a) => services.documents.decisionXlsx(a, await decision(), join(dir, `${a}-decision.xlsx`)),
      ],
      [
        "get all certificates of a decision",
        ADMIN_ONLY,
        async (a) => services.certificates.forDecision(a, await decision()),
      ],
      [
        "revoke a decision",
        ADMIN_ONLY,
        async (a) => services.documents.revoke(a, await decision(), "Lý do", NOW),
      ],
    ];

    let decisions = 0;
    const decision = async () =>
      (
        await t.db
          .insertInto("decisions")
          .values({ number: `${++decisions}/QĐ-SGDĐT`, decided_on: "2026-12-01", created_by: actors.admin })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const outcome = async (call: () => Promise<unknown>) => {
      try {
        await call();
        return "allowed";
      } catch (error) {
        if (error instanceof ForbiddenError) return "refused";
        throw error;
      }
    };
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [name, allowed, call] of actions)
      for (const who of ROLES) {
        seen.push(`${name} × ${who}: ${await outcome(() => call(actors[who]))}`);
        expected.push(`${name} × ${who}: ${allowed.includes(who) ? "allowed" : "refused"}`);
      }
    await rm(dir, { recursive: true, force: true });
    expect(seen).toEqual(expected);
  });
});
