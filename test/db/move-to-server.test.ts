import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { moveToServer } from "../../src/db/move/move-to-server.js";
import { foreignKeyOrder, tablesOf } from "../../src/db/move/schema-catalog.js";
import { tempDir } from "../helpers/bot-process.js";
import { InProcessBot, textsOf } from "../helpers/in-process-bot.js";
import { makeSampleData, SAMPLE_TEACHERS, tableCounts, tableText } from "../helpers/sample-data.js";
import { createEmptyPostgresDatabase, dropPostgresDatabase, hasPostgres } from "../helpers/test-database.js";

type Db = DatabaseHandle["db"];

/** Every table, every row: what the move must carry unchanged. */
async function everything(db: Db) {
  const counts = await tableCounts(db);
  const rows: Record<string, string[]> = {};
  for (const table of Object.keys(counts)) rows[table] = await tableText(db, table);
  return { counts, rows };
}

async function myLists(db: Db): Promise<string[]> {
  const bot = new InProcessBot(db);
  const lists: string[] = [];
  for (const telegramId of SAMPLE_TEACHERS) lists.push(textsOf(await bot.chat(telegramId).send("/my")));
  return lists;
}

describe("the tables' copy order", () => {
  it("puts every table after those it references, the users <-> submissions cycle broken at a nullable key", async () => {
    const handle = await createDatabase({ kind: "pglite-memory" });
    try {
      await migrateToLatest(handle.db);
      const tables = await tablesOf(handle.db);
      const { order, deferred } = foreignKeyOrder(tables);
      expect(order.map((t) => t.name).sort()).toEqual(tables.map((t) => t.name).sort());
      expect(Object.fromEntries(deferred)).toEqual({ users: ["active_draft_id"] });
      const position = new Map(order.map((t, i) => [t.name, i]));
      for (const table of order)
        for (const key of table.foreignKeys)
          if (!key.columns.every((c) => deferred.get(table.name)?.includes(c)))
            expect(position.get(key.references), `${table.name} -> ${key.references}`).toBeLessThan(
              position.get(table.name) as number,
            );
    } finally {
      await handle.close();
    }
  });
});

describe.skipIf(!hasPostgres)(
  "npm run db:move: the embedded database to an empty PostgreSQL database",
  () => {
    const urls: string[] = [];
    afterAll(async () => {
      for (const url of urls) await dropPostgresDatabase(url);
    });

    it("copies every row exactly, continues the sequences, and the bot works on the server", async () => {
      const dataDir = tempDir("thidua-move-");
      const source = await createDatabase({ kind: "pglite", dataDir });
      let before: Awaited<ReturnType<typeof everything>>;
      let lists: string[];
      try {
        await migrateToLatest(source.db);
        await makeSampleData(source.db);
        // More units than one batch holds: the copy pages through them.
        await sql`insert into units (code, name, search_name, district, school_level, cluster, block)
        select 'X' || i, 'Trường ' || i, 'truong ' || i, 'Huyện B', 'THCS', 'Cụm 3', 'Khối THCS'
        from generate_series(1, 2500) as i`.execute(source.db);
        lists = await myLists(source.db);
        before = await everything(source.db);
      } finally {
        await source.close();
      }
      expect(before.counts.units).toBe(2503);
      expect(before.counts.submissions).toBe(SAMPLE_TEACHERS.length + 1);

      const url = await createEmptyPostgresDatabase();
      urls.push(url);
      const copied = await moveToServer(dataDir, url);
      expect(Object.fromEntries(copied.map((c) => [c.table, c.rows]))).toEqual(before.counts);

      const target = await createDatabase({ kind: "postgres", url });
      try {
        expect(await everything(target.db)).toEqual(before);
        expect(await migrateToLatest(target.db)).toEqual([]);
        // The bot on the server: the people and their submissions are there.
        expect(await myLists(target.db)).toEqual(lists);
        const bot = new InProcessBot(target.db);
        expect(textsOf(await bot.chat(SAMPLE_TEACHERS[0] as number).send("/start"))).toContain("quay lại");
        // New rows take ids after the copied ones.
        const maxId = async (table: "units" | "submissions") =>
          Number(
            (
              await target.db
                .selectFrom(table)
                .select((e) => e.fn.max("id").as("id"))
                .executeTakeFirst()
            )?.id,
          );
        const [maxUnit, maxSubmission] = [await maxId("units"), await maxId("submissions")];
        const added = await target.db
          .insertInto("units")
          .values({
            code: "NEW",
            name: "Mới",
            search_name: "moi",
            district: "C",
            school_level: "THPT",
            cluster: "C",
            block: "B",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        expect(Number(added.id)).toBeGreaterThan(maxUnit);
        const teacher = await target.db
          .selectFrom("users")
          .select("id")
          .where("telegram_id", "=", 7101)
          .executeTakeFirstOrThrow();
        const draft = await bot.services.submissions.startDraft(teacher.id, "nomination");
        expect(draft.id).toBeGreaterThan(maxSubmission);

        // A database with rows is refused, and left as it was.
        await expect(moveToServer(dataDir, url)).rejects.toThrow(
          /not empty \(rows in .*units.*\).*nothing was changed/s,
        );
        expect((await tableCounts(target.db)).units).toBe(2504);
      } finally {
        await target.close();
      }
      // The embedded database is left as it was: a way back.
      const again = await createDatabase({ kind: "pglite", dataDir });
      try {
        expect(await tableCounts(again.db)).toEqual(before.counts);
      } finally {
        await again.close();
      }
    });

    it("refuses while the bot holds the embedded database", async () => {
      const dataDir = tempDir("thidua-move-busy-");
      const running = await createDatabase({ kind: "pglite", dataDir });
      try {
        const url = await createEmptyPostgresDatabase();
        urls.push(url);
        await expect(moveToServer(dataDir, url)).rejects.toThrow(/stop the bot first/);
        await expect(moveToServer(dataDir, "mysql://x")).rejects.toThrow(/not a PostgreSQL URL/);
      } finally {
        await running.close();
      }
    });
  },
);
