import { chownSync, existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError } from "../../src/db/backup/backup-error.js";
import {
  ABANDONED_MS,
  requestBackup,
  startBackupResponder,
  sweepAbandoned,
} from "../../src/db/backup/backup-request.js";
import { backupEmbedded, restoreEmbedded } from "../../src/db/backup/embedded-backup.js";
import { backupServer, restoreServer } from "../../src/db/backup/server-backup.js";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { moveToServer } from "../../src/db/move/move-to-server.js";
import { createLogger } from "../../src/logger.js";
import { tempDir } from "../helpers/bot-process.js";
import { InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { makeSampleData, SAMPLE_TEACHERS, tableCounts, tableText } from "../helpers/sample-data.js";
import { createTestDatabase, hasPostgres } from "../helpers/test-database.js";

type Db = DatabaseHandle["db"];

/** What a backup must carry: every table's count, and the submissions and their people exactly. */
async function contentOf(db: Db) {
  return {
    counts: await tableCounts(db),
    submissions: await tableText(db, "submissions"),
    authors: await tableText(db, "submission_authors"),
    users: await tableText(db, "users"),
    decisions: await tableText(db, "decisions"),
  };
}

/** The bot, in process on the restored database: each teacher's /my lists their submission. */
async function myListsOn(db: Db): Promise<string[]> {
  expect(await migrateToLatest(db)).toEqual([]);
  const bot = new InProcessBot(db);
  const lists: string[] = [];
  for (const telegramId of SAMPLE_TEACHERS) lists.push(textsOf(await bot.chat(telegramId).send("/my")));
  return lists;
}

const addUnit = (db: Db, code: string) =>
  db
    .insertInto("units")
    .values({
      code,
      name: code,
      search_name: code.toLowerCase(),
      district: "A",
      school_level: "THPT",
      cluster: "C",
      block: "B",
    })
    .execute();

describe("backup and restore of the embedded database", () => {
  const dataDir = tempDir("thidua-backup-");
  const out = join(tempDir("thidua-backups-"), "running.tar.gz");
  let original: Awaited<ReturnType<typeof contentOf>>;
  let myLists: string[];

  it("is taken by the running bot, between transactions, and holds every submission", async () => {
    const running = await createDatabase({ kind: "pglite", dataDir });
    const responder = startBackupResponder({
      dataDir,
      snapshot: running.snapshot as () => Promise<Blob>,
      logger: createLogger("silent"),
    });
    try {
      await migrateToLatest(running.db);
      await makeSampleData(running.db);
      myLists = await myListsOn(running.db);
      expect(myLists.join("\n")).toContain("SK-2026-");

      // A transaction open when the backup is asked for: the copy waits for its commit and includes it.
      let commit = () => {};
      const inFlight = running.db.transaction().execute(async (trx) => {
        await addUnit(trx as unknown as Db, "IN-FLIGHT");
        await new Promise<void>((resolve) => {
          commit = resolve;
        });
      });
      const backup = backupEmbedded(dataDir, out);
      const requests = join(dataDir, "backup-requests");
      while (!existsSync(requests) || !readdirSync(requests).some((f) => f.endsWith(".working")))
        await new Promise((r) => setTimeout(r, 20));
      commit();
      await inFlight;
      expect(await backup).toMatchObject({ byRunningBot: true });
      original = await contentOf(running.db);
      // Written after the backup: not in it.
      await addUnit(running.db, "AFTER");
      expect(readdirSync(requests)).toEqual([]);
      // No restore over a database in use, even with --force.
      await expect(restoreEmbedded(out, dataDir, { force: true })).rejects.toThrow(/stop the bot first/);
    } finally {
      await responder.stop();
      await running.close();
    }
    expect(original.counts.submissions).toBe(SAMPLE_TEACHERS.length + 1);
    expect(original.counts.decisions).toBe(1);
  });

  it("restores into a fresh data directory, where the bot finds every submission; never over a database", async () => {
    const fresh = tempDir("thidua-restored-");
    const restored = await restoreEmbedded(out, fresh);
    expect(restored).toMatchObject({ submissions: SAMPLE_TEACHERS.length + 1, movedAside: undefined });
    const handle = await createDatabase({ kind: "pglite", dataDir: fresh });
    try {
      const units = await handle.db.selectFrom("units").select("code").execute();
      expect(units.map((u) => u.code)).toContain("IN-FLIGHT");
      expect(units.map((u) => u.code)).not.toContain("AFTER");
      expect(await contentOf(handle.db)).toEqual(original);
      expect(await myListsOn(handle.db)).toEqual(myLists);
    } finally {
      await handle.close();
    }

    await expect(restoreEmbedded(out, fresh)).rejects.toThrow(/already holds a database.*--force/s);
    const forced = await restoreEmbedded(out, fresh, { force: true });
    expect(forced.movedAside).toMatch(/pglite\.before-restore-/);
    expect(existsSync(join(forced.movedAside as string, "PG_VERSION"))).toBe(true);
  });

  it("is taken by the tool itself when the bot is stopped, and never overwrites a file", async () => {
    const stopped = join(tempDir("thidua-backups-"), "stopped.tar.gz");
    expect(await backupEmbedded(dataDir, stopped)).toMatchObject({ byRunningBot: false });
    await expect(backupEmbedded(dataDir, stopped)).rejects.toThrow(/already exists/);
    const fresh = tempDir("thidua-restored-");
    await restoreEmbedded(stopped, fresh);
    const handle = await createDatabase({ kind: "pglite", dataDir: fresh });
    try {
      const units = await handle.db.selectFrom("units").select("code").execute();
      expect(units.map((u) => u.code)).toContain("AFTER");
      expect((await contentOf(handle.db)).submissions).toEqual(original.submissions);
    } finally {
      await handle.close();
    }
  });

  it("tells the tool when no bot takes the request, or when the bot's copy fails", async () => {
    const dir = tempDir("thidua-requests-");
    await expect(requestBackup(dir)).rejects.toThrow(/does not take backup requests/);
    mkdirSync(join(dir, "backup-requests"));
    await expect(requestBackup(dir, { pickupMs: 300 })).rejects.toThrow(/did not take the backup request/);
    expect(readdirSync(join(dir, "backup-requests"))).toEqual([]);
    const responder = startBackupResponder({
      dataDir: dir,
      snapshot: () => Promise.reject(new Error("disk full")),
      logger: createLogger("silent"),
    });
    try {
      await expect(requestBackup(dir)).rejects.toThrow(/could not make the backup: disk full/);
    } finally {
      await responder.stop();
    }
    expect(readdirSync(join(dir, "backup-requests"))).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)(
    "run as root on the bot's directory, only asks the running bot",
    async () => {
      const owned = tempDir("thidua-owned-");
      chownSync(owned, 65534, 65534);
      mkdirSync(join(owned, "pglite"));
      writeFileSync(join(owned, "pglite", "PG_VERSION"), "17");
      const tarball = join(tempDir(), "some.tar.gz");
      writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 8, 0]));
      await expect(restoreEmbedded(tarball, owned)).rejects.toThrow(/belongs to user id 65534.*sudo -u/s);
      await expect(moveToServer(owned, "postgres://x@127.0.0.1/none")).rejects.toThrow(
        /belongs to user id 65534/,
      );
      await expect(backupEmbedded(owned, join(tempDir(), "x.tar.gz"))).rejects.toThrow(
        /belongs to user id 65534/,
      );
      expect(readdirSync(owned).sort()).toEqual(["pglite"]);
    },
  );

  it("says what a file is when it is not an embedded backup", async () => {
    const dir = tempDir("thidua-bad-");
    writeFileSync(join(dir, "x.dump"), "PGDMP\u0001rest");
    writeFileSync(join(dir, "notes.txt"), "hello");
    await expect(restoreEmbedded(join(dir, "x.dump"), tempDir())).rejects.toThrow(/PostgreSQL dump/);
    await expect(restoreEmbedded(join(dir, "notes.txt"), tempDir())).rejects.toThrow(/not a backup/);
    await expect(backupEmbedded(tempDir(), join(dir, "none.tar.gz"))).rejects.toThrow(/no embedded database/);
  });
});

