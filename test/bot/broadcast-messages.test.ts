import { describe, expect, it } from "vitest";
import { campaignMessageRenderer, timeLeft } from "../../src/bot/broadcast-messages.js";
import type { Context } from "../../src/bot/context.js";
import { createI18n } from "../../src/bot/i18n.js";
import type { ClaimedDelivery } from "../../src/broadcasts/broadcasts.repository.js";
import type { Campaign } from "../../src/db/types.js";

const NOW = new Date("2026-11-29T03:00:00Z");
const campaign = {
  id: 7,
  title: "<Đổi mới> & sáng tạo",
  description: "Phát động <b>phong trào</b>",
  opens_at: new Date("2026-11-20T00:00:00Z"),
  deadline_at: new Date("2026-12-02T10:00:00Z"),
  accepts_initiatives: true,
  accepts_nominations: true,
  status: "open",
} as Campaign;
const delivery = (over: Partial<ClaimedDelivery>): ClaimedDelivery => ({
  id: 1,
  broadcast_id: 1,
  user_id: 1,
  chat_id: 1,
  variant: null,
  attempts: 1,
  locale: null,
  ...over,
});

describe("campaign messages", () => {
  const i18n = createI18n<Context>("vi", () => "vi");
  const render = campaignMessageRenderer(i18n, "Asia/Ho_Chi_Minh", "vi", () => NOW);
  const reminder = {
    broadcast: {
      id: 1,
      kind: "reminder" as const,
      payload: { deadline: "2026-12-02T10:00:00.000Z" },
      created_by: null,
    },
    campaign,
  };

  it("speaks each recipient's language, with the time left computed when sent", () => {
    const vi = render(delivery({}), reminder);
    const en = render(delivery({ locale: "en" }), reminder);
    expect(vi?.text).toContain("còn 3 ngày");
    expect(vi?.text).toContain("02/12/2026 17:00");
    expect(en?.text).toContain("3 days left");
    expect(en?.text).toContain("You have not submitted");
    expect(render(delivery({ variant: "draft" }), reminder)?.text).toContain("bản nháp chưa hoàn thành");
  });

  it("escapes the title, keeps the formatted description, and offers both kinds", () => {
    const m = render(delivery({}), {
      ...reminder,
      broadcast: { ...reminder.broadcast, kind: "announcement" },
    });
    expect(m?.text).toContain("&lt;Đổi mới&gt; &amp; sáng tạo");
    expect(m?.text).toContain("Phát động <b>phong trào</b>");
    expect(
      m?.reply_markup?.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : "")),
    ).toEqual(["camp:go:7:initiative", "camp:go:7:nomination"]);
  });

  it("sends nothing for a campaign past its deadline or closed", () => {
    const late = campaignMessageRenderer(
      i18n,
      "Asia/Ho_Chi_Minh",
      "vi",
      () => new Date("2026-12-03T00:00:00Z"),
    );
    expect(late(delivery({}), reminder)).toBeUndefined();
    expect(
      render(delivery({}), { ...reminder, campaign: { ...campaign, status: "closed" } }),
    ).toBeUndefined();
  });

  it("reminds a council member of the review deadline, with no buttons", () => {
    const m = render(delivery({ locale: "en" }), {
      broadcast: {
        id: 2,
        kind: "review-reminder",
        payload: { deadline: "2026-12-01T10:00:00.000Z" },
        created_by: null,
      },
      campaign,
    });
    expect(m?.text).toContain("Review reminder");
    expect(m?.text).toContain("2 days left");
    expect(m?.reply_markup).toBeUndefined();
  });

  it("says hours, then minutes, as the deadline nears", () => {
    const t = i18n.fluent.withLocale("en");
    expect(timeLeft(t, 5 * 3_600_000 + 60_000)).toBe("5 hours");
    expect(timeLeft(t, 90_000)).toBe("2 minutes");
  });
});
