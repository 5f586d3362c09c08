import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignMessageRenderer } from "../../src/bot/broadcast-messages.js";
import { BUTTON } from "../../src/bot/callback-data.js";
import type { ClaimedDelivery } from "../../src/broadcasts/broadcasts.repository.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { fillInitiative } from "../helpers/initiative-answers.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-11-23T03:00:00Z");
/** An essence of about 9,000 characters with markup-like text in it: more than one page. */
const ESSENCE = Array.from(
  { length: 90 },
  (_, i) => `Bước ${i + 1}: học sinh <nhóm ${i}> & giáo viên cùng làm.`,
)
  .join("\n")
  .repeat(2);

/**
 * What a unit head and an administrator read: the typed answers on the card, escaped and paged; the files with a
 * caption; the council's proposal on the administrator's card; a resubmission announced as such.
 */
describe.each(DIALECTS)("readable cards (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;
  let submissionId: number;
  let headId: number;
  let authorId: number;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: "900" });
    await h.bot.init();
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    authorId = await teacher(t.db, 4001, units.u1);
    headId = await teacher(t.db, 4002, units.u1);
    await teacher(t.db, 4003, units.u2);
    await h.services.roles.grant(adminId, 4002, "unit_head", "U1");
    await h.services.roles.grant(adminId, 4003, "unit_head", "U2");
    const forms = h.services.submissions;
    submissionId = (await forms.startDraft(authorId, "initiative", NOW)).id;
    await fillInitiative(forms, authorId, submissionId, "Dạy học <STEM> & dự án");
    await forms.edit(authorId, submissionId, "essence");
    await forms.answer(authorId, submissionId, "essence", ESSENCE, NOW);
    await t.db
      .insertInto("attachments")
      .values({
        submission_id: submissionId,
        kind: "document",
        telegram_file_id: "file-of-the-report",
        telegram_file_unique_id: "u-report",
        file_name: "bao-cao <cuối>.pdf",
        mime_type: "application/pdf",
        size_bytes: 1000,
      })
      .execute();
    await forms.submit(authorId, submissionId, NOW);
  });
  afterAll(async () => {
    await t?.close();
  });

  const render = campaignMessageRenderer(new InProcessBot(null as never).bot.i18n, "Asia/Ho_Chi_Minh", "vi");
  /** The unit head's notices for this submission, as the queue's sender would render them. */
  async function headNotices() {
    const rows = await t.db
      .selectFrom("broadcasts as b")
      .innerJoin("broadcast_deliveries as d", "d.broadcast_id", "b.id")
      .select(["b.id", "b.kind", "b.payload", "b.created_by", "b.campaign_id", "d.user_id"])
      .where("b.kind", "=", "new-submission")
      .orderBy("b.id")
      .execute();
    return rows.map(
      (r) =>
        render({ user_id: r.user_id, locale: null } as ClaimedDelivery, { broadcast: r, campaign: undefined })
          ?.text ?? "",
    );
  }

  it("shows the head the typed answers, escaped and paged, and the files with a caption", async () => {
    const head = h.chat(4002);
    const opened = await head.press(BUTTON.endorseOpen.data(submissionId));
    const card = opened.find((c) => c.method === "sendMessage");
    const text = String(card?.payload.text);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).toContain("Dạy học &lt;STEM&gt; &amp; dự án");
    expect(text).toContain("<b>Vấn đề cần giải quyết</b>\nHọc sinh thụ động.");
    expect(text).toContain("<b>Lĩnh vực áp dụng</b>");
    expect(text).toContain("Bước 1: học sinh &lt;nhóm 0&gt; &amp; giáo viên cùng làm.");
    const next = buttonsOf([card as never]).map((b) => b.data);
    expect(next).toEqual([BUTTON.endorsePage.data(submissionId, 1)]);
    const doc = opened.find((c) => c.method === "sendDocument");
    expect(doc?.payload.caption).toBe(`${"SK-2026-00001"} — bao-cao &lt;cuối&gt;.pdf (1/1)`);

    const page2 = await head.press(BUTTON.endorsePage.data(submissionId, 1));
    expect(page2[0]?.method).toBe("editMessageText");
    expect(String(page2[0]?.payload.text)).toMatch(/nội dung, trang 2\/\d/);
    expect(String(page2[0]?.payload.text).length).toBeLessThanOrEqual(4096);
    const pages = [String(text), ...page2.map((c) => String(c.payload.text))].join("\n");
    expect(pages).toContain("Bước 45: học sinh");
    // Another unit's head cannot page through it.
    expect(textsOf(await h.chat(4003).press(BUTTON.endorsePage.data(submissionId, 1)))).toContain(
      "không có quyền",
    );
  });

  it("announces a resubmission after a return as completed as asked, not as new", async () => {
    await h.services.endorsement.returnForRevision(headId, submissionId, "Bổ sung minh chứng");
    const forms = h.services.submissions;
    await forms.openForm(authorId, submissionId);
    await forms.edit(authorId, submissionId, "benefits");
    await forms.answer(authorId, submissionId, "benefits", "Kết quả tăng 20%, có biên bản.", NOW);
    await forms.submit(authorId, submissionId, new Date(NOW.getTime() + 60_000));
    const [first, second] = await headNotices();
    expect(first).toContain("Hồ sơ mới của đơn vị");
    expect(second).toContain("Hồ sơ đã bổ sung theo yêu cầu");
    expect(second).toContain("Dạy học &lt;STEM&gt; &amp; dự án");
  });

  it("shows the administrator the council's scores, their average and the proposal, and resends the files", async () => {
    await h.services.endorsement.endorse(headId, submissionId);
    const opened = await h.chat(900).press(BUTTON.decideOpen.data(submissionId));
    const said = textsOf(opened);
    expect(said).toContain("Hội đồng chưa chấm hồ sơ này");
    expect(said).toContain("<b>Vấn đề cần giải quyết</b>");
    expect(opened.some((c) => c.method === "sendDocument")).toBe(true);
    // The last page holds the benefits as the author completed them.
    const admin = h.chat(900);
    let page = textsOf(await admin.press(BUTTON.decidePage.data(submissionId, 1)));
    for (let i = 2; i < 10 && !page.includes("Hiệu quả, lợi ích"); i++)
      page = textsOf(await admin.press(BUTTON.decidePage.data(submissionId, i)));
    expect(page).toContain("<b>Hiệu quả, lợi ích thu được</b>\nKết quả tăng 20%, có biên bản.");
    expect(buttonsOf(opened).map((b) => b.data)).toContain(BUTTON.decideRefuse.data(submissionId));
    expect(textsOf(await h.chat(4002).press(BUTTON.decidePage.data(submissionId, 1)))).toContain(
      "không có quyền",
    );
  });
});