describe("backup and restore of a PostgreSQL database", () => {
  it("says how to get pg_dump when it is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      const out = join(tempDir(), "x.dump");
      await expect(backupServer("postgres://u:secret@127.0.0.1:1/db", out)).rejects.toThrow(
        /pg_dump was not found.*postgresql-client/s,
      );
      await expect(backupServer("postgres://u:secret@127.0.0.1:1/db", out)).rejects.toBeInstanceOf(
        BackupError,
      );
    } finally {
      process.env.PATH = path;
    }
  });

  const handles: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const h of handles) await h.close();
  });

  it.skipIf(!hasPostgres)(
    "round-trips through pg_dump and pg_restore, refusing a non-empty target",
    async () => {
      const source = await createTestDatabase("postgres");
      handles.push(source);
      await makeSampleData(source.db);
      const original = await contentOf(source.db);
      const file = join(tempDir(), "thidua.dump");
      await backupServer(source.url as string, file);

      const target = await createTestDatabase("postgres", { migrate: false });
      handles.push(target);
      await restoreServer(file, target.url as string);
      expect(await contentOf(target.db)).toEqual(original);
      expect(await myListsOn(target.db)).toEqual(await myListsOn(source.db));

      await expect(restoreServer(file, target.url as string)).rejects.toThrow(
        /already has \d+ table.*--force/s,
      );
      await addUnit(target.db, "LATER");
      await restoreServer(file, target.url as string, { force: true });
      expect(await contentOf(target.db)).toEqual(original);
    },
  );
});

describe("the backup responder's folder", () => {
  it("deletes copies and errors no tool collected within the hour, and keeps recent ones", () => {
    const dir = tempDir("backup-sweep-");
    const names = ["old.tar.gz", "old.error", "old.request.tmp", "new.tar.gz", "other.request"];
    for (const name of names) writeFileSync(join(dir, name), "x");
    const anHourAgo = (Date.now() - ABANDONED_MS - 60_000) / 1000;
    for (const name of ["old.tar.gz", "old.error", "old.request.tmp", "other.request"])
      utimesSync(join(dir, name), anHourAgo, anHourAgo);
    sweepAbandoned(dir);
    // A pending request is the bot's to answer, however old; only what waited for a tool that left goes.
    expect(readdirSync(dir).sort()).toEqual(["new.tar.gz", "other.request"]);
  });
});
