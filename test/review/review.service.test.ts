import { beforeEach, describe, expect, it } from "vitest";
import { DecisionService } from "../../src/review/decision.service.js";
import { EndorsementService } from "../../src/review/endorsement.service.js";
import { OwnSubmissionError } from "../../src/review/review-errors.js";
import { SubmissionNotFoundError } from "../../src/submissions/errors.js";
import { SubmissionsService } from "../../src/submissions/submissions.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { RolesService, UnitRequiredError } from "../../src/users/roles.service.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-12-01T03:00:00Z");

describe.each(DIALECTS)("endorsement and decisions (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  async function world() {
    const units = await seedUnits(t.db);
    const ids = {
      author: await teacher(t.db, 201, units.u1),
      head1: await teacher(t.db, 202, units.u1),
      head2: await teacher(t.db, 203, units.u2),
      other: await teacher(t.db, 204, units.u1),
      admin: await admin(t.db, 900),
    };
    const roles = new RolesService(t.db);
    await roles.grant(ids.admin, 202, "unit_head", "U1");
    await roles.grant(ids.admin, 203, "unit_head", "U2");
    const submit = (code: string, status: "submitted" | "endorsed" = "submitted") =>
      t.db
        .insertInto("submissions")
        .values({
          kind: "initiative",
          status,
          code,
          title: `Sáng kiến ${code}`,
          submitter_id: ids.author,
          unit_id: units.u1,
          submitted_at: NOW,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    return {
      ids,
      units,
      roles,
      submit,
      endorsement: new EndorsementService(t.db),
      decisions: new DecisionService(t.db),
    };
  }

  it("lets only the head of the submission's unit endorse or return it, once", async () => {
    const { ids, submit, endorsement } = await world();
    const a = await submit("SK-2026-00001");
    const b = await submit("SK-2026-00002");
    for (const who of [ids.author, ids.other, ids.head2, ids.admin])
      await expect(endorsement.endorse(who, a)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(endorsement.queue(ids.author)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await endorsement.queue(ids.head1)).map((s) => s.code)).toEqual([
      "SK-2026-00001",
      "SK-2026-00002",
    ]);
    expect(await endorsement.queue(ids.head2)).toEqual([]);

    const done = await endorsement.endorse(ids.head1, a);
    expect(done.submitter?.telegram_id).toBe(201);
    await expect(endorsement.endorse(ids.head1, a)).rejects.toMatchObject({ status: "endorsed" });
    await expect(endorsement.returnForRevision(ids.head1, b, "   ")).rejects.toMatchObject({
      problem: "note-required",
    });
    const returned = await endorsement.returnForRevision(ids.head1, b, " Bổ sung minh chứng ");
    expect(returned.note).toBe("Bổ sung minh chứng");
    const events = await t.db
      .selectFrom("submission_events")
      .select(["submission_id", "to_status", "note", "actor_id"])
      .orderBy("id")
      .execute();
    expect(events).toEqual([
      { submission_id: a, to_status: "endorsed", note: null, actor_id: ids.head1 },
      { submission_id: b, to_status: "returned", note: "Bổ sung minh chứng", actor_id: ids.head1 },
    ]);
  });

  it("lets only administrators decide; a refusal needs reasons; a decision is final", async () => {
    const { ids, submit, decisions } = await world();
    const a = await submit("SK-2026-00003", "endorsed");
    const b = await submit("SK-2026-00004", "endorsed");
    const notYet = await submit("SK-2026-00005");
    const recognition = { scope: "province" as const, number: "1234/QĐ-SGDĐT", date: "2026-12-15" };
    for (const who of [ids.author, ids.head1]) {
      await expect(decisions.recognise(who, a, recognition, NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decisions.refuse(who, a, "Không", NOW)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(decisions.queue(who)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(decisions.recognise(ids.admin, notYet, recognition, NOW)).rejects.toMatchObject({
      status: "submitted",
    });
    await expect(
      decisions.recognise(ids.admin, a, { ...recognition, date: "2026-02-30" }, NOW),
    ).rejects.toMatchObject({ problem: "date-invalid" });
    await expect(decisions.refuse(ids.admin, b, "", NOW)).rejects.toMatchObject({ problem: "note-required" });

    await decisions.recognise(ids.admin, a, recognition, NOW);
    // Once its decision is revoked, no recognition can join it (b stays where it was).
    await t.db.updateTable("decisions").set({ revoked_at: NOW }).execute();
    await expect(decisions.recognise(ids.admin, b, recognition, NOW)).rejects.toMatchObject({
      problem: "decision-revoked",
    });
    await t.db.updateTable("decisions").set({ revoked_at: null }).execute();
    await decisions.refuse(ids.admin, b, "Chưa có minh chứng hiệu quả áp dụng", NOW);
    await expect(decisions.refuse(ids.admin, a, "x", NOW)).rejects.toMatchObject({ status: "recognised" });
    // The recognition cites one decision row with its number and date; the refusal cites none.
    const cited = await t.db
      .selectFrom("submissions")
      .innerJoin("decisions", "decisions.id", "submissions.decision_id")
      .select(["submissions.id", "decisions.number", "decisions.decided_on", "decisions.created_by"])
      .where("submissions.id", "in", [a, b])
      .execute();
    expect(cited).toEqual([
      { id: a, number: "1234/QĐ-SGDĐT", decided_on: "2026-12-15", created_by: ids.admin },
    ]);
    const rows = await t.db
      .selectFrom("submissions")
      .select([
        "code",
        "status",
        "scope_recognised",
        "decision_number",
        "decision_date",
        "decision_reasons",
        "decided_by",
      ])
      .where("id", "in", [a, b])
      .orderBy("code")
      .execute();
    expect(rows).toEqual([
      {
        code: "SK-2026-00003",
        status: "recognised",
        scope_recognised: "province",
        decision_number: "1234/QĐ-SGDĐT",
        decision_date: "2026-12-15",
        decision_reasons: null,
        decided_by: ids.admin,
      },
      {
        code: "SK-2026-00004",
        status: "refused",
        scope_recognised: null,
        decision_number: null,
        decision_date: null,
        decision_reasons: "Chưa có minh chứng hiệu quả áp dụng",
        decided_by: ids.admin,
      },
    ]);
  });

  it("refuses acting on one's own submission, and shows nobody a draft", async () => {
    const { ids, submit, endorsement, decisions, roles } = await world();
    // The head of U1 sends one of their own; the administrator co-authors another.
    const own = await submit("SK-2026-00006");
    await t.db.updateTable("submissions").set({ submitter_id: ids.head1 }).where("id", "=", own).execute();
    await expect(endorsement.endorse(ids.head1, own)).rejects.toBeInstanceOf(OwnSubmissionError);
    await expect(endorsement.checkMayAct(ids.head1, own)).rejects.toBeInstanceOf(OwnSubmissionError);
    await roles.grant(ids.admin, 204, "unit_head", "U1");
    await endorsement.endorse(ids.other, own);
    await t.db
      .insertInto("submission_authors")
      .values({ submission_id: own, position: 2, user_id: ids.admin, full_name: "Quản trị", share: 40 })
      .execute();
    const recognition = { scope: "unit" as const, number: "5/QĐ", date: "2026-12-15" };
    await expect(decisions.recognise(ids.admin, own, recognition, NOW)).rejects.toBeInstanceOf(
      OwnSubmissionError,
    );
    await expect(decisions.checkMayAct(ids.admin, own)).rejects.toBeInstanceOf(OwnSubmissionError);

    const draft = await submit("SK-draft");
    await t.db
      .updateTable("submissions")
      .set({ status: "draft", code: null })
      .where("id", "=", draft)
      .execute();
    await expect(endorsement.open(ids.head1, draft)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(decisions.open(ids.admin, draft)).rejects.toBeInstanceOf(SubmissionNotFoundError);
  });

  it("never lets a withdrawal and a decision both happen: the second finds the first", async () => {
    const { ids, submit, decisions } = await world();
    const submissions = new SubmissionsService(t.db, {
      timezone: "Asia/Ho_Chi_Minh",
      minShare: 10,
      decisionDueMonths: 3,
    });
    const recognition = { scope: "province" as const, number: "12/QĐ", date: "2026-12-15" };
    for (const round of [1, 2, 3, 4]) {
      const id = await submit(`SK-2026-0010${round}`, "endorsed");
      const outcomes = await Promise.allSettled(
        round % 2 === 0
          ? [decisions.recognise(ids.admin, id, recognition, NOW), submissions.withdraw(ids.author, id)]
          : [submissions.withdraw(ids.author, id), decisions.recognise(ids.admin, id, recognition, NOW)],
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const row = await t.db
        .selectFrom("submissions")
        .select(["status", "decision_number"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.status === "recognised" ? row.decision_number : row.status).toBe(
        row.status === "recognised" ? "12/QĐ" : "withdrawn",
      );
      if (row.status === "withdrawn") expect(row.decision_number).toBeNull();
      const events = await t.db
        .selectFrom("submission_events")
        .select("to_status")
        .where("submission_id", "=", id)
        .execute();
      expect(events).toHaveLength(1);
    }
    // And the schema itself refuses a withdrawn row carrying a decision.
    const id = await submit("SK-2026-00200");
    await expect(
      t.db
        .updateTable("submissions")
        .set({ status: "withdrawn", decision_number: "12/QĐ" })
        .where("id", "=", id)
        .execute(),
    ).rejects.toThrow(/submissions_decision_only_when_decided/);
  });

  it("grants a unit head with a unit, audited, and finds people by name without diacritics", async () => {
    const { ids, roles } = await world();
    await expect(roles.grant(ids.admin, 204, "unit_head")).rejects.toBeInstanceOf(UnitRequiredError);
    await expect(roles.grant(ids.author, 204, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await t.db
      .updateTable("users")
      .set({ full_name: "Nguyễn Thị Ánh Dương" })
      .where("telegram_id", "=", 204)
      .execute();
    expect((await roles.findPeople(ids.admin, "anh duong")).map((p) => p.telegram_id)).toEqual([204]);
    expect((await roles.findPeople(ids.admin, "204")).map((p) => p.full_name)).toEqual([
      "Nguyễn Thị Ánh Dương",
    ]);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("subject")
      .where("action", "=", "role.granted")
      .execute();
    expect(audit.filter((a) => a.subject.role === "unit_head")).toHaveLength(2);
  });
});
