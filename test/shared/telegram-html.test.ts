import { describe, expect, it } from "vitest";
import { announcementHtml, parseTelegramHtml } from "../../src/shared/telegram-html.js";
import { telegramRefusal } from "../helpers/telegram-refusals.js";

describe("Telegram's HTML, as its parser reads it", () => {
  it("accepts its tags and entities and shows the text they stand for", () => {
    expect(parseTelegramHtml('<b>a</b> &lt; <a href="x">b</a> &amp; &#128512; & c > d')).toEqual({
      ok: true,
      text: "a < b & 😀 & c > d",
    });
  });

  it.each([
    ["a raw <", "a < b"],
    ["an unknown tag", "<div>x</div>"],
    ["an unclosed tag", "<b>x"],
    ["tags closed out of order", "<b><i>x</b></i>"],
    ["an end tag with no start", "x</b>"],
  ])("refuses %s", (_what, html) => {
    expect(parseTelegramHtml(html).ok).toBe(false);
  });

  it("keeps a stored announcement that parses, and escapes one that does not", () => {
    expect(announcementHtml("Phát động <b>phong trào</b>")).toBe("Phát động <b>phong trào</b>");
    expect(announcementHtml("Điểm < 5 & hơn")).toBe("Điểm &lt; 5 &amp; hơn");
  });
});

describe("the fake Bot API's refusals", () => {
  it("refuses what Telegram refuses", () => {
    const send = (payload: Record<string, unknown>) =>
      telegramRefusal("sendMessage", { chat_id: 1, ...payload });
    expect(send({ text: "a < b", parse_mode: "HTML" })).toMatch(/can't parse entities/);
    expect(send({ text: "a < b" })).toBeUndefined();
    expect(send({ text: "\ud83d half an emoji" })).toMatch(/UTF-8/);
    expect(send({ text: "x".repeat(4097) })).toMatch(/too long/);
    expect(send({ text: `<b>${"x".repeat(4096)}</b>`, parse_mode: "HTML" })).toBeUndefined();
    expect(send({ text: "  " })).toMatch(/empty/);
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "b", callback_data: data }]] });
    expect(send({ text: "x", reply_markup: keyboard("é".repeat(33)) })).toMatch(/BUTTON_DATA_INVALID/);
    expect(send({ text: "x", reply_markup: keyboard("é".repeat(32)) })).toBeUndefined();
  });
});
