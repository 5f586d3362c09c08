import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../../src/db/create-database.js";
import { dateIn, schoolYearOf } from "../../src/shared/time.js";
import { type BotProcess, seedDemoUnits, startBot, tempDir } from "../helpers/bot-process.js";
import { insertOpenCampaign, insertPerson, unitIdByName } from "../helpers/campaign-fixtures.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi, type RecordedCall } from "../helpers/fake-telegram-api.js";

/** Telegram ids of the people in the matrix. */
const WHO = {
  author: 6301,
  "another teacher": 6302,
  "head of the unit": 6303,
  "head of another unit": 6304,
  reviewer: 6305,
  "another reviewer": 6306,
  admin: 9301,
} as const;
type Who = keyof typeof WHO;
const EVERYONE = Object.keys(WHO) as Who[];

interface Action {
  name: string;
  /** A command ("/stats") or an inline button's callback data, including forged data naming others' ids. */
  update: string;
  allowed: Who[];
  /** An allowed press starts a conversation: /cancel leaves it before the next cell. */
  conversation?: boolean;
  /** What the allowed person's first answer says (for actions that change something: proof it took effect once). */
  expect?: string;
  /** The last message of a multi-message answer, so the next cell does not read it. */
  until?: (call: RecordedCall) => boolean;
}

const REFUSALS = ["⛔", "Không tìm thấy hồ sơ này"];

/**
 * Every privileged command and button × every role, through the real bot process and the fake Bot API. The
 * people refused go first; an action that changes something is allowed to one person only, who goes last and
 * must see it succeed — so a refused press that had changed anything would show up as a failure there.
 */
