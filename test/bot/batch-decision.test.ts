import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUTTON } from "../../src/bot/callback-data.js";
import type { Reviews } from "../helpers/batch-fixtures.js";
import { seedScoredCampaign } from "../helpers/batch-fixtures.js";
import { buttonsOf, InProcessBot, type InProcessChat, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const NATION: Reviews = [
  [9, "recognise_nation"],
  [8, "recognise_nation"],
];
const PROVINCE: Reviews = [
  [7, "recognise_province"],
  [7, "recognise_nation"],
];
const LOW: Reviews = [
  [3, "refuse"],
  [4, "recognise_unit"],
];
/** SK-2026-00001…00003 national, 00004…00012 provincial (more than a page), 00013 below the pass mark. */
const SCORES: Reviews[] = [...Array(3).fill(NATION), ...Array(9).fill(PROVINCE), LOW];

/** The administrator's whole path in the chat: buttons, typed codes and reasons, a command at a prompt. */
describe.each(DIALECTS)("a batch decision in the chat (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;
  let adminChat: InProcessChat;
  let seeded: Awaited<ReturnType<typeof seedScoredCampaign>>;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    seeded = await seedScoredCampaign(t.db, SCORES);
    await t.db.updateTable("campaigns").set({ title: "Đổi mới & sáng tạo" }).execute();
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: "900" });
    await h.bot.init();
    adminChat = h.chat(900);
  });
  afterAll(async () => {
    await t?.close();
  });

  const draftId = async () =>
    (
      await t.db
        .selectFrom("decision_drafts")
        .select("id")
        .where("status", "=", "open")
        .executeTakeFirstOrThrow()
    ).id;

  it("draws up, corrects and makes one decision; a command at a prompt is not an answer", async () => {
    const decide = await adminChat.send("/decide");
    expect(buttonsOf(decide).map((b) => b.data)).toContain(BUTTON.batchPick.data("campaigns"));
    const pick = await adminChat.press(BUTTON.batchPick.data("campaigns"));
    // A button's label is plain text: the title as typed, not escaped.
    expect(buttonsOf(pick)).toContainEqual({
      text: "Đổi mới & sáng tạo (13 hồ sơ)",
      data: BUTTON.batchStart.data(seeded.campaignId),
    });

    // A command typed where the number is asked leaves the question and runs; nothing is drawn up.
    await adminChat.press(BUTTON.batchStart.data(seeded.campaignId));
    expect(textsOf(await adminChat.send("/broadcasts"))).toContain("Đã dừng việc đang làm dở");
    expect(await t.db.selectFrom("decision_drafts").select("id").execute()).toEqual([]);

    expect(textsOf(await adminChat.press(BUTTON.batchStart.data(seeded.campaignId)))).toContain("Bước 1/2");
    expect(textsOf(await adminChat.send("quyết định 336"))).toContain("Chưa đúng dạng");
    expect(textsOf(await adminChat.send("336/QĐ-SGDĐT 31/02/2026"))).toContain("không có thật");
    const signer = await adminChat.send("336/QĐ-SGDĐT 15/6/2026");
    expect(textsOf(signer)).toContain("Bước 2/2");
    expect(textsOf(signer)).toContain("15/06/2026");
    expect(textsOf(await adminChat.send("   "))).toContain("Cần họ tên người ký");
    const summary = textsOf(await adminChat.send("Nguyễn Văn An"));
    expect(summary).toContain("12 công nhận</b>: 3 toàn quốc, 9 cấp tỉnh, 0 cấp cơ sở; <b>1 không công nhận");
    expect(summary).toContain("1 hồ sơ không công nhận chưa có lý do");
    const id = await draftId();

    // The provincial group is paged; titles from people are escaped.
    const page1 = await adminChat.press(BUTTON.batchList.data(id, "province", 0));
    expect(page1[0]?.method).toBe("editMessageText");
    expect(textsOf(page1)).toContain("trang 1/2");
    expect(textsOf(page1)).toContain("&lt;về dạy &amp; học&gt;");
    const page2 = await adminChat.press(BUTTON.batchList.data(id, "province", 1));
    expect(textsOf(page2)).toContain("SK-2026-00012");
    const fifth = seeded.submissions[4] as number;
    expect(buttonsOf(page1).map((b) => b.data)).toContain(BUTTON.batchItem.data(id, fifth));
    const card = await adminChat.press(BUTTON.batchItem.data(id, fifth));
    expect(textsOf(card)).toContain("điểm bình quân 7");
    // Raised to national from its card.
    expect(textsOf(await adminChat.press(BUTTON.batchSet.data(id, fifth, "nation")))).toContain(
      "Trong quyết định: <b>Toàn quốc</b>",
    );

    // By typed code: an unknown one is said so and asked again; a known one (any case) opens, is refused.
    await adminChat.press(BUTTON.batchCode.data(id));
    expect(textsOf(await adminChat.send("SK-2026-99999"))).toContain("Không có hồ sơ");
    // Echoed back cut short: an emoji across the cut is not split in half (Telegram refuses half an emoji).
    expect(textsOf(await adminChat.send(`${"x".repeat(39)}😀 <b>`))).toContain("Không có hồ sơ");
    const second = await adminChat.send("sk-2026-00002");
    expect(textsOf(second)).toContain("SK-2026-00002");
    const secondId = seeded.submissions[1] as number;
    await adminChat.press(BUTTON.batchSet.data(id, secondId, "refuse"));
    // A restart: a new bot on the same database finds the draft as it was, offered by /decide.
    const restarted = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: "900" });
    await restarted.bot.init();
    const again = restarted.chat(900);
    await again.send("/decide");
    const offered = await again.press(BUTTON.batchPick.data("campaigns"));
    expect(buttonsOf(offered)[0]).toEqual({
      text: "↪️ Tiếp tục bản đề xuất QĐ 336/QĐ-SGDĐT",
      data: BUTTON.batchHome.data(id),
    });
    expect(textsOf(await again.press(BUTTON.batchHome.data(id)))).toContain(
      "11 công nhận</b>: 3 toàn quốc, 8 cấp tỉnh, 0 cấp cơ sở; <b>2 không công nhận",
    );
    // And one left out.
    const sixth = seeded.submissions[5] as number;
    expect(textsOf(await adminChat.press(BUTTON.batchExclude.data(id, sixth, "out")))).toContain(
      "Trong quyết định: <b>Để ra ngoài</b>",
    );

    // Confirming asks for the missing reasons first; one reason goes to both refusals.
    expect(textsOf(await adminChat.press(BUTTON.batchConfirm.data(id)))).toContain(
      "2 hồ sơ không công nhận chưa có lý do",
    );
    expect(textsOf(await adminChat.press(BUTTON.batchReasonAll.data(id)))).toContain("2 hồ sơ");
    const reasoned = textsOf(await adminChat.send("Chưa đạt <mức> điểm & tính mới"));
    expect(reasoned).toContain("Đã ghi lý do cho 2 hồ sơ");
    const confirm = textsOf(await adminChat.press(BUTTON.batchConfirm.data(id)));
    expect(confirm).toContain("10 công nhận</b>: 3 toàn quốc, 7 cấp tỉnh, 0 cấp cơ sở; <b>2 không công nhận");

    const applied = textsOf(await adminChat.press(BUTTON.batchApply.data(id)));
    expect(applied).toContain(
      "Đã ban hành Quyết định số <b>336/QĐ-SGDĐT</b>: 10 công nhận, 2 không công nhận",
    );
    expect(applied).toContain("12 người nộp");
    // A second tap changes nothing.
    expect(textsOf(await adminChat.press(BUTTON.batchApply.data(id)))).toContain("đã được ban hành");
    // An old button of the draft changes nothing now, and says why.
    expect(textsOf(await adminChat.press(BUTTON.batchSet.data(id, fifth, "unit")))).toContain(
      "Bản đề xuất này đã được ban hành",
    );
    expect(await t.db.selectFrom("decisions").select("number").execute()).toEqual([
      { number: "336/QĐ-SGDĐT" },
    ]);
    const refused = await t.db
      .selectFrom("submissions")
      .select(["code", "decision_reasons"])
      .where("status", "=", "refused")
      .orderBy("code")
      .execute();
    expect(refused).toEqual([
      { code: "SK-2026-00002", decision_reasons: "Chưa đạt <mức> điểm & tính mới" },
      { code: "SK-2026-00013", decision_reasons: "Chưa đạt <mức> điểm & tính mới" },
    ]);

    // /broadcasts shows the submitters being told.
    expect(textsOf(await adminChat.send("/broadcasts"))).toContain("Kết quả quyết định");
  });

  it("lists what changed since the draft, leaves it out on request, and then has nothing to make", async () => {
    // The one left out above is still under review: a second decision takes it up.
    await adminChat.send("/decide");
    await adminChat.press(BUTTON.batchPick.data("campaigns"));
    await adminChat.press(BUTTON.batchStart.data(seeded.campaignId));
    await adminChat.send("337/QĐ-SGDĐT 16/06/2026");
    expect(textsOf(await adminChat.send("Nguyễn Văn An"))).toContain(
      "1 công nhận</b>: 0 toàn quốc, 1 cấp tỉnh",
    );
    const id = await draftId();
    // Meanwhile its author's text changes.
    await t.db
      .updateTable("submissions")
      .set({ title: "Đã sửa", updated_at: new Date(Date.now() + 1000) })
      .where("id", "=", seeded.submissions[5] as number)
      .execute();
    await adminChat.press(BUTTON.batchConfirm.data(id));
    const stale = await adminChat.press(BUTTON.batchApply.data(id));
    expect(textsOf(stale)).toContain("Chưa ban hành</b>: 1 hồ sơ đã thay đổi");
    expect(textsOf(stale)).toContain("SK-2026-00006: đã được sửa sau khi lập đề xuất");
    expect(await t.db.selectFrom("decisions").select("number").execute()).toEqual([
      { number: "336/QĐ-SGDĐT" },
    ]);
    expect(textsOf(await adminChat.press(BUTTON.batchDropStale.data(id)))).toContain("Đã bỏ 1 hồ sơ");
    // With nothing left to recognise or refuse, the summary says so and offers no button to issue it.
    const home = await adminChat.press(BUTTON.batchHome.data(id));
    expect(textsOf(home)).toContain("chưa có hồ sơ nào để ban hành");
    expect(buttonsOf(home).map((b) => b.data)).not.toContain(BUTTON.batchConfirm.data(id));
    expect(textsOf(await adminChat.press(BUTTON.batchApply.data(id)))).toContain("chưa có hồ sơ nào");
  });

  it("refuses a teacher's forged button", async () => {
    const teacherChat = h.chat(50_002);
    await teacherChat.send("/start");
    expect(textsOf(await teacherChat.press(BUTTON.batchStart.data(seeded.campaignId)))).toContain(
      "không có quyền",
    );
  });
});
