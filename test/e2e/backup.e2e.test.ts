import { spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { restoreEmbedded } from "../../src/db/backup/embedded-backup.js";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { ROOT, startBot, TSX, tempDir } from "../helpers/bot-process.js";
import { FakeChat } from "../helpers/fake-chat.js";
import { FakeTelegramApi } from "../helpers/fake-telegram-api.js";
import { makeSampleData, SAMPLE_TEACHERS, tableCounts, tableText } from "../helpers/sample-data.js";

let api: FakeTelegramApi | undefined;
afterAll(async () => {
  await api?.stop();
});

/** `npm run db:backup -- args` from the source, in a scratch folder (no .env), as an operator would run it. */
function runBackupTool(args: string[], env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ["--import", TSX, join(ROOT, "src/db/backup/backup-cli.ts"), ...args],
    {
      cwd: tempDir(),
      env: { PATH: process.env.PATH, ...env },
    },
  );
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, output })),
  );
}

/** The teacher's /my list (waited for by its codes: the running bot also sends the campaign's announcement). */
async function myList(telegramId: number): Promise<string> {
  const chat = new FakeChat(api as FakeTelegramApi, telegramId);
  const reply = await api?.waitForCall(
    (c) => Number(c.payload.chat_id) === telegramId && String(c.payload.text).includes("SK-2026-"),
    { since: chat.push("/my") },
  );
  return String(reply?.payload.text);
}

/** The submissions and their people (a running bot adds rows of its own: updates received, cron fires, broadcasts). */
async function contentOf(db: DatabaseHandle["db"]) {
  const { units, users, submissions, submission_authors, submission_events, decisions, user_roles } =
    await tableCounts(db);
  return {
    counts: { units, users, submissions, submission_authors, submission_events, decisions, user_roles },
    submissions: await tableText(db, "submissions"),
    authors: await tableText(db, "submission_authors"),
  };
}

// The one backup that needs the real process: the bot holds its data directory, and db:backup (another process)
// gets the copy from it. The restore and the rows are checked in process (test/db/backup-restore.test.ts has more).
it("npm run db:backup copies the running bot's database, which restores with every submission", async () => {
  const dataDir = tempDir("thidua-live-");
  const seeded = await createDatabase({ kind: "pglite", dataDir });
  let original: Awaited<ReturnType<typeof contentOf>>;
  try {
    await migrateToLatest(seeded.db);
    await makeSampleData(seeded.db);
    original = await contentOf(seeded.db);
  } finally {
    await seeded.close();
  }

  api = await FakeTelegramApi.start();
  const running = await startBot(api, { DATA_DIR: dataDir });
  const out = join(tempDir("thidua-backups-"), "live.tar.gz");
  try {
    expect(await myList(SAMPLE_TEACHERS[0] as number)).toContain("SK-2026-");
    const backup = await runBackupTool([out], { DATA_DIR: dataDir });
    expect(backup, backup.output).toMatchObject({ code: 0 });
    expect(backup.output).toContain("made by the running bot");
    // The bot goes on working after the copy.
    expect(await myList(SAMPLE_TEACHERS[2] as number)).toContain("SK-2026-");
  } finally {
    expect(await running.stop()).toBe(0);
  }
  expect(running.output()).toContain("backup of the embedded database written");

  const restoredDir = tempDir("thidua-restored-");
  await restoreEmbedded(out, restoredDir);
  const restored = await createDatabase({ kind: "pglite", dataDir: restoredDir });
  try {
    expect(await contentOf(restored.db)).toEqual(original);
  } finally {
    await restored.close();
  }
});
