import { describe, expect, it } from "vitest";
import { announcementText, campaignMessageRenderer, progressText } from "../../src/bot/broadcast-messages.js";
import { BUTTON } from "../../src/bot/callback-data.js";
import type { ConversationContext } from "../../src/bot/context.js";
import { summaryScreen } from "../../src/bot/form/form-render.js";
import { formattedTextToHtml } from "../../src/bot/formatted-text.js";
import { createI18n } from "../../src/bot/i18n.js";
import { submissionCardText } from "../../src/bot/review-messages.js";
import { ANSWERS_PAGE_LENGTH, answerPages } from "../../src/bot/submission-answers.js";
import { verbatim } from "../../src/bot/verbatim.js";
import type { Campaign } from "../../src/db/types.js";
import { splitMessage } from "../../src/shared/split-message.js";
import { parseTelegramHtml } from "../../src/shared/telegram-html.js";
import { TITLE_MAX } from "../../src/submissions/forms.js";
import { FULL_NAME_MAX_LENGTH } from "../../src/users/full-name.js";
import { telegramRefusal } from "../helpers/telegram-refusals.js";

const i18n = createI18n("vi", () => "vi");
const t = i18n.fluent.withLocale("vi");
const ctx = { t, config: { timezone: "Asia/Ho_Chi_Minh" } } as unknown as ConversationContext;

/** What people type that broke messages: markup, entities, quotes, emoji at every cut, long text, direction marks. */
function hostileTexts(): string[] {
  const texts = [
    "a < b",
    "<b>đậm</b>",
    "&amp; & &lt",
    'x"y',
    "</i>",
    "<",
    "&",
    "\u202eabc",
    "Điểm < 5 và > 3 & hơn thế.",
  ];
  for (const at of [28, 29, 30, 38, 39, 40, 79, 80, 499, 500, 3999, 4000])
    texts.push(`${"Đ".repeat(at)}😀${"<&>".repeat(5)}`, `${"a".repeat(at - 1)}&amp;${"b".repeat(10)}`);
  texts.push("😀".repeat(3000), "<".repeat(5000), `${"từ ".repeat(2000)}`);
  return texts;
}

const accepted = (text: string) => telegramRefusal("sendMessage", { text, parse_mode: "HTML" });

function campaign(title: string, description: string): Campaign {
  const now = Date.now();
  return {
    id: 1,
    title: title.slice(0, 200),
    description: formattedTextToHtml(description.slice(0, 3000), undefined),
    school_year: "2026-2027",
    accepts_initiatives: true,
    accepts_nominations: true,
    opens_at: new Date(now - 3_600_000),
    deadline_at: new Date(now + 86_400_000 * 5),
    announce_at: null,
    review_deadline_at: new Date(now + 86_400_000 * 9),
    status: "open",
    requires_endorsement: true,
  } as unknown as Campaign;
}

