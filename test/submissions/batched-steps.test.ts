import { describe, expect, it } from "vitest";
import { updateDraftSteps } from "../../src/submissions/submissions.repository.js";
import { SubmissionsService } from "../../src/submissions/submissions.service.js";
import { UsersService } from "../../src/users/users.service.js";
import { DIALECTS, type TestDatabase, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-11-23T03:00:00Z");
const config = { timezone: "Asia/Ho_Chi_Minh", minShare: 10, decisionDueMonths: 3 };

let nextTelegramId = 500;
async function teachers(t: TestDatabase, count: number) {
  const users = new UsersService(t.db);
  const unit = await t.db
    .insertInto("units")
    .values({
      code: `B${nextTelegramId}`,
      name: "THCS Chu Văn An",
      search_name: "thcs chu van an",
      district: "H",
      school_level: "THCS",
      cluster: "C1",
      block: "K1",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const out = [];
  for (let i = 0; i < count; i++) {
    const telegramId = nextTelegramId++;
    const user = await users.identify({ id: telegramId, first_name: "X" });
    out.push({ telegramId, user: await users.register(user.id, `Giáo viên ${telegramId}`, unit.id) });
  }
  return out;
}

describe.each(DIALECTS)("form steps written together (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("writes each draft's own change in one statement, refusing only the drafts whose guard fails", async () => {
    const s = new SubmissionsService(t.db, config);
    const [a, b, c] = (await teachers(t, 3)).map((x) => x.user.id) as [number, number, number];
    const drafts = [];
    for (const teacher of [a, b, c]) {
      const { id } = await s.startDraft(teacher, "initiative", NOW);
      await s.answer(teacher, id, "title", "Dạy học STEM", NOW);
      drafts.push(id);
    }
    const [da, db, dc] = drafts as [number, number, number];
    await t.db.updateTable("submissions").set({ last_update_id: 50 }).where("id", "=", dc).execute();
    await t.db
      .updateTable("submissions")
      .set({ fields: JSON.stringify({ title: "Dạy học STEM", leftover: "x" }) })
      .where("id", "=", da)
      .execute();

    const saved = await updateDraftSteps(t.db, [
      // Moves on: the type set, the title left as it was, a key removed.
      {
        id: da,
        submitterId: a,
        expectedStep: "initiativeType",
        changed: { initiativeType: "initiative" },
        removed: ["leftover"],
        draftStep: "field",
        updateId: 40,
      },
      // Decided at a step the draft has left: nothing written.
      {
        id: db,
        submitterId: b,
        expectedStep: "title",
        changed: { title: "Khác" },
        removed: [],
        draftStep: "initiativeType",
        updateId: 41,
      },
      // An update at or below the draft's last one: nothing written.
      {
        id: dc,
        submitterId: c,
        expectedStep: "initiativeType",
        changed: { initiativeType: "initiative" },
        removed: [],
        draftStep: "field",
        updateId: 50,
      },
    ]);
    expect(saved.map((r) => r?.id)).toEqual([da, undefined, undefined]);
    expect(saved[0]).toMatchObject({ draft_step: "field", last_update_id: 40, status: "draft" });

    const rows = await t.db
      .selectFrom("submissions")
      .select(["id", "fields", "draft_step", "title", "last_update_id"])
      .where("id", "in", drafts)
      .orderBy("id")
      .execute();
    expect(rows[0]?.fields).toEqual({ title: "Dạy học STEM", initiativeType: "initiative" });
    expect(rows[1]).toMatchObject({ draft_step: "initiativeType", title: "Dạy học STEM" });
    expect(rows[1]?.fields).toMatchObject({ title: "Dạy học STEM" });
    expect(rows[2]).toMatchObject({ draft_step: "initiativeType", last_update_id: 50 });
  });

  it("steps of many teachers at once each land on their own draft, and a redelivered step changes nothing", async () => {
    const s = new SubmissionsService(t.db, config);
    const many = await teachers(t, 12);
    const drafts = await Promise.all(
      many.map(async ({ user }) => ({ user, draft: await s.startDraft(user.id, "initiative", NOW) })),
    );
    const titles = await Promise.all(
      drafts.map(({ user, draft }, i) =>
        s.step(
          user.id,
          draft.id,
          { type: "answer", key: "title", raw: `Sáng kiến ${i}` },
          { now: NOW, updateId: 100 + i },
        ),
      ),
    );
    expect(titles.map((r) => [r.applied, r.view.step, r.view.answers.title])).toEqual(
      drafts.map((_, i) => [true, "initiativeType", `Sáng kiến ${i}`]),
    );
    // The same updates again (a redelivery after a crash): every one recognised, nothing moves.
    const again = await Promise.all(
      drafts.map(({ user, draft }, i) =>
        s.step(
          user.id,
          draft.id,
          { type: "answer", key: "title", raw: "Lặp lại" },
          { now: NOW, updateId: 100 + i },
        ),
      ),
    );
    expect(again.every((r) => !r.applied && r.view.step === "initiativeType")).toBe(true);
    const stored = await t.db
      .selectFrom("submissions")
      .select(["id", "title"])
      .where(
        "id",
        "in",
        drafts.map((d) => d.draft.id),
      )
      .execute();
    const titleOf = new Map(stored.map((r) => [r.id, r.title]));
    expect(drafts.map((d) => titleOf.get(d.draft.id))).toEqual(drafts.map((_, i) => `Sáng kiến ${i}`));
  });

  it("identifies many people at once, each with their own open draft", async () => {
    const users = new UsersService(t.db);
    const s = new SubmissionsService(t.db, config);
    const many = await teachers(t, 5);
    const withForm = many.slice(0, 2);
    for (const { user } of withForm) {
      const { id } = await s.startDraft(user.id, "initiative", NOW);
      await s.openForm(user.id, id);
    }
    const found = await Promise.all(
      many.map(({ telegramId }) => users.identifyWithOpenDraft({ id: telegramId, first_name: "X" })),
    );
    expect(found.map((f) => f.user.telegram_id)).toEqual(many.map((m) => m.telegramId));
    expect(found.map((f) => f.openDraft?.submitter_id ?? null)).toEqual([
      many[0]?.user.id,
      many[1]?.user.id,
      null,
      null,
      null,
    ]);
    // Someone new among them is registered, the others read.
    const stranger = await users.identifyWithOpenDraft({ id: 9_999_001, first_name: "Khách" });
    expect(stranger).toMatchObject({ user: { telegram_id: 9_999_001 }, openDraft: null });
  });
});
