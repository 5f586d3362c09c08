import { beforeEach, describe, expect, it } from "vitest";
import { LibraryService } from "../../src/library/library.service.js";
import { foldForSearch } from "../../src/shared/text.js";
import { SubmissionNotFoundError } from "../../src/submissions/errors.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { PersonalDataService } from "../../src/users/personal-data.service.js";
import { RolesService } from "../../src/users/roles.service.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { insertInitiative, LIBRARY_QUERIES, LIBRARY_TEXTS } from "../helpers/library-fixtures.js";
import { DIALECTS, truncateAll, useTestDatabase } from "../helpers/test-database.js";

const NOW = new Date("2026-12-01T03:00:00Z");

describe.each(DIALECTS)("the initiative library (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  beforeEach(() => truncateAll(t.db));

  async function world() {
    const units = await seedUnits(t.db);
    await t.db
      .updateTable("units")
      .set({ district: "Huyện B", school_level: "THCS" })
      .where("id", "=", units.u2)
      .execute();
    const ids = {
      author: await teacher(t.db, 301, units.u1),
      reader: await teacher(t.db, 302, units.u2),
      head: await teacher(t.db, 303, units.u2),
      admin: await admin(t.db, 901),
    };
    const library = new LibraryService(t.db, "Asia/Ho_Chi_Minh");
    const seeded: number[] = [];
    for (const [i, text] of LIBRARY_TEXTS.entries())
      seeded.push(
        await insertInitiative(t.db, {
          ...text,
          code: `SK-2026-${String(i + 1).padStart(5, "0")}`,
          unitId: i % 2 === 0 ? units.u1 : units.u2,
          submitterId: ids.author,
        }),
      );
    return { units, ids, library, seeded };
  }

  const idsOf = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id);

  it("gives the same results for words typed without diacritics as with them, searching titles and texts", async () => {
    const { ids, library } = await world();
    for (const query of LIBRARY_QUERIES) {
      const withMarks = await library.search(ids.reader, query);
      const without = await library.search(ids.reader, foldForSearch(query));
      expect(idsOf(without), query).toEqual(idsOf(withMarks));
      expect(withMarks.hits.length, query).toBeGreaterThan(0);
    }
    // đ folds to d: "do dung" finds "đồ dùng", which lives in the essence only.
    const essenceOnly = await library.search(ids.reader, "do dung hoc tap");
    expect(essenceOnly.hits.map((h) => h.title)).toEqual(["Dạy học tích hợp liên môn Vật lí và Công nghệ"]);
    // Every word must match: words found in no single initiative only get titles alike, said to be approximate.
    const mixed = await library.search(ids.reader, "trò chơi chuyển đổi số");
    expect(mixed.approximate).toBe(true);
    expect(await library.search(ids.reader, "tro choi chuyen doi so")).toEqual({
      ...mixed,
      searchId: expect.any(Number),
      words: "tro choi chuyen doi so",
    });
  });

  it("ranks a title match above a match in the text only", async () => {
    const { ids, library } = await world();
    const r = await library.search(ids.reader, "đánh giá");
    expect(r.hits[0]?.title).toBe("Đánh giá năng lực học sinh qua dự án học tập");
    expect(r.hits.map((h) => h.title)).toContain("Dạy học tích hợp liên môn Vật lí và Công nghệ");
  });

  it("lists recognised initiatives only, and finds a partial or mistyped title by trigrams", async () => {
    const { ids, units, library } = await world();
    await insertInitiative(t.db, {
      code: "SK-2026-09999",
      title: "Đổi mới sinh hoạt tổ chuyên môn",
      status: "under_review",
      unitId: units.u1,
      submitterId: ids.author,
    });
    const r = await library.search(ids.reader, "sinh hoạt tổ chuyên môn");
    expect(r.hits).toEqual([]);
    const typo = await library.search(ids.reader, "chuyen doi sooo trong quan ly ho so hoc sinh");
    expect(typo.approximate).toBe(true);
    expect(typo.hits[0]?.title).toBe("Ứng dụng chuyển đổi số trong quản lý hồ sơ học sinh");
  });

  it("filters by school year, field, scope, school level and district, kept with the search", async () => {
    const { ids, library } = await world();
    const all = await library.search(ids.reader, "học");
    expect(all.hits.length).toBe(6);
    const byYear = await library.setFilter(ids.reader, all.searchId, "year", "2025-2026");
    expect(byYear?.hits.map((h) => h.school_year)).toEqual(["2025-2026", "2025-2026", "2025-2026"]);
    const byField = await library.setFilter(ids.reader, all.searchId, "field", "teaching");
    expect(byField?.hits.map((h) => h.title)).toEqual(["Dạy học tích hợp liên môn Vật lí và Công nghệ"]);
    expect(byField?.filters).toEqual({ year: "2025-2026", field: "teaching" });
    // A filter value that is not one of the choices is ignored.
    const forged = await library.setFilter(ids.reader, all.searchId, "scope", "galaxy");
    expect(forged?.filters).toEqual({ year: "2025-2026", field: "teaching" });
    const cleared = await library.setFilter(ids.reader, all.searchId, "all", undefined);
    expect(cleared?.hits.length).toBe(6);
    const byScope = await library.setFilter(ids.reader, all.searchId, "scope", "province");
    expect(byScope?.hits.length).toBe(3);
    await library.setFilter(ids.reader, all.searchId, "all", undefined);
    const byDistrict = await library.setFilter(ids.reader, all.searchId, "district", "Huyện B");
    expect(byDistrict?.hits.map((h) => h.unit_name)).toEqual([
      "THCS Kim Đồng",
      "THCS Kim Đồng",
      "THCS Kim Đồng",
    ]);
    const byLevel = await library.setFilter(ids.reader, all.searchId, "level", "THPT");
    expect(byLevel?.hits).toEqual([]);
    // Paging and filters come back from the saved search; someone else's search id gives nothing.
    expect((await library.searchPage(ids.reader, all.searchId, 0))?.filters).toEqual({
      district: "Huyện B",
      level: "THPT",
    });
    expect(await library.searchPage(ids.author, all.searchId, 0)).toBeUndefined();
    // At most a few searches are kept per person, and an erasure takes them all.
    for (let i = 0; i < 7; i++) await library.search(ids.reader, `học ${i}`);
    const kept = () =>
      t.db.selectFrom("library_searches").select("words").where("user_id", "=", ids.reader).execute();
    expect((await kept()).length).toBe(5);
    await new PersonalDataService(t.db).erase(ids.admin, 302);
    expect(await kept()).toEqual([]);
  });

  it("never hands out the files of authors who did not agree to share them", async () => {
    const { ids, units, library } = await world();
    const shared = await insertInitiative(t.db, {
      code: "SK-2026-00100",
      title: "Thư viện xanh",
      unitId: units.u1,
      submitterId: ids.author,
      files: 2,
    });
    const kept = await insertInitiative(t.db, {
      code: "SK-2026-00101",
      title: "Thư viện số",
      unitId: units.u1,
      submitterId: ids.author,
      files: 2,
      shareFiles: false,
    });
    expect((await library.sharedFiles(ids.reader, shared)).files.map((f) => f.telegram_file_id)).toEqual([
      `lib-file-${shared}-0`,
      `lib-file-${shared}-1`,
    ]);
    expect(await library.sharedFiles(ids.reader, kept)).toMatchObject({ shared: false, files: [] });
    // The author changes their mind: from then on, nothing is sent.
    await library.setShareFiles(ids.author, shared, false);
    expect(await library.sharedFiles(ids.reader, shared)).toMatchObject({ shared: false, files: [] });
    // Only the submitter decides.
    await expect(library.setShareFiles(ids.reader, kept, true)).rejects.toBeInstanceOf(
      SubmissionNotFoundError,
    );
    expect(await library.sharedFiles(ids.reader, kept)).toMatchObject({ shared: false, files: [] });
    // An erased author's files may carry their name or CV: the library stops handing them out.
    const open = await insertInitiative(t.db, {
      code: "SK-2026-00102",
      title: "Thư viện mở",
      unitId: units.u1,
      submitterId: ids.author,
      files: 1,
    });
    expect((await library.sharedFiles(ids.reader, open)).files).toHaveLength(1);
    await new PersonalDataService(t.db).erase(ids.admin, 301);
    expect(await library.sharedFiles(ids.reader, open)).toMatchObject({ shared: false, files: [] });
  });

  it("lets administrators only find any submission by code, author name or words", async () => {
    const { ids, units, library } = await world();
    const pending = await insertInitiative(t.db, {
      code: "SK-2026-00777",
      title: "Câu lạc bộ đọc sách",
      status: "submitted",
      unitId: units.u1,
      submitterId: ids.author,
      authorName: "Trần Đức Thắng",
    });
    await expect(library.find(ids.reader, "SK-2026-00777")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(library.adminEntry(ids.reader, pending)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await library.find(ids.admin, "sk-2026-00777")).map((h) => h.id)).toEqual([pending]);
    expect((await library.find(ids.admin, "tran duc thang")).map((h) => h.id)).toEqual([pending]);
    expect((await library.find(ids.admin, "đọc sách")).map((h) => h.id)).toEqual([pending]);
    expect((await library.adminEntry(ids.admin, pending)).status).toBe("submitted");
    // Not in the library, which is for recognised initiatives.
    await expect(library.entry(ids.reader, pending)).rejects.toBeInstanceOf(SubmissionNotFoundError);
  });

  it("records a unit applying an initiative once and tells its author once", async () => {
    const { ids, units, library, seeded } = await world();
    await new RolesService(t.db).grant(ids.admin, 303, "unit_head", "U2");
    const id = seeded[0] as number;
    await expect(library.markApplied(ids.reader, id, "01/09/2026", "")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const first = await library.markApplied(ids.head, id, "01/09/2026", "Khối 6", NOW);
    const again = await library.markApplied(ids.head, id, "15/10/2026", "lần nữa", NOW);
    expect(first).toMatchObject({ recorded: true, unit: "THCS Kim Đồng" });
    expect(again).toMatchObject({ recorded: false });
    const rows = await t.db.selectFrom("initiative_applications").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ started_on: "2026-09-01", note: "Khối 6", unit_id: units.u2 });
    const notices = await t.db
      .selectFrom("broadcasts as b")
      .innerJoin("broadcast_deliveries as d", "d.broadcast_id", "b.id")
      .select(["b.kind", "d.user_id"])
      .execute();
    expect(notices).toEqual([{ kind: "initiative-applied", user_id: ids.author }]);
    const entry = await library.entry(ids.reader, id);
    expect(entry.applications.map((a) => a.unit_name)).toEqual(["THCS Kim Đồng"]);
    expect(await library.applicationCounts()).toEqual([
      expect.objectContaining({ id, units: 1, districts: 1 }),
    ]);
    await expect(library.markApplied(ids.head, id, "01/01/2099", "", NOW)).rejects.toMatchObject({
      problem: "date-in-future",
    });
  });

  it("answers inline mode with at most 50 results", async () => {
    const { ids, units, library } = await world();
    for (let i = 0; i < 55; i++)
      await insertInitiative(t.db, {
        code: `SK-2025-${String(i).padStart(5, "0")}`,
        title: `Thư viện thân thiện số ${i}`,
        unitId: units.u1,
        submitterId: ids.author,
      });
    expect(await library.inline(ids.reader, "thu vien than thien")).toHaveLength(50);
    // The last word may be unfinished as it is typed.
    expect(await library.inline(ids.reader, "thư viện thân thi")).toHaveLength(50);
    expect(await library.inline(ids.reader, "   ")).toEqual([]);
  });
});
