import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { formatDate } from "../../src/shared/time.js";
import { type BotProcess, runJobsTick, seedDemoUnits, startBot } from "../helpers/bot-process.js";
import { buttons, FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { registerThroughStart } from "../helpers/register.js";
import { createEmptyPostgresDatabase, dropPostgresDatabase, hasPostgres } from "../helpers/test-database.js";
import { formattedMessage } from "../helpers/updates.js";

const TZ = "Asia/Ho_Chi_Minh";
const DAY = 86_400_000;
const ADMIN = 9001;

// `npm run jobs -- tick` runs beside the bot, which needs a database server (the embedded one is held by the
// bot's process). The scheduling and sending logic is tested on PGlite too, in process (test/campaigns, test/broadcasts).
/** Waits for the next minute (and a second) when less than 15 s of this one are left. */
async function startOfNextMinuteIfLate(): Promise<void> {
  const second = new Date().getSeconds();
  if (second >= 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
}

describe.runIf(hasPostgres)("campaigns: an administrator announces, teachers are told and reminded", () => {
  let api: FakeTelegramApi;
  let bot: BotProcess;
  let env: Record<string, string>;
  let url: string;
  let db: DatabaseHandle;
  const admin = () => new FakeChat(api, ADMIN, { first_name: "Quản trị" });
  const lan = () => new FakeChat(api, 5101, { first_name: "Lan" }); // THPT Lê Lợi, Cụm 1
  const minh = () => new FakeChat(api, 5102, { first_name: "Minh" }); // THPT Nguyễn Du, Cụm 1
  const hoa = () => new FakeChat(api, 5103, { first_name: "Hoa" }); // THPT Đồng Xuân, Cụm 2
  let campaignId = 0;
  const deadline = new Date(Date.now() + 10 * DAY);

  beforeAll(async () => {
    api = await FakeTelegramApi.start();
    url = await createEmptyPostgresDatabase();
    env = { DATABASE_URL: url, ADMIN_TELEGRAM_IDS: String(ADMIN), TIMEZONE: TZ };
    seedDemoUnits(env);
    bot = await startBot(api, env);
    db = await createDatabase({ kind: "postgres", url });
    await registerThroughStart(api, lan(), "thpt le loi");
    await registerThroughStart(api, minh(), "nguyen du");
    await registerThroughStart(api, hoa(), "dong xuan");
  });

  afterAll(async () => {
    await bot?.stop();
    await db?.close();
    await api?.stop();
    if (url) await dropPostgresDatabase(url);
  });

  it("refuses the administration commands and forged buttons to a teacher", async () => {
    expect((await lan().send("/newcampaign")).payload.text).toContain("⛔");
    expect((await lan().send("/broadcasts")).payload.text).toContain("⛔");
    expect((await lan().send("/roles grant admin 5101")).payload.text).toContain("⛔");
    const roles = await db.db.selectFrom("user_roles").select("role").where("role", "=", "admin").execute();
    expect(roles).toHaveLength(1);
  });

  it("creates a campaign step by step, with the exact announcement shown before confirming", async () => {
    const a = admin();
    expect((await a.send("/newcampaign")).payload.text).toContain("Bước 1/9");
    expect((await a.send("<Đổi mới> sáng tạo 2026")).payload.text).toContain("Bước 2/9");
    const since = api.mark();
    const text = "Phát động phong trào trong toàn ngành";
    api.pushUpdate(formattedMessage(a.user, text, [{ type: "bold", offset: 10, length: 10 }]));
    const accepts = await a.nextReply(since);
    expect(accepts.payload.text).toContain("Bước 3/9");
    expect((await a.press(buttons(accepts)[0]?.data ?? "")).payload.text).toContain("Bước 4/9");
    const clusters = await a.press("aud:clusters");
    const first = buttons(clusters).find((b) => b.text.includes("Cụm thi đua số 1"));
    await a.pressUntilButton(first?.data ?? "", "aud:done"); // the keyboard is edited with a tick
    expect((await a.press("aud:done")).payload.text).toContain("Bước 5/9");
    expect((await a.press("cc:now")).payload.text).toContain("Bước 6/9");
    expect((await a.send("31/02/2027")).payload.text).toContain("ngày/tháng/năm");
    expect((await a.send(`${formatDate(TZ, deadline)} 17:00`)).payload.text).toContain("Bước 7/9");
    expect((await a.press("cc:now")).payload.text).toContain("Bước 8/9");
    expect((await a.send("7 ngày nữa")).payload.text).toContain("7d, 3d, 1d, morning");
    const previewSince = api.mark();
    await a.pressUntilButton("cc:r:default", "cc:confirm");
    const preview = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === ADMIN && String(c.payload.text).startsWith("📣"),
      { since: previewSince },
    );
    // The title typed by the administrator is escaped; the bold entity became <b>.
    expect(preview.payload.text).toContain("&lt;Đổi mới&gt; sáng tạo 2026");
    expect(preview.payload.text).toContain("Phát động <b>phong trào</b> trong toàn ngành");
    expect(buttons(preview).map((b) => b.data)).toEqual(["camp:go:0:initiative"]);
    // The announcement is due at once. The next test sends it with `npm run jobs -- tick` through injected faults;
    // the bot's own job, at the start of every minute, must not get there first: confirm early in a minute.
    await startOfNextMinuteIfLate();
    expect((await a.press("cc:confirm")).payload.text).toContain("✅");
    const row = await db.db.selectFrom("campaigns").selectAll().executeTakeFirstOrThrow();
    campaignId = row.id;
    expect(row.audience).toEqual({ clusters: ["Cụm thi đua số 1"], blocks: [], unitIds: [] });
    expect(row.reminder_offsets).toEqual(["7d", "3d", "1d", "morning"]);
  });

  it("announces to the audience only, through a 429, a 502 and a blocked chat, and tells the creator", async () => {
    api.failChat(5102, { status: 403 }); // Minh blocked the bot
    api.failNext("sendMessage", { status: 429, retryAfter: 1 });
    api.failNext("sendMessage", { status: 502 });
    const since = api.mark();
    expect(runJobsTick(env)).toContain("announcement");
    const summary = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === ADMIN && String(c.payload.text).includes("📬"),
      { since, timeoutMs: 20_000 },
    );
    expect(summary.payload.text).toContain("✅ 1");
    expect(summary.payload.text).toContain("🚫 1");
    const announcements = api
      .callsOf("sendMessage")
      .filter((c) => String(c.payload.text).startsWith("📣") && api.calls.indexOf(c) >= since);
    const delivered = announcements.map((c) => Number(c.payload.chat_id));
    expect(delivered.filter((id) => id === 5101).length).toBeGreaterThanOrEqual(1);
    expect(delivered).not.toContain(5103);
    const deliveries = await db.db.selectFrom("broadcast_deliveries").select(["chat_id", "status"]).execute();
    expect(deliveries.sort((x, y) => x.chat_id - y.chat_id)).toEqual([
      { chat_id: 5101, status: "sent" },
      { chat_id: 5102, status: "blocked" },
    ]);
    // A second tick enqueues nothing more.
    expect(runJobsTick(env)).toContain("0 broadcast(s) enqueued");
  });

  it("lets a teacher start the submission from the campaign, already linked to it", async () => {
    const l = lan();
    const list = await l.send("/campaigns");
    expect(list.payload.text).toContain("Phong trào đang nhận hồ sơ");
    const item = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === 5101 && buttons(c).some((b) => b.data.startsWith("camp:go:")),
      { since: api.calls.indexOf(list) },
    );
    const step = await l.press(buttons(item)[0]?.data ?? "");
    expect(step.payload.text).toContain("Tên sáng kiến");
    const draft = await db.db
      .selectFrom("submissions")
      .select(["fields", "status"])
      .executeTakeFirstOrThrow();
    expect(draft.fields.campaign).toBe(campaignId);
    await l.send("/cancel");
    // Hoa's unit is outside the audience: a forged button is refused with the reason.
    expect((await hoa().press(`camp:go:${campaignId}:initiative`)).payload.text).toContain("⛔");
  });

  it("reminds those who have not submitted, in time, saying so to draft holders", async () => {
    const since = api.mark();
    const out = runJobsTick(env, new Date(deadline.getTime() - 3 * DAY + 60_000));
    expect(out).toContain("reminder");
    const reminder = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === 5101 && String(c.payload.text).includes("⏰"),
      { since, timeoutMs: 20_000 },
    );
    expect(reminder.payload.text).toContain("bản nháp");
    // Minh blocked the bot: left out of later broadcasts.
    const reminded = await db.db
      .selectFrom("broadcast_deliveries as d")
      .innerJoin("broadcasts as b", "b.id", "d.broadcast_id")
      .select("d.chat_id")
      .where("b.kind", "=", "reminder")
      .execute();
    expect(reminded.map((r) => r.chat_id)).toEqual([5101]);
  });

  it("extends the deadline from /campaigns: the audience is told the new date", async () => {
    const a = admin();
    await a.send("/campaigns");
    const details = await a.pressUntilButton(`cadm:v:${campaignId}`, `cadm:ext:${campaignId}`);
    expect(details.payload.text).toContain("Cụm thi đua số 1");
    expect((await a.press(`cadm:et:${campaignId}`)).payload.text).toContain("Tên phong trào");
    expect((await a.send("Đổi mới, sáng tạo 2026–2027")).payload.text).toContain("✅");
    expect((await a.press(`cadm:ext:${campaignId}`)).payload.text).toContain("hạn chót mới");
    const later = new Date(deadline.getTime() + 7 * DAY);
    const since = api.mark();
    expect((await a.send(`${formatDate(TZ, later)} 17:00`)).payload.text).toContain("✅");
    const told = await api.waitForCall(
      (c) => Number(c.payload.chat_id) === 5101 && String(c.payload.text).includes("🗓"),
      { since, timeoutMs: 20_000 },
    );
    expect(told.payload.text).toContain(`${formatDate(TZ, later)} 17:00`);
    expect(told.payload.text).toContain("Đổi mới, sáng tạo 2026–2027");
    const audit = await db.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "campaign.%")
      .execute();
    expect(audit.map((x) => x.action)).toEqual([
      "campaign.created",
      "campaign.edited",
      "campaign.deadline-extended",
    ]);
  });
});
