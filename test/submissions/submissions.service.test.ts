import { describe, expect, it } from "vitest";
import {
  AttachmentRefusedError,
  CannotWithdrawError,
  IncompleteSubmissionError,
  InvalidAnswerError,
  NotRegisteredError,
  SubmissionNotFoundError,
} from "../../src/submissions/errors.js";
import { SUMMARY_STEP, SubmissionsService } from "../../src/submissions/submissions.service.js";
import { UsersService } from "../../src/users/users.service.js";
import { fillInitiative } from "../helpers/initiative-answers.js";
import { DIALECTS, type TestDatabase, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-11-23T03:00:00Z");
const config = { timezone: "Asia/Ho_Chi_Minh", minShare: 10, decisionDueMonths: 3 };

let nextTelegramId = 1;
async function teacher(t: TestDatabase, name = "Nguyễn Thị Lan") {
  const users = new UsersService(t.db);
  const unit = await t.db
    .insertInto("units")
    .values({
      code: `U${nextTelegramId}`,
      name: "THPT Lê Lợi",
      search_name: "thpt le loi",
      district: "H",
      school_level: "THPT",
      cluster: "C1",
      block: "K1",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await users.identify({ id: nextTelegramId++, first_name: "X" });
  return users.register(user.id, name, unit.id);
}

describe.each(DIALECTS)("SubmissionsService (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  const service = () => new SubmissionsService(t.db, config);

  it("keeps one draft per kind, for registered users only", async () => {
    const users = new UsersService(t.db);
    const stranger = await users.identify({ id: 99_000, first_name: "Khách" });
    await expect(service().startDraft(stranger.id, "initiative")).rejects.toBeInstanceOf(NotRegisteredError);

    const lan = await teacher(t);
    const draft = await service().startDraft(lan.id, "initiative");
    expect(draft).toMatchObject({
      kind: "initiative",
      status: "draft",
      step: "title",
      stepNumber: 1,
      editing: false,
    });
    expect((await service().startDraft(lan.id, "initiative")).id).toBe(draft.id);
    expect((await service().startDraft(lan.id, "nomination")).id).not.toBe(draft.id);
  });

  it("walks the form: answers saved at every step, hints for bad ones, back, skip, edit from the summary", async () => {
    const lan = await teacher(t);
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    await expect(s.answer(lan.id, id, "title", "   ", NOW)).rejects.toMatchObject({
      detail: { problem: "empty" },
    });
    // Only the step being asked can be answered.
    await expect(s.answer(lan.id, id, "problem", "x", NOW)).rejects.toBeInstanceOf(InvalidAnswerError);

    let view = await s.answer(lan.id, id, "title", "Dạy học STEM", NOW);
    expect(view).toMatchObject({ step: "initiativeType", stepNumber: 2, answers: { title: "Dạy học STEM" } });
    view = await s.back(lan.id, id);
    expect(view).toMatchObject({ step: "title", answers: { title: "Dạy học STEM" } });
    await s.answer(lan.id, id, "title", "Dạy học STEM", NOW);
    await s.answer(lan.id, id, "initiativeType", "applied_research", NOW);
    await expect(s.answer(lan.id, id, "field", "astrology", NOW)).rejects.toMatchObject({
      detail: { problem: "not-a-choice" },
    });
    view = await s.answer(lan.id, id, "field", "other", NOW);
    expect(view.step).toBe("fieldOther");
    await s.answer(lan.id, id, "fieldOther", "Giáo dục hướng nghiệp", NOW);
    await s.step(
      lan.id,
      id,
      { type: "partial", key: "problem", text: "Phần đầu của một văn bản dài" },
      { now: NOW },
    );
    view = await s.view(lan.id, id);
    expect([view.step, view.answers.problem]).toEqual(["problem", "Phần đầu của một văn bản dài"]);
    await s.answer(lan.id, id, "problem", "Phần đầu của một văn bản dài, và phần sau.", NOW);
    await expect(s.answer(lan.id, id, "firstAppliedOn", "01/01/2027", NOW)).rejects.toMatchObject({
      detail: { problem: "date-in-future" },
    });
    await s.answer(lan.id, id, "firstAppliedOn", "01/10/2025", NOW);
    for (const key of ["essence", "conditions", "benefits"])
      await s.answer(lan.id, id, key, "Nội dung.", NOW);
    await expect(s.skip(lan.id, id, "essence")).rejects.toBeInstanceOf(InvalidAnswerError);
    await s.skip(lan.id, id, "confidential");
    view = await s.skip(lan.id, id, "coAuthors");
    expect(view.step).toBe("scopeProposed");
    await s.answer(lan.id, id, "scopeProposed", "nation", NOW);
    view = (await s.finishAttachments(lan.id, id)).view;
    expect(view).toMatchObject({ step: SUMMARY_STEP, editing: false });

    view = await s.edit(lan.id, id, "title");
    expect(view).toMatchObject({ step: "title", editing: true, answers: { title: "Dạy học STEM" } });
    view = await s.answer(lan.id, id, "title", "Dạy học STEM gắn với thực tiễn", NOW);
    expect(view).toMatchObject({ step: SUMMARY_STEP, answers: { title: "Dạy học STEM gắn với thực tiễn" } });
    // Editing a choice that opens a new question asks it before returning to the summary.
    await s.edit(lan.id, id, "coAuthors");
    view = await s.answer(lan.id, id, "coAuthors", "Lê Văn C; THCS Trần Phú; 40", NOW);
    expect(view).toMatchObject({ step: "myShare", editing: true });
    await expect(s.answer(lan.id, id, "myShare", "50", NOW)).rejects.toMatchObject({
      detail: { problem: "shares-total", total: 90, needed: 60 },
    });
    expect((await s.answer(lan.id, id, "myShare", "60", NOW)).step).toBe(SUMMARY_STEP);
  });

  it("accepts attachments once each, refuses bad ones, and counts them", async () => {
    const lan = await teacher(t);
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    const file = {
      kind: "document" as const,
      fileId: "f1",
      fileUniqueId: "u1",
      fileName: "sang-kien.pdf",
      mimeType: "application/pdf",
      sizeBytes: 2048,
    };
    await s.addAttachment(lan.id, id, file);
    const view = await s.addAttachment(lan.id, id, file);
    expect(view.attachments).toEqual([{ name: "sang-kien.pdf", kind: "document", sizeBytes: 2048 }]);
    await expect(
      s.addAttachment(lan.id, id, {
        ...file,
        fileUniqueId: "u2",
        fileName: "a.zip",
        mimeType: "application/zip",
      }),
    ).rejects.toMatchObject({ problem: "type" });
    await expect(
      s.addAttachment(lan.id, id, { ...file, fileUniqueId: "u3", sizeBytes: 21 * 1024 * 1024 }),
    ).rejects.toBeInstanceOf(AttachmentRefusedError);
  });

  it("submits a complete draft with a code, authors, a status event and the decision due date", async () => {
    const lan = await teacher(t, "Phạm Thu Hà");
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    await expect(s.submit(lan.id, id, NOW)).rejects.toBeInstanceOf(IncompleteSubmissionError);
    await fillInitiative(s, lan.id, id);
    const receipt = await s.submit(lan.id, id, NOW);
    expect(receipt.code).toMatch(/^SK-2026-\d{5}$/);
    expect(receipt.decisionDueAt.toISOString()).toBe("2027-02-23T03:00:00.000Z");

    const { submission, authors, events } = await s.details(lan.id, id);
    expect(submission).toMatchObject({
      status: "submitted",
      code: receipt.code,
      scope_proposed: "province",
      school_year: "2026-2027",
      title: "Dạy học STEM qua dự án",
    });
    expect(authors.map((a) => [a.full_name, a.share])).toEqual([
      ["Phạm Thu Hà", 70],
      ["Trần Văn Bình", 30],
    ]);
    expect(events.map((e) => [e.from_status, e.to_status])).toEqual([["draft", "submitted"]]);
    // The draft slot is free again.
    expect((await s.startDraft(lan.id, "initiative")).id).not.toBe(id);
  });

  it("gives distinct consecutive codes to concurrent submits", async () => {
    const s = service();
    const drafts = [];
    for (let i = 0; i < 6; i++) {
      const u = await teacher(t, `Giáo viên ${String.fromCharCode(65 + i)}`);
      const { id } = await s.startDraft(u.id, "initiative");
      await fillInitiative(s, u.id, id, `Sáng kiến số ${i}`);
      drafts.push({ userId: u.id, id });
    }
    const codes = (await Promise.all(drafts.map((d) => s.submit(d.userId, d.id, NOW)))).map((r) => r.code);
    expect(new Set(codes).size).toBe(6);
    const numbers = codes.map((c) => Number(c.slice(-5))).sort((a, b) => a - b);
    expect((numbers.at(-1) ?? 0) - (numbers[0] ?? 0)).toBe(5);
  });

  it("hides other people's submissions and lets the owner withdraw until review starts", async () => {
    const lan = await teacher(t);
    const other = await teacher(t, "Người Khác");
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    await fillInitiative(s, lan.id, id);
    await expect(s.view(other.id, id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await expect(s.answer(other.id, id, "title", "hack", NOW)).rejects.toBeInstanceOf(
      SubmissionNotFoundError,
    );
    await s.submit(lan.id, id, NOW);
    await expect(s.withdraw(other.id, id)).rejects.toBeInstanceOf(SubmissionNotFoundError);
    await s.withdraw(lan.id, id);
    await expect(s.withdraw(lan.id, id)).rejects.toBeInstanceOf(CannotWithdrawError);
    const { events } = await s.details(lan.id, id);
    expect(events.map((e) => e.to_status)).toEqual(["submitted", "withdrawn"]);

    const { id: second } = await s.startDraft(lan.id, "initiative");
    await fillInitiative(s, lan.id, second, "Một sáng kiến khác hẳn");
    await s.submit(lan.id, second, NOW);
    await t.db.updateTable("submissions").set({ status: "under_review" }).where("id", "=", second).execute();
    await expect(s.withdraw(lan.id, second)).rejects.toMatchObject({ status: "under_review" });
  });

  it("finds similar titles whatever the diacritics, among submitted ones only", async () => {
    const lan = await teacher(t);
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    await fillInitiative(s, lan.id, id, "Ứng dụng trò chơi trong dạy học Toán lớp 10");
    await s.submit(lan.id, id, NOW);
    const similar = await s.similarTitles("ung dung tro choi trong day hoc toan lop 10", -1);
    expect(similar.map((x) => x.id)).toContain(id);
    expect(await s.similarTitles("Quản lý thư viện điện tử", -1)).toEqual([]);
    expect(
      (await s.similarTitles("Ứng dụng trò chơi trong dạy học Toán lớp 10", id)).map((x) => x.id),
    ).not.toContain(id);
  });

  it("reopens a submission returned for revision at its summary, and resubmits it under the same code", async () => {
    const lan = await teacher(t);
    const s = service();
    const { id } = await s.startDraft(lan.id, "initiative");
    await fillInitiative(s, lan.id, id, "Sổ tay điện tử cho giáo viên chủ nhiệm");
    const first = await s.submit(lan.id, id, NOW);
    // The unit head returns it (the review flow comes with its own issue; here the row is set as it would).
    await t.db.updateTable("submissions").set({ status: "returned" }).where("id", "=", id).execute();
    await t.db
      .insertInto("submission_events")
      .values({
        submission_id: id,
        actor_id: null,
        from_status: "submitted",
        to_status: "returned",
        note: "Bổ sung số liệu",
      })
      .execute();

    const reopened = await s.view(lan.id, id);
    expect(reopened).toMatchObject({ status: "returned", step: SUMMARY_STEP });
    await s.edit(lan.id, id, "benefits");
    expect(
      (await s.answer(lan.id, id, "benefits", "Tỷ lệ khá giỏi tăng từ 40% lên 58% (số liệu học kỳ I).", NOW))
        .step,
    ).toBe(SUMMARY_STEP);
    const again = await s.submit(lan.id, id, new Date("2026-12-01T03:00:00Z"));
    expect(again.code).toBe(first.code);
    const { submission, events } = await s.details(lan.id, id);
    expect(submission.status).toBe("submitted");
    expect((submission.fields as Record<string, unknown>).benefits).toContain("58%");
    expect(events.map((e) => `${e.from_status}->${e.to_status}`)).toEqual([
      "draft->submitted",
      "submitted->returned",
      "returned->submitted",
    ]);
  });
});

describe.each(DIALECTS)("a campaign without the unit head's step (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("sends submissions straight to the council, and no unit head is asked", async () => {
    const service = new SubmissionsService(t.db, config);
    const lan = await teacher(t);
    const campaign = await t.db
      .insertInto("campaigns")
      .values({
        title: "Sáng kiến không qua đơn vị",
        school_year: "2026-2027",
        accepts_initiatives: true,
        accepts_nominations: false,
        requires_endorsement: false,
        opens_at: new Date(NOW.getTime() - 86_400_000),
        deadline_at: new Date(NOW.getTime() + 86_400_000),
        status: "open",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const draft = await service.startDraftForCampaign(lan.id, campaign.id, "initiative", NOW);
    expect([draft.step, draft.answers.campaign]).toEqual(["title", campaign.id]);
    await fillInitiative(service, lan.id, draft.id);
    await service.submit(lan.id, draft.id, NOW);
    const row = await t.db
      .selectFrom("submissions")
      .select(["status", "campaign_id"])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "endorsed", campaign_id: campaign.id });
    // Nothing waits for a unit head, so none is told.
    const notices = await t.db.selectFrom("broadcasts").select("kind").execute();
    expect(notices).toEqual([]);
  });
});

describe.each(DIALECTS)("the unit heads' notice (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("tells the unit's heads of a submission in the transaction that submits it, once, never the submitter", async () => {
    const service = new SubmissionsService(t.db, config);
    const users = new UsersService(t.db);
    const lan = await teacher(t);
    // Two heads of Lan's unit, one of them Lan herself (a head submitting her own), and an inactive one.
    const head = await users.identify({ id: nextTelegramId++, first_name: "Hiệu trưởng" });
    const away = await users.identify({ id: nextTelegramId++, first_name: "Đã nghỉ" });
    await t.db.updateTable("users").set({ active: false }).where("id", "=", away.id).execute();
    for (const id of [head.id, lan.id, away.id])
      await t.db
        .insertInto("user_roles")
        .values({ user_id: id, role: "unit_head", unit_id: lan.unit_id })
        .execute();
    const { id } = await service.startDraft(lan.id, "initiative", NOW);
    await fillInitiative(service, lan.id, id);
    const receipt = await service.submit(lan.id, id, NOW);

    const broadcasts = await t.db
      .selectFrom("broadcasts")
      .select(["id", "kind", "total", "payload"])
      .execute();
    expect(broadcasts).toEqual([
      {
        id: expect.any(Number),
        kind: "new-submission",
        total: 1,
        payload: expect.objectContaining({ submissionId: id, code: receipt.code }),
      },
    ]);
    const deliveries = await t.db
      .selectFrom("broadcast_deliveries")
      .select(["broadcast_id", "user_id", "chat_id"])
      .execute();
    expect(deliveries).toEqual([
      { broadcast_id: broadcasts[0]?.id, user_id: head.id, chat_id: head.telegram_id },
    ]);
  });
});