describe("authorization matrix through the bot: every privileged command and button × every role", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;
  const ids = { campaign: 0, submitted: 0, endorsed: 0, assignment: 0 };

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    const env = { DATA_DIR: tempDir(), ADMIN_TELEGRAM_IDS: String(WHO.admin) };
    seedDemoUnits(env);
    const database = await createDatabase({ kind: "pglite", dataDir: env.DATA_DIR });
    const db = database.db;
    const leLoi = await unitIdByName(db, "THPT Lê Lợi");
    const nguyenDu = await unitIdByName(db, "THPT Nguyễn Du");
    const person = (who: Who, unitId: number) => insertPerson(db, WHO[who], unitId, who);
    const author = await person("author", leLoi);
    await person("another teacher", leLoi);
    const head = await person("head of the unit", leLoi);
    const otherHead = await person("head of another unit", nguyenDu);
    const reviewer = await person("reviewer", nguyenDu);
    const otherReviewer = await person("another reviewer", nguyenDu);
    await db
      .insertInto("user_roles")
      .values([
        { user_id: head, role: "unit_head", unit_id: leLoi, granted_by: null },
        { user_id: otherHead, role: "unit_head", unit_id: nguyenDu, granted_by: null },
        { user_id: reviewer, role: "reviewer", unit_id: null, granted_by: null },
        { user_id: otherReviewer, role: "reviewer", unit_id: null, granted_by: null },
      ])
      .execute();
    ids.campaign = await insertOpenCampaign(db);
    await db
      .insertInto("campaign_reviewers")
      .values([reviewer, otherReviewer].map((user_id) => ({ campaign_id: ids.campaign, user_id })))
      .execute();
    const submission = async (code: string, status: "submitted" | "endorsed" | "under_review") =>
      (
        await db
          .insertInto("submissions")
          .values({
            kind: "initiative",
            status,
            code,
            title: `Sáng kiến ${code}`,
            submitter_id: author,
            unit_id: leLoi,
            campaign_id: ids.campaign,
            submitted_at: new Date(),
            school_year: schoolYearOf(dateIn("Asia/Ho_Chi_Minh", new Date())),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    ids.submitted = await submission("SK-2026-00001", "submitted");
    ids.endorsed = await submission("SK-2026-00002", "endorsed");
    const underReview = await submission("SK-2026-00003", "under_review");
    ids.assignment = (
      await db
        .insertInto("review_assignments")
        .values({ submission_id: underReview, reviewer_id: reviewer })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    await database.close();
    bot = await startBot(api, env);
  });

  afterAll(async () => {
    await bot?.stop();
    await api?.stop();
  });

  it("allows each to exactly the roles that own it, and refuses the rest without changing anything", async () => {
    const { campaign: c, submitted: s1, endorsed: s2, assignment: a1 } = ids;
    const admin: Who[] = ["admin"];
    const isCsv = (call: RecordedCall) => String(call.payload.document?.name).endsWith(".csv");
    const hasButton = (data: string) => (call: RecordedCall) => buttons(call).some((b) => b.data === data);
    const actions: Action[] = [
      { name: "/newcampaign", update: "/newcampaign", allowed: admin, conversation: true },
      { name: "/broadcasts", update: "/broadcasts", allowed: admin },
      { name: "refresh broadcasts", update: "bc:refresh", allowed: admin },
      { name: "/roles", update: "/roles", allowed: admin },
      { name: "/decide", update: "/decide", allowed: admin },
      { name: "/council rubric", update: `/council c${c} rubric`, allowed: admin },
      { name: "/council assign", update: `/council c${c} assign`, allowed: admin },
      { name: "/stats", update: "/stats", allowed: admin, until: (call) => call.method === "sendPhoto" },
      { name: "/export", update: "/export", allowed: admin, until: isCsv },
      { name: "/queue", update: "/queue", allowed: ["head of the unit", "head of another unit"] },
      { name: "/review", update: "/review", allowed: ["reviewer", "another reviewer"] },
      { name: "new campaign button", update: "cadm:new", allowed: admin, conversation: true },
      { name: "campaign details", update: `cadm:v:${c}`, allowed: admin },
      { name: "announcement preview", update: `cadm:prev:${c}`, allowed: admin },
      { name: "extend the deadline", update: `cadm:ext:${c}`, allowed: admin, conversation: true },
      { name: "edit the title", update: `cadm:et:${c}`, allowed: admin, conversation: true },
      { name: "edit the announcement", update: `cadm:ed:${c}`, allowed: admin, conversation: true },
      {
        name: "require endorsement",
        update: `cadm:endo:${c}:on`,
        allowed: admin,
        expect: "cần thủ trưởng đơn vị xác nhận",
      },
      { name: "close (asks first)", update: `cadm:close:${c}`, allowed: admin },
      {
        name: "open to endorse",
        update: `end:o:${s1}`,
        allowed: ["head of the unit"],
        until: hasButton(`end:ok:${s1}`),
      },
      {
        name: "return with a note",
        update: `end:ret:${s1}`,
        allowed: ["head of the unit"],
        conversation: true,
      },
      { name: "endorse", update: `end:ok:${s1}`, allowed: ["head of the unit"], expect: "Đã xác nhận hồ sơ" },
      { name: "open to decide", update: `dec:o:${s2}`, allowed: admin, until: hasButton(`dec:x:${s2}`) },
      { name: "recognise", update: `dec:r:${s2}:province`, allowed: admin, conversation: true },
      { name: "refuse", update: `dec:x:${s2}`, allowed: admin, conversation: true },
      {
        name: "open an assignment",
        update: `rev:o:${a1}`,
        allowed: ["reviewer"],
        until: hasButton(`rev:c:${a1}`),
      },
      { name: "score", update: `rev:s:${a1}`, allowed: ["reviewer"], conversation: true },
      {
        name: "declare a conflict",
        update: `rev:c:${a1}`,
        allowed: ["reviewer"],
        expect: "giao cho thành viên khác",
      },
      { name: "a submission's details", update: `my:${s1}`, allowed: ["author"] },
      { name: "withdraw (asks first)", update: `my:w:${s1}`, allowed: ["author"] },
      { name: "withdraw", update: `my:wy:${s1}`, allowed: ["author"], expect: "Đã rút hồ sơ" },
      { name: "close", update: `cadm:closeok:${c}`, allowed: admin, expect: "Đã đóng phong trào" },
    ];

    const seen: string[] = [];
    const expected: string[] = [];
    for (const action of actions) {
      const order = [...EVERYONE.filter((w) => !action.allowed.includes(w)), ...action.allowed];
      for (const who of order) {
        const chat = new FakeChat(api, WHO[who]);
        const since = api.mark();
        const reply = action.update.startsWith("/")
          ? await chat.send(action.update)
          : await chat.press(action.update);
        const text = String(reply.payload.text ?? reply.payload.caption ?? "");
        const refused = REFUSALS.some((r) => text.includes(r));
        seen.push(`${action.name} × ${who}: ${refused ? "refused" : "allowed"}`);
        expected.push(`${action.name} × ${who}: ${action.allowed.includes(who) ? "allowed" : "refused"}`);
        if (refused) continue;
        if (!action.allowed.includes(who)) {
          // Let in by mistake: leave whatever it started, so the cells after it still read true.
          if (action.conversation) await chat.send("/cancel");
          continue;
        }
        if (action.expect) expect(text, `${action.name} × ${who}`).toContain(action.expect);
        if (action.until)
          await api
            .waitForCall(
              (call) => Number(call.payload.chat_id) === WHO[who] && action.until?.(call) === true,
              {
                since,
              },
            )
            .catch((error: Error) => {
              throw new Error(`${action.name} × ${who}: ${error.message}`);
            });
        if (action.conversation) expect((await chat.send("/cancel")).payload.text).toContain("Đã dừng");
      }
    }
    expect(seen).toEqual(expected);
  });
});
