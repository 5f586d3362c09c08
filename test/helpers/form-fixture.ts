import type { Update } from "grammy/types";
import { loadConfig } from "../../src/config.js";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { createServices } from "../../src/services.js";
import { tempDir } from "./bot-process.js";
import { insertPerson, seedUnits } from "./campaign-fixtures.js";
import { fillInitiative } from "./initiative-answers.js";
import { createEmptyPostgresDatabase, dropPostgresDatabase } from "./test-database.js";
import { callbackQuery, telegramUser, textMessage } from "./updates.js";

/** Where a bot process under test keeps its data, and how the test opens it while the bot is stopped. */
export interface BotDatabase {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function botDatabase(dialect: "pglite" | "postgres"): Promise<BotDatabase> {
  if (dialect === "postgres") {
    const url = await createEmptyPostgresDatabase();
    return {
      env: { DATABASE_URL: url },
      open: () => createDatabase({ kind: "postgres", url }),
      drop: () => dropPostgresDatabase(url),
    };
  }
  const dataDir = tempDir();
  return {
    env: { DATA_DIR: dataDir },
    open: () => createDatabase({ kind: "pglite", dataDir }),
    drop: async () => {},
  };
}

/**
 * The ten answers a teacher gives from the title on, as updates (the form's next step after each is fixed, so
 * an answer applied twice, lost or out of order shows in the draft).
 */
export function formAnswers(chatId: number): Omit<Update, "update_id">[] {
  const user = telegramUser(chatId);
  return [
    textMessage(user, `Sáng kiến số ${chatId}`),
    callbackQuery(user, "a:initiative"),
    callbackQuery(user, "a:teaching"),
    textMessage(user, `Thực trạng ${chatId}`),
    textMessage(user, "05/09/2025"),
    textMessage(user, `Giải pháp ${chatId}`),
    textMessage(user, `Điều kiện ${chatId}`),
    textMessage(user, `Hiệu quả ${chatId}`),
    textMessage(user, `Bảo mật ${chatId}`),
    callbackQuery(user, "f:skip"),
  ];
}

/** What the draft of `chatId` holds once all of formAnswers(chatId) were applied once each, in order. */
export function expectedDraft(chatId: number) {
  return {
    draft_step: "scopeProposed",
    fields: {
      title: `Sáng kiến số ${chatId}`,
      initiativeType: "initiative",
      field: "teaching",
      problem: `Thực trạng ${chatId}`,
      firstAppliedOn: "2025-09-05",
      essence: `Giải pháp ${chatId}`,
      conditions: `Điều kiện ${chatId}`,
      benefits: `Hiệu quả ${chatId}`,
      confidential: `Bảo mật ${chatId}`,
      coAuthors: null,
    },
  };
}

/** Registered teachers, each with an initiative draft at its title step and the form open in their chat. */
export async function seedOpenForms(database: BotDatabase, chatIds: number[]): Promise<void> {
  const handle = await database.open();
  try {
    await migrateToLatest(handle.db);
    const { u1 } = await seedUnits(handle.db);
    for (const chatId of chatIds) {
      const userId = await insertPerson(handle.db, chatId, u1, `Giáo viên ${chatId}`);
      const draft = await handle.db
        .insertInto("submissions")
        .values({ kind: "initiative", submitter_id: userId, unit_id: u1, draft_step: "title" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await openFormOf(handle, userId, draft.id);
    }
  } finally {
    await handle.close();
  }
}

/** Every draft of the teachers, by chat id. */
export async function draftsByChat(database: BotDatabase) {
  const handle = await database.open();
  try {
    const rows = await handle.db
      .selectFrom("submissions as s")
      .innerJoin("users as u", "u.id", "s.submitter_id")
      .select(["u.telegram_id", "s.draft_step", "s.fields", "s.last_update_id"])
      .execute();
    return new Map(rows.map((r) => [r.telegram_id, r]));
  } finally {
    await handle.close();
  }
}

/**
 * Registered teachers of one unit, each with a complete initiative draft at its summary and the form open, and
 * the unit's head (told of each submission).
 */
export async function seedDraftsAtSummary(database: BotDatabase, chatIds: number[], headChatId: number) {
  const handle = await database.open();
  try {
    await migrateToLatest(handle.db);
    const { u1 } = await seedUnits(handle.db);
    const services = createServices(handle.db, loadConfig({ BOT_TOKEN: "1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }));
    const headId = await insertPerson(handle.db, headChatId, u1, "Hiệu trưởng");
    await handle.db
      .insertInto("user_roles")
      .values({ user_id: headId, role: "unit_head", unit_id: u1 })
      .execute();
    for (const chatId of chatIds) {
      const userId = await insertPerson(handle.db, chatId, u1, `Giáo viên ${chatId}`);
      const draft = await services.submissions.startDraft(userId, "initiative");
      await fillInitiative(services.submissions, userId, draft.id, `Sáng kiến của ${chatId}`);
      await openFormOf(handle, userId, draft.id);
    }
  } finally {
    await handle.close();
  }
}

/** The draft's form is open in its teacher's chat, as after tapping ▶️ in /drafts. */
async function openFormOf(handle: DatabaseHandle, userId: number, draftId: number): Promise<void> {
  await handle.db.updateTable("users").set({ active_draft_id: draftId }).where("id", "=", userId).execute();
}
