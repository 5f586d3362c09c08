import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedCall } from "../helpers/fake-telegram-api.js";
import { buttonsOf, InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const DEMO_UNITS = readFileSync(new URL("../../seed/demo-units.csv", import.meta.url), "utf8");

const dataOf = (replies: RecordedCall[], text: string) => {
  const button = buttonsOf(replies).find((b) => b.text === text);
  if (!button) throw new Error(`no button "${text}" in ${JSON.stringify(buttonsOf(replies))}`);
  return button.data;
};

/** Registration on first /start and the unit from /profile, through createBot in process (no restart involved). */
describe.each(DIALECTS)(
  "registration on first /start, and changing the unit from /profile (%s)",
  (dialect) => {
    let t: TestDatabase;
    let h: InProcessBot;

    beforeAll(async () => {
      t = await createTestDatabase(dialect);
      h = new InProcessBot(t.db);
      await h.services.units.importCatalogue(DEMO_UNITS);
      await h.bot.init();
    });

    afterAll(async () => {
      await t.close();
    });

    it("takes a new teacher through name, unit search, unit browse and confirmation", async () => {
      const chat = h.chat(6001, { first_name: "Lan", last_name: "Nguyễn Thị" });
      const start = await chat.send("/start");
      expect(textsOf(start)).toContain("Xin chào <b>Lan</b>");
      expect(textsOf(start)).toContain("Bước 1/3");
      expect(buttonsOf(start).map((b) => b.text)).toContain("Dùng tên: Lan Nguyễn Thị");

      const askUnit = textsOf(await chat.press("name:keep"));
      expect(askUnit).toContain("Bước 2/3");
      expect(askUnit).toContain("thpt le loi");

      expect(textsOf(await chat.sendSticker())).toContain("gõ một phần tên đơn vị");
      expect(textsOf(await chat.send("trường không có"))).toContain(
        "Không tìm thấy đơn vị nào khớp với “trường không có”",
      );

      const matches = await chat.send("thpt le loi");
      expect(textsOf(matches)).toContain("Tìm thấy 1 đơn vị");
      const leLoi = dataOf(matches, "THPT Lê Lợi");
      expect(leLoi).toMatch(/^unit:\d+$/);

      // A unit id the bot did not offer (forged callback data) is refused.
      expect(textsOf(await chat.press("unit:999999"))).toBe("Nút này không còn dùng được nữa.");

      const confirm = textsOf(await chat.press(leLoi));
      expect(confirm).toContain("Bước 3/3");
      expect(confirm).toContain("Họ tên: <b>Lan Nguyễn Thị</b>");
      expect(confirm).toContain("Đơn vị: <b>THPT Lê Lợi</b> (Thành phố Lam Sơn)");

      // Change the unit by browsing: the earlier choice is offered to keep.
      const again = await chat.press("reg:unit");
      expect(buttonsOf(again).map((b) => b.text)).toContain("Giữ: THPT Lê Lợi");
      const districts = await chat.press("unit:browse");
      expect(buttonsOf(districts).map((b) => b.text)).toContain("Huyện Đồng Xuân");
      const inDistrict = await chat.press(dataOf(districts, "Huyện Đồng Xuân"));
      expect(textsOf(inDistrict)).toContain("Các đơn vị ở <b>Huyện Đồng Xuân</b>");
      const confirm2 = textsOf(await chat.press(dataOf(inDistrict, "THCS Lê Lợi")));
      expect(confirm2).toContain("Đơn vị: <b>THCS Lê Lợi</b> (Huyện Đồng Xuân)");

      // And the name, typed this time.
      await chat.press("reg:name");
      const confirm3 = textsOf(await chat.send("Nguyễn Thị Lan"));
      expect(confirm3).toContain("Họ tên: <b>Nguyễn Thị Lan</b>");
      expect(confirm3).toContain("THCS Lê Lợi");

      expect(textsOf(await chat.press("reg:save"))).toContain("Đăng ký xong");
      expect(textsOf(await chat.send("/start"))).toContain(
        "Chào mừng thầy/cô <b>Nguyễn Thị Lan</b> quay lại",
      );
      expect(textsOf(await chat.send("/profile"))).toContain("Đơn vị: THCS Lê Lợi (Huyện Đồng Xuân)");
    });

    it("saves nothing when registration is cancelled", async () => {
      const chat = h.chat(6002, { first_name: "Bình", last_name: undefined });
      expect(textsOf(await chat.send("/start"))).toContain("Bước 1/3");
      await chat.send("Trần Văn Bình");
      expect(textsOf(await chat.press("step:cancel"))).toContain("chưa có gì được lưu");
      expect(textsOf(await chat.send("/profile"))).toContain("Họ tên: <i>(chưa có)</i>");
    });

    it("registers in English for an English-speaking user", async () => {
      const chat = h.chat(6003, { first_name: "Mai", last_name: "Tran", language_code: "en" });
      const ask = await chat.send("/start");
      expect(textsOf(ask)).toContain("Step 1/3");
      expect(buttonsOf(ask).map((b) => b.text)).toContain("Use: Mai Tran");
      expect(textsOf(await chat.press("name:keep"))).toContain("Step 2/3");
      const matches = await chat.send("tan hoa");
      expect(textsOf(matches)).toMatch(/^Found \d unit\(s\)/);
      const confirm = textsOf(await chat.press(dataOf(matches, "THPT Tân Hòa")));
      expect(confirm).toContain("Unit: <b>THPT Tân Hòa</b> (Huyện Tân Hòa)");
      expect(textsOf(await chat.press("reg:save"))).toContain("You are registered!");
    });

    it("/profile changes the unit", async () => {
      const chat = h.chat(6001, { first_name: "Lan", last_name: "Nguyễn Thị" });
      await chat.send("/profile");
      expect(textsOf(await chat.press("profile:unit"))).toContain("Bước 1/1");
      const matches = await chat.send("mam non hoa sen");
      expect(textsOf(await chat.press(dataOf(matches, "Mầm non Hoa Sen")))).toBe(
        "✅ Đã lưu đơn vị: <b>Mầm non Hoa Sen</b>",
      );
      expect(textsOf(await chat.send("/profile"))).toContain("Đơn vị: Mầm non Hoa Sen (Thành phố Lam Sơn)");
    });
  },
);
