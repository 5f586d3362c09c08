import { describe, expect, it } from "vitest";
import { CampaignClosedError } from "../../src/submissions/errors.js";
import { SUMMARY_STEP, SubmissionsService } from "../../src/submissions/submissions.service.js";
import { UsersService } from "../../src/users/users.service.js";
import { DIALECTS, type TestDatabase, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-11-23T03:00:00Z");
const config = { timezone: "Asia/Ho_Chi_Minh", minShare: 10, decisionDueMonths: 3 };
const day = 86_400_000;

async function campaign(
  t: TestDatabase,
  title: string,
  over: Partial<{
    status: "draft" | "scheduled" | "open" | "closed";
    initiatives: boolean;
    nominations: boolean;
    deadline: Date;
    audience: object;
  }> = {},
) {
  const row = await t.db
    .insertInto("campaigns")
    .values({
      title,
      school_year: "2026-2027",
      accepts_initiatives: over.initiatives ?? true,
      accepts_nominations: over.nominations ?? false,
      audience: JSON.stringify(over.audience ?? { clusters: [], blocks: [], unitIds: [] }),
      opens_at: new Date(NOW.getTime() - 10 * day),
      deadline_at: over.deadline ?? new Date(NOW.getTime() + 10 * day),
      status: over.status ?? "open",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe.each(DIALECTS)("linking a submission to a campaign (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("offers the campaigns of the teacher's unit taking this kind now, links the choice, and cuts off after the deadline", async () => {
    const unit = await t.db
      .insertInto("units")
      .values({
        code: "C1-1",
        name: "THPT A",
        search_name: "thpt a",
        district: "H",
        school_level: "THPT",
        cluster: "Cụm 1",
        block: "Khối THPT",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const forEveryone = await campaign(t, "Đổi mới, sáng tạo trong dạy và học");
    const forBlock = await campaign(t, "Trường xanh – sạch – đẹp", {
      audience: { clusters: [], blocks: ["Khối THPT"], unitIds: [] },
    });
    await campaign(t, "Cụm 2 only", { audience: { clusters: ["Cụm 2"], blocks: [], unitIds: [] } });
    await campaign(t, "Nominations only", { initiatives: false, nominations: true });
    await campaign(t, "Closed early", { status: "closed" });
    await campaign(t, "Not announced", { status: "draft" });
    await campaign(t, "Past deadline", { deadline: new Date(NOW.getTime() - day) });

    const users = new UsersService(t.db);
    const user = await users.register(
      (await users.identify({ id: 501, first_name: "A" })).id,
      "Giáo Viên A",
      unit.id,
    );
    const s = new SubmissionsService(t.db, config);
    const draft = await s.startDraft(user.id, "initiative", NOW);
    expect(draft.step).toBe("campaign");
    expect((draft.answers.campaignOptions as { id: number }[]).map((o) => o.id).sort()).toEqual(
      [forEveryone, forBlock].sort(),
    );

    await expect(s.answer(user.id, draft.id, "campaign", "999999", NOW)).rejects.toMatchObject({
      detail: { problem: "not-a-choice" },
    });
    expect((await s.answer(user.id, draft.id, "campaign", String(forEveryone), NOW)).step).toBe("title");
    const answers: [string, string][] = [
      ["title", "Học liệu số"],
      ["initiativeType", "initiative"],
      ["field", "ict"],
      ["problem", "P"],
      ["firstAppliedOn", "01/10/2025"],
      ["essence", "E"],
      ["conditions", "C"],
      ["benefits", "B"],
    ];
    for (const [key, value] of answers) await s.answer(user.id, draft.id, key, value, NOW);
    await s.skip(user.id, draft.id, "confidential");
    await s.skip(user.id, draft.id, "coAuthors");
    await s.answer(user.id, draft.id, "scopeProposed", "unit", NOW);
    await s.finishAttachments(user.id, draft.id);

    // The deadline passes before the teacher presses "Gửi": refused, and the choice is offered again.
    const late = new Date(NOW.getTime() + 11 * day);
    await expect(s.submit(user.id, draft.id, late)).rejects.toBeInstanceOf(CampaignClosedError);
    const reopened = await s.reopenCampaignChoice(user.id, draft.id, late);
    expect(reopened.step).toBe(SUMMARY_STEP);
    expect(reopened.answers.campaign).toBeNull();

    await s.edit(user.id, draft.id, "title");
    await s.answer(user.id, draft.id, "title", "Học liệu số", NOW);
    const receipt = await s.submit(user.id, draft.id, NOW);
    const linked = await t.db
      .selectFrom("submissions")
      .select("campaign_id")
      .where("id", "=", receipt.id)
      .executeTakeFirstOrThrow();
    expect(linked.campaign_id).toBeNull();

    const second = await s.startDraft(user.id, "initiative", NOW);
    await s.answer(user.id, second.id, "campaign", String(forBlock), NOW);
    for (const [key, value] of answers)
      await s.answer(user.id, second.id, key, key === "title" ? "Trường xanh" : value, NOW);
    await s.skip(user.id, second.id, "confidential");
    await s.skip(user.id, second.id, "coAuthors");
    await s.answer(user.id, second.id, "scopeProposed", "unit", NOW);
    await s.finishAttachments(user.id, second.id);
    const { id } = await s.submit(user.id, second.id, NOW);
    expect(
      (
        await t.db
          .selectFrom("submissions")
          .select("campaign_id")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).campaign_id,
    ).toBe(forBlock);
  });
});
