import { beforeEach, describe, expect, it } from "vitest";
import { StatsService } from "../../src/stats/stats.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { PersonalDataService } from "../../src/users/personal-data.service.js";
import { RolesService } from "../../src/users/roles.service.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("personal data (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  async function world() {
    const { u1 } = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const lan = await teacher(t.db, 701, u1);
    const other = await teacher(t.db, 702, u1);
    await new RolesService(t.db).grant(adminId, 701, "reviewer");
    const insert = (values: Record<string, unknown>) =>
      t.db
        .insertInto("submissions")
        .values({ kind: "initiative", unit_id: u1, school_year: "2026-2027", ...values } as never)
        .returning("id")
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const recognised = await insert({
      submitter_id: lan,
      status: "recognised",
      code: "SK-2026-00001",
      title: "Sáng kiến của Lan",
      submitted_at: new Date(),
      scope_recognised: "province",
      decision_number: "336/QĐ-SGDĐT",
      decision_date: "2026-07-14",
    });
    await insert({ submitter_id: lan, status: "draft", title: "Bản nháp của Lan" });
    const othersOwn = await insert({
      submitter_id: other,
      status: "submitted",
      code: "SK-2026-00002",
      title: "Của người khác",
      submitted_at: new Date(),
    });
    await t.db
      .insertInto("submission_authors")
      .values([
        { submission_id: recognised, position: 1, user_id: lan, full_name: "Giáo viên 701", share: 100 },
        { submission_id: othersOwn, position: 2, user_id: lan, full_name: "Giáo viên 701", share: 30 },
      ])
      .execute();
    return { adminId, lan, other, recognised, service: new PersonalDataService(t.db) };
  }

  it("gives a person everything held about them", async () => {
    const { lan, service } = await world();
    const data = await service.export(lan);
    expect(data.profile).toMatchObject({ telegram_id: 701, full_name: "Giáo viên 701", unit: "THPT Lê Lợi" });
    expect(data.roles.map((r) => r.role)).toEqual(["reviewer"]);
    expect(data.submissions.map((s) => s.title)).toEqual(["Sáng kiến của Lan", "Bản nháp của Lan"]);
    expect(data.submissions[0]?.authors).toEqual([
      { full_name: "Giáo viên 701", unit_name: null, share: 100 },
    ]);
    expect(data.coAuthored).toEqual([{ code: "SK-2026-00002", title: "Của người khác", share: 30 }]);
  });

  it("erases a person on an administrator's word: no name or identity left, every record and count still right", async () => {
    const { adminId, lan, other, recognised, service } = await world();
    const stats = new StatsService(t.db);
    const before = await stats.compute(adminId, { schoolYear: "2026-2027" });
    await expect(service.erase(other, 701)).rejects.toBeInstanceOf(ForbiddenError);
    await service.erase(adminId, 701);

    const row = await t.db.selectFrom("users").selectAll().where("id", "=", lan).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      telegram_id: -lan,
      full_name: null,
      telegram_name: "",
      username: null,
      active: false,
    });
    const names = await t.db
      .selectFrom("submission_authors")
      .select("full_name")
      .where("user_id", "=", lan)
      .execute();
    expect(names.map((n) => n.full_name)).toEqual(["—", "—"]);
    const kept = await t.db
      .selectFrom("submissions")
      .select(["code", "status", "decision_number"])
      .where("submitter_id", "=", lan)
      .execute();
    // The draft is gone; the recognised submission keeps its code and decision.
    expect(kept).toEqual([{ code: "SK-2026-00001", status: "recognised", decision_number: "336/QĐ-SGDĐT" }]);
    expect(await t.db.selectFrom("user_roles").select("role").where("user_id", "=", lan).execute()).toEqual(
      [],
    );
    const after = await stats.compute(adminId, { schoolYear: "2026-2027" });
    expect(after).toEqual(before);
    const audit = await t.db
      .selectFrom("audit_log")
      .select("subject")
      .where("action", "=", "person.erased")
      .execute();
    expect(audit.map((a) => a.subject)).toEqual([{ userId: lan }]);
    expect(JSON.stringify(audit)).not.toContain("701");
    void recognised;
  });
});

describe("the privacy notice and /mydata, through the bot", () => {
  const t = useTestDatabase("pglite");

  it("tells a newcomer what is kept and why, and sends a person their data as a file", async () => {
    const h = new InProcessBot(t.db);
    await h.bot.init();
    const greeting = textsOf(await h.chat(7301).send("/start"));
    expect(greeting).toContain("13/2023/NĐ-CP");
    expect(greeting).toContain("/mydata");
    const before = h.calls.length;
    await h.chat(7301).send("/mydata");
    // (A file goes as multipart, whose fields the in-process Bot API does not read: the call is what is checked.)
    expect(h.calls.slice(before).map((c) => c.method)).toContain("sendDocument");
  });
});
