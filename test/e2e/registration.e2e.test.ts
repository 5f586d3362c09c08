import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, seedDemoUnits, startBot, tempDir } from "../helpers/bot-process.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi, type RecordedCall } from "../helpers/fake-telegram-api.js";

const dataOf = (call: RecordedCall, text: string) => {
  const button = buttons(call).find((b) => b.text === text);
  if (!button) throw new Error(`no button "${text}" in ${JSON.stringify(buttons(call))}`);
  return button.data;
};

describe("registration on first /start, and changing the unit from /profile", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    const env = { DATA_DIR: tempDir() };
    seedDemoUnits(env);
    bot = await startBot(api, env);
  });

  afterAll(async () => {
    await bot.stop();
    await api.stop();
  });

  it("takes a new teacher through name, unit search, unit browse and confirmation", async () => {
    const chat = new FakeChat(api, 6001, { first_name: "Lan", last_name: "Nguyễn Thị" });
    const since = chat.push("/start");
    const greeting = await chat.nextReply(since);
    expect(greeting.payload.text).toContain("Xin chào <b>Lan</b>");
    const askName = await chat.nextReply(api.calls.indexOf(greeting) + 1);
    expect(askName.payload.text).toContain("Bước 1/3");
    expect(buttons(askName).map((b) => b.text)).toContain("Dùng tên: Lan Nguyễn Thị");

    const askUnit = await chat.press("name:keep");
    expect(askUnit.payload.text).toContain("Bước 2/3");
    expect(askUnit.payload.text).toContain("thpt le loi");

    expect((await chat.sendSticker()).payload.text).toContain("gõ một phần tên đơn vị");
    expect((await chat.send("trường không có")).payload.text).toContain(
      "Không tìm thấy đơn vị nào khớp với “trường không có”",
    );

    const matches = await chat.send("thpt le loi");
    expect(matches.payload.text).toContain("Tìm thấy 1 đơn vị");
    const leLoi = dataOf(matches, "THPT Lê Lợi");
    expect(leLoi).toMatch(/^unit:\d+$/);

    // A unit id the bot did not offer (forged callback data) is refused.
    expect((await chat.press("unit:999999")).payload.text).toBe("Nút này không còn dùng được nữa.");

    const confirm = await chat.press(leLoi);
    expect(confirm.payload.text).toContain("Bước 3/3");
    expect(confirm.payload.text).toContain("Họ tên: <b>Lan Nguyễn Thị</b>");
    expect(confirm.payload.text).toContain("Đơn vị: <b>THPT Lê Lợi</b> (Thành phố Lam Sơn)");

    // Change the unit by browsing: the earlier choice is offered to keep.
    const again = await chat.press("reg:unit");
    expect(buttons(again).map((b) => b.text)).toContain("Giữ: THPT Lê Lợi");
    const districts = await chat.press("unit:browse");
    expect(buttons(districts).map((b) => b.text)).toContain("Huyện Đồng Xuân");
    const inDistrict = await chat.press(dataOf(districts, "Huyện Đồng Xuân"));
    expect(inDistrict.payload.text).toContain("Các đơn vị ở <b>Huyện Đồng Xuân</b>");
    const confirm2 = await chat.press(dataOf(inDistrict, "THCS Lê Lợi"));
    expect(confirm2.payload.text).toContain("Đơn vị: <b>THCS Lê Lợi</b> (Huyện Đồng Xuân)");

    // And the name, typed this time.
    await chat.press("reg:name");
    const confirm3 = await chat.send("Nguyễn Thị Lan");
    expect(confirm3.payload.text).toContain("Họ tên: <b>Nguyễn Thị Lan</b>");
    expect(confirm3.payload.text).toContain("THCS Lê Lợi");

    expect((await chat.press("reg:save")).payload.text).toContain("Đăng ký xong");
    expect((await chat.send("/start")).payload.text).toContain(
      "Chào mừng thầy/cô <b>Nguyễn Thị Lan</b> quay lại",
    );
    expect((await chat.send("/profile")).payload.text).toContain("Đơn vị: THCS Lê Lợi (Huyện Đồng Xuân)");
  });

  it("saves nothing when registration is cancelled", async () => {
    const chat = new FakeChat(api, 6002, { first_name: "Bình" });
    const since = chat.push("/start");
    await api.waitForCall((c) => c.method === "sendMessage" && String(c.payload.text).includes("Bước 1/3"), {
      since,
    });
    await chat.send("Trần Văn Bình");
    expect((await chat.press("step:cancel")).payload.text).toContain("chưa có gì được lưu");
    expect((await chat.send("/profile")).payload.text).toContain("Họ tên: <i>(chưa có)</i>");
  });

  it("registers in English for an English-speaking user", async () => {
    const chat = new FakeChat(api, 6003, { first_name: "Mai", last_name: "Tran", language_code: "en" });
    const since = chat.push("/start");
    const ask = await api.waitForCall(
      (c) =>
        c.method === "sendMessage" &&
        c.payload.chat_id === 6003 &&
        String(c.payload.text).includes("Step 1/3"),
      { since },
    );
    expect(buttons(ask).map((b) => b.text)).toContain("Use: Mai Tran");
    expect((await chat.press("name:keep")).payload.text).toContain("Step 2/3");
    const matches = await chat.send("tan hoa");
    expect(matches.payload.text).toMatch(/^Found \d unit\(s\)/);
    const confirm = await chat.press(dataOf(matches, "THPT Tân Hòa"));
    expect(confirm.payload.text).toContain("Unit: <b>THPT Tân Hòa</b> (Huyện Tân Hòa)");
    expect((await chat.press("reg:save")).payload.text).toContain("You are registered!");
  });

  it("/profile changes the unit", async () => {
    const chat = new FakeChat(api, 6001);
    await chat.send("/profile");
    const ask = await chat.press("profile:unit");
    expect(ask.payload.text).toContain("Bước 1/1");
    const matches = await chat.send("mam non hoa sen");
    expect((await chat.press(dataOf(matches, "Mầm non Hoa Sen"))).payload.text).toBe(
      "✅ Đã lưu đơn vị: <b>Mầm non Hoa Sen</b>",
    );
    expect((await chat.send("/profile")).payload.text).toContain(
      "Đơn vị: Mầm non Hoa Sen (Thành phố Lam Sơn)",
    );
  });
});
