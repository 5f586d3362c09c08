import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, seedUnits } from "../helpers/campaign-fixtures.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

/** Who a new campaign is for (step 4 of /newcampaign): buttons only where buttons are asked, units found by typing. */
describe.each(DIALECTS)("a new campaign's audience (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;
  let units: { u1: number; u2: number; u3: number };
  const ADMIN = 7009;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    units = await seedUnits(t.db);
    h = new InProcessBot(t.db, { ADMIN_TELEGRAM_IDS: String(ADMIN) });
    await h.bot.init();
    await admin(t.db, ADMIN);
  });

  afterAll(async () => {
    await t.close();
  });

  async function atAudienceStep(title: string) {
    const chat = h.chat(ADMIN);
    await chat.send("/newcampaign");
    await chat.send(title);
    await chat.send("Nội dung phát động");
    expect(textsOf(await chat.press("cc:a:i"))).toContain("Bước 4/9");
    return chat;
  }

  async function finish(chat: ReturnType<InProcessBot["chat"]>, title: string) {
    await chat.press("cc:now");
    await chat.send("01/01/2099 17:00");
    await chat.press("cc:now");
    await chat.press("cc:r:default");
    expect(textsOf(await chat.press("cc:confirm"))).toContain("✅");
    const row = await t.db
      .selectFrom("campaigns")
      .select("audience")
      .where("title", "=", title)
      .executeTakeFirstOrThrow();
    return row.audience;
  }

  it("chooses units by typing part of their names; refuses what it did not offer, with a hint", async () => {
    const chat = await atAudienceStep("Phong trào theo đơn vị");
    // Not an answer to this step: a stray button, then text where buttons are asked.
    expect(textsOf(await chat.press("aud:done"))).toBe("Nút này không còn dùng được nữa.");
    expect(textsOf(await chat.send("mọi người"))).toContain("Vui lòng chọn một trong các nút");

    expect(textsOf(await chat.press("aud:units"))).toContain("Gõ một phần tên đơn vị");
    // Done with nothing chosen yet, and a forged toggle of another step: refused.
    expect(textsOf(await chat.press("aud:done"))).toBe("Nút này không còn dùng được nữa.");
    expect(textsOf(await chat.press("aud:t:0"))).toBe("Nút này không còn dùng được nữa.");
    expect(textsOf(await chat.sendSticker())).toContain("cần câu trả lời bằng chữ");

    const found = await chat.send("kim");
    expect(buttonsOf(found)).toEqual([{ text: "THCS Kim Đồng", data: `aud:u:${units.u2}` }]);
    const chosen = await chat.press(`aud:u:${units.u2}`);
    expect(textsOf(chosen)).toContain("• THCS Kim Đồng");
    expect(buttonsOf(chosen).map((b) => b.data)).toEqual(["aud:done"]);
    expect(textsOf(await chat.press("aud:done"))).toContain("Bước 5/9");
    expect(await finish(chat, "Phong trào theo đơn vị")).toEqual({
      clusters: [],
      blocks: [],
      unitIds: [units.u2],
    });
  });

  it("toggles clusters on and off in one message, and needs one before Xong", async () => {
    const chat = await atAudienceStep("Phong trào theo cụm");
    const clusters = await chat.press("aud:clusters");
    expect(buttonsOf(clusters).map((b) => b.data)).toEqual(["aud:t:0", "aud:t:1", "aud:done", "step:cancel"]);
    expect(textsOf(await chat.press("aud:done"))).toContain("Chưa chọn mục nào");
    // A toggle outside the list (forged) is refused; the two real ones edit the keyboard in place.
    expect(textsOf(await chat.press("aud:t:7"))).toBe("Nút này không còn dùng được nữa.");
    const since = h.calls.length;
    await chat.press("aud:t:0");
    await chat.press("aud:t:1");
    await chat.press("aud:t:0");
    const edits = h.calls.slice(since).filter((c) => c.method === "editMessageReplyMarkup");
    expect(edits).toHaveLength(3);
    expect(textsOf(await chat.press("aud:done"))).toContain("Bước 5/9");
    expect(await finish(chat, "Phong trào theo cụm")).toEqual({
      clusters: ["Cụm 2"],
      blocks: [],
      unitIds: [],
    });
  });
});