describe("every message builder, fed hostile text", () => {
  const texts = hostileTexts();

  it("builds announcements, reminders and notices Telegram accepts, showing the text as typed", () => {
    const render = campaignMessageRenderer(i18n, "Asia/Ho_Chi_Minh", "vi");
    for (const text of texts) {
      const c = campaign(text, text);
      const announcement = announcementText(t, c, "Asia/Ho_Chi_Minh", new Date());
      expect(accepted(announcement), text.slice(0, 50)).toBeUndefined();
      const shown = parseTelegramHtml(announcement);
      expect(shown.ok && shown.text).toContain(c.title);
      for (const kind of [
        "announcement",
        "reminder",
        "deadline-extended",
        "review-reminder",
        "new-submission",
      ]) {
        const message = render(
          { locale: "vi", variant: null } as never,
          {
            broadcast: {
              kind,
              payload: {
                title: text.slice(0, TITLE_MAX),
                submitter: text.slice(0, FULL_NAME_MAX_LENGTH),
                code: "SK-1",
                kind: "initiative",
                submissionId: 1,
              },
            },
            campaign: c,
          } as never,
        );
        if (message) expect(accepted(message.text), `${kind}: ${text.slice(0, 50)}`).toBeUndefined();
      }
      expect(
        accepted(
          progressText(t, {
            id: 1,
            kind: "announcement",
            campaign_title: c.title,
            status: "sending",
            total: 1,
            sent: 0,
            pending: 1,
            failed: 0,
            blocked: 0,
          } as never),
        ),
      ).toBeUndefined();
    }
  });

  it("builds the review card and the form's summary in parts Telegram accepts", () => {
    for (const text of texts) {
      const card = submissionCardText(ctx as never, {
        submission: {
          id: 1,
          code: "SK-1",
          kind: "initiative",
          title: text,
          status: "submitted",
          submitted_at: new Date(),
          fields: {},
        },
        authors: [{ full_name: text.slice(0, 100), share: 100 }],
        attachments: [],
        submitterName: text.slice(0, 100),
      });
      for (const part of splitMessage(card)) expect(accepted(part), text.slice(0, 50)).toBeUndefined();
      // The typed answers, paged: each page accepted, and small enough to follow the card's header.
      const answers = {
        title: text,
        problem: text,
        essence: `${text}\n${text}`,
        benefits: text,
        field: "ict",
      };
      const pages = answerPages(t, "initiative", answers);
      for (const page of pages) {
        expect(accepted(page), text.slice(0, 50)).toBeUndefined();
        expect(page.length).toBeLessThanOrEqual(ANSWERS_PAGE_LENGTH);
      }
      const joined = pages.join("\n");
      expect(joined).toContain("<b>Vấn đề cần giải quyết</b>");
      expect(joined).not.toContain("<b>Tên sáng kiến</b>");
      if (text === "a < b") expect(joined).toContain("a &lt; b");
      const summary = summaryScreen(ctx, {
        id: 1,
        kind: "initiative",
        status: "draft",
        step: "summary",
        editing: false,
        stepNumber: 13,
        totalSteps: 13,
        answers: { title: text, problem: text, essence: text, conditions: text, benefits: text },
        attachments: [],
        draftStep: "summary",
        lastUpdateId: null,
      });
      for (const part of summary.texts) expect(accepted(part), text.slice(0, 50)).toBeUndefined();
    }
  });

  it("shows a nomination's typed fields with their labels, choices in words", () => {
    const [page, more] = answerPages(t, "nomination", {
      nominationKind: "exemplary",
      nominee: "other",
      nomineeName: "Lê <Văn> A",
      nomineePosition: "Giáo viên",
      nomineeUnit: "THPT Lê Lợi",
      award: "giay_khen",
      title: "Thành tích",
      achievements: "Đạt 3 giải & 1 bằng khen",
    });
    expect(more).toBeUndefined();
    expect(page).toContain("<b>Họ tên người được đề cử</b>\nLê &lt;Văn&gt; A");
    expect(page).toContain("<b>Danh hiệu / hình thức khen thưởng đề nghị</b>\nGiấy khen của Giám đốc Sở");
    expect(page).toContain("Đạt 3 giải &amp; 1 bằng khen");
  });

  it("escapes every string a translation inserts, and only what is not marked verbatim", () => {
    expect(t("profile-name-saved", { name: "<b>Lan</b> & Hoa" })).toContain(
      "&lt;b&gt;Lan&lt;/b&gt; &amp; Hoa",
    );
    expect(t("profile-name-saved", { name: verbatim("<b>Lan</b>") })).toContain("<b>Lan</b>");
  });
});

describe("splitting a long message", () => {
  it("closes a tag left open at a cut and opens it again in the next part", () => {
    const parts = splitMessage(`<b>${"chữ ".repeat(3000)}</b>\n<i>cuối</i>`);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(parseTelegramHtml(part).ok, part.slice(-40)).toBe(true);
    expect(parts[1]?.startsWith("<b>")).toBe(true);
  });

  it("never cuts inside a tag", () => {
    const parts = splitMessage(`${"x".repeat(3995)}<a href="https://example.org/${"p".repeat(50)}">link</a>`);
    for (const part of parts) expect(parseTelegramHtml(part).ok, part.slice(-60)).toBe(true);
  });
});

describe("callback data", () => {
  it("reads back what it wrote, within 64 bytes, and matches no forged or oversized id", () => {
    const data = BUTTON.decideRecognise.data(123456789012345, "province");
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(BUTTON.decideRecognise.read(data.match(BUTTON.decideRecognise.filter) ?? "")).toEqual([
      123456789012345,
      "province",
    ]);
    for (const forged of [
      "dec:r:99999999999999999999:unit",
      "dec:r:1:planet",
      "dec:r:-1:unit",
      "dec:r:1:unit:x",
    ])
      expect(BUTTON.decideRecognise.filter.test(forged), forged).toBe(false);
    expect(BUTTON.myDetails.filter.test("my:w:1")).toBe(false);
    // The batch decision's longest buttons: two 15-digit ids and a word, or an id, a group and a page.
    const longest = [
      BUTTON.batchSet.data(123456789012345, 123456789012345, "province"),
      BUTTON.batchExclude.data(123456789012345, 123456789012345, "out"),
      BUTTON.batchList.data(123456789012345, "unscored", 99999),
      BUTTON.decidePage.data(123456789012345, 123456789012345),
    ];
    for (const data of longest) expect(Buffer.byteLength(data), data).toBeLessThanOrEqual(64);
    expect(BUTTON.batchList.read(longest[2]?.match(BUTTON.batchList.filter) ?? "")).toEqual([
      123456789012345,
      "unscored",
      99999,
    ]);
    expect(BUTTON.batchSet.filter.test("bd:s:1:2:planet")).toBe(false);
    expect(BUTTON.batchList.filter.test("bd:l:1:nation:123456")).toBe(false);
  });
});
