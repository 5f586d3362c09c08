import type { Kysely } from "kysely";
import type { CampaignInput } from "../../src/campaigns/campaign-input.js";
import { DEFAULT_REMINDERS } from "../../src/campaigns/reminder-schedule.js";
import type { Database } from "../../src/db/types.js";
import { UsersService } from "../../src/users/users.service.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Three units: two in "Cụm 1" (blocks THPT and THCS), one in "Cụm 2" (THPT). */
export async function seedUnits(db: Kysely<Database>) {
  const rows = await db
    .insertInto("units")
    .values(
      [
        ["U1", "THPT Lê Lợi", "Cụm 1", "Khối THPT"],
        ["U2", "THCS Kim Đồng", "Cụm 1", "Khối THCS"],
        ["U3", "THPT Trần Phú", "Cụm 2", "Khối THPT"],
      ].map(([code, name, cluster, block]) => ({
        code: code as string,
        name: name as string,
        search_name: (name as string).toLowerCase(),
        district: "Huyện A",
        school_level: "THPT",
        cluster: cluster as string,
        block: block as string,
      })),
    )
    .returning(["id", "code"])
    .execute();
  const id = (code: string) => rows.find((r) => r.code === code)?.id as number;
  return { u1: id("U1"), u2: id("U2"), u3: id("U3") };
}

/** A registered teacher of `unitId`; `locale` null follows Telegram (here: the default). */
export async function teacher(
  db: Kysely<Database>,
  telegramId: number,
  unitId: number,
  locale: "vi" | "en" | null = null,
) {
  const users = new UsersService(db);
  const user = await users.identify({ id: telegramId, first_name: `T${telegramId}` });
  await users.register(user.id, `Giáo viên ${telegramId}`, unitId);
  if (locale) await users.setLocale(user.id, locale);
  return user.id;
}

export async function admin(db: Kysely<Database>, telegramId: number) {
  const users = new UsersService(db);
  await users.bootstrapAdmins([telegramId]);
  return (await users.identify({ id: telegramId, first_name: "Admin" })).id;
}

export function campaignInput(now: Date, over: Partial<CampaignInput> = {}): CampaignInput {
  return {
    title: "Đổi mới sáng tạo trong dạy và học",
    descriptionHtml: "Phát động <b>phong trào</b>",
    acceptsInitiatives: true,
    acceptsNominations: false,
    audience: { clusters: [], blocks: [], unitIds: [] },
    opensAt: new Date(now.getTime() - HOUR),
    deadlineAt: new Date(now.getTime() + 10 * DAY),
    announceAt: null,
    reminders: [...DEFAULT_REMINDERS],
    ...over,
  };
}

/** Recipients of a broadcast as telegram ids with their variant, sorted. */
export async function recipientsOf(db: Kysely<Database>, broadcastKey: string) {
  const rows = await db
    .selectFrom("broadcast_deliveries as d")
    .innerJoin("broadcasts as b", "b.id", "d.broadcast_id")
    .select(["d.chat_id", "d.variant"])
    .where("b.dedupe_key", "=", broadcastKey)
    .orderBy("d.chat_id")
    .execute();
  return rows.map((r) => (r.variant ? `${r.chat_id}:${r.variant}` : String(r.chat_id)));
}

/**
 * `count` registered teachers (telegram ids from `firstChat`) in one unit, and an open campaign for everyone whose
 * announcement is due: the starting point of the broadcast tests and benchmark.
 */
export async function seedAnnouncementDue(db: Kysely<Database>, count: number, firstChat: number) {
  const unit = await db
    .insertInto("units")
    .values({
      code: "U",
      name: "THPT Lê Lợi",
      search_name: "thpt le loi",
      district: "H",
      school_level: "THPT",
      cluster: "Cụm 1",
      block: "Khối THPT",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < count; i += 5000) {
    const rows = Array.from({ length: Math.min(5000, count - i) }, (_, j) => ({
      telegram_id: firstChat + i + j,
      full_name: `Giáo viên ${i + j}`,
      unit_id: unit.id,
    }));
    await db.insertInto("users").values(rows).execute();
  }
  return db
    .insertInto("campaigns")
    .values({
      title: "Đổi mới sáng tạo trong dạy và học",
      description: "Phát động <b>phong trào</b>",
      school_year: "2026-2027",
      accepts_initiatives: true,
      accepts_nominations: false,
      opens_at: new Date(Date.now() - HOUR),
      deadline_at: new Date(Date.now() + 10 * DAY),
      announce_at: new Date(Date.now() - 60_000),
      status: "open",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Written straight into a database the bot will open later (e2e tests seed before the bot process starts). */
export async function unitIdByName(db: Kysely<Database>, name: string): Promise<number> {
  return (await db.selectFrom("units").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

/** A registered person of `unitId`, written straight into the database. */
export async function insertPerson(
  db: Kysely<Database>,
  telegramId: number,
  unitId: number,
  fullName: string,
): Promise<number> {
  const row = await db
    .insertInto("users")
    .values({ telegram_id: telegramId, full_name: fullName, unit_id: unitId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** "Đổi mới sáng tạo": open since yesterday until tomorrow, taking initiatives, written straight into the database. */
export async function insertOpenCampaign(db: Kysely<Database>): Promise<number> {
  const row = await db
    .insertInto("campaigns")
    .values({
      title: "Đổi mới sáng tạo",
      school_year: "2026-2027",
      accepts_initiatives: true,
      accepts_nominations: false,
      opens_at: new Date(Date.now() - DAY),
      deadline_at: new Date(Date.now() + DAY),
      status: "open",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
