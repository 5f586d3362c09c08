import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExportService } from "../../src/export/export.service.js";
import { ForbiddenError } from "../../src/users/permissions.js";
import { LABELS } from "../helpers/appendix-labels.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

const ROWS = 2500; // more than two pages of the keyset pagination

describe.each(DIALECTS)("the year-end appendix (%s)", (dialect) => {
  const t = useTestDatabase(dialect);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "export-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("writes every received submission to XLSX (three sheets) and CSV, readable back cell by cell", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const author = await teacher(t.db, 401, units.u1);
    const people = await t.db
      .insertInto("users")
      .values(Array.from({ length: ROWS }, (_, i) => ({ telegram_id: 20_000 + i, full_name: `GV ${i}` })))
      .returning("id")
      .execute();
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      kind: "initiative" as const,
      status: i % 4 === 0 ? ("recognised" as const) : i === 1 ? ("draft" as const) : ("submitted" as const),
      code: i === 1 ? null : `SK-2026-${String(i).padStart(5, "0")}`,
      title: i === 2 ? '=HYPERLINK("http://x.example","bấm")' : `Sáng kiến số ${i}, "trích dẫn"; dấu phẩy`,
      submitter_id: (people[i] as { id: number }).id,
      unit_id: i % 2 === 0 ? units.u1 : units.u3,
      school_year: "2026-2027",
      scope_recognised: i % 4 === 0 ? ("province" as const) : null,
      decision_number: i % 4 === 0 ? "336/QĐ-SGDĐT" : null,
      decision_date: i % 4 === 0 ? "2026-07-14" : null,
    }));
    for (let i = 0; i < rows.length; i += 500)
      await t.db
        .insertInto("submissions")
        .values(rows.slice(i, i + 500))
        .execute();
    const first = await t.db
      .selectFrom("submissions")
      .select("id")
      .where("code", "=", "SK-2026-00000")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("submission_authors")
      .values([
        { submission_id: first.id, position: 1, full_name: "Nguyễn Thị Lan", share: 70 },
        { submission_id: first.id, position: 2, full_name: "Trần Văn Bình", share: 30 },
      ])
      .execute();

    // Two council members scored the first one: its average is in the last column.
    const reviewers = await t.db
      .insertInto("users")
      .values([{ telegram_id: 90_001 }, { telegram_id: 90_002 }])
      .returning("id")
      .execute();
    await t.db
      .insertInto("review_assignments")
      .values(
        reviewers.map((r, i) => ({
          submission_id: first.id,
          reviewer_id: r.id,
          status: "scored" as const,
          total: i === 0 ? 7 : 8.25,
        })),
      )
      .execute();

    const files = { xlsx: join(dir, `${dialect}.xlsx`), csv: join(dir, `${dialect}.csv`) };
    // Two nominations: one for oneself (the submitter is the nominee), one for a colleague.
    await t.db
      .insertInto("submissions")
      .values([
        {
          kind: "nomination",
          status: "submitted",
          code: "DC-2026-00001",
          title: "Đề nghị Chiến sĩ thi đua cơ sở",
          submitter_id: author,
          unit_id: units.u1,
          school_year: "2026-2027",
          // 18:30 UTC on 1 March is 01:30 on 2 March in Hà Nội: the received date is the local one.
          submitted_at: new Date("2026-03-01T18:30:00Z"),
          fields: JSON.stringify({
            nominee: "self",
            nomineePosition: "Tổ trưởng chuyên môn",
            award: "csdt_co_so",
          }),
        },
        {
          kind: "nomination",
          status: "submitted",
          code: "DC-2026-00002",
          title: "Gương điển hình tiên tiến",
          submitter_id: author,
          unit_id: units.u1,
          school_year: "2026-2027",
          fields: JSON.stringify({ nominee: "other", nomineeName: "Trần Thị Mai", award: "giay_khen" }),
        },
      ])
      .execute();
    const service = new ExportService(t.db, "Asia/Ho_Chi_Minh");
    await expect(
      service.writeAppendix(author, { schoolYear: "2026-2027" }, files, LABELS),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const { rows: written } = await service.writeAppendix(
      adminId,
      { schoolYear: "2026-2027" },
      files,
      LABELS,
    );
    expect(written).toBe(ROWS + 1); // the draft is not part of it; the two nominations are

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(files.xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(["Hồ sơ", "Theo đơn vị", "Theo cụm, khối"]);
    const sheet = book.getWorksheet("Hồ sơ") as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(ROWS + 2); // header + ROWS - 1 + 2 nominations
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(LABELS.columns);
    // The header is bold, stays in view and filters every column; the columns have widths for their content.
    for (let c = 1; c <= LABELS.columns.length; c++) expect(header.getCell(c).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBe(48);
    expect(sheet.getColumn(3).width).toBe(36);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 16)).toEqual([
      "SK-2026-00000",
      'Sáng kiến số 0, "trích dẫn"; dấu phẩy',
      "Nguyễn Thị Lan (70%); Trần Văn Bình (30%)",
      undefined,
      undefined,
      "THPT Lê Lợi",
      "Cụm 1",
      "Khối THPT",
      "kind:initiative",
      undefined,
      "status:recognised",
      undefined,
      "scope:province",
      "336/QĐ-SGDĐT",
      // A real date, shown as dd/mm/yyyy, not the text "2026-07-14".
      new Date("2026-07-14T00:00:00Z"),
    ]);
    expect(sheet.getRow(2).getCell(15).numFmt).toBe("dd/mm/yyyy");
    expect(sheet.getRow(2).getCell(16).value).toBe(7.63);
    expect(sheet.getRow(3).getCell(16).value).toBe(null);
    // A nomination names its nominee (the submitter, for oneself) and the award proposed.
    const nominations = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1))
      .filter((r) => String(r[0]).startsWith("DC-"));
    expect(nominations.map((r) => [r[0], r[3], r[4], r[8], r[11]])).toEqual([
      [
        "DC-2026-00001",
        "Giáo viên 401 (Tổ trưởng chuyên môn)",
        "award:csdt_co_so",
        "kind:nomination",
        new Date("2026-03-02T00:00:00Z"),
      ],
      ["DC-2026-00002", "Trần Thị Mai", "award:giay_khen", "kind:nomination", undefined],
    ]);
    // A title typed as a formula stays a text cell: the spreadsheet shows it and never evaluates it.
    const formulaRow = sheet.getSheetValues().findIndex((r) => Array.isArray(r) && r[1] === "SK-2026-00002");
    const typed = sheet.getRow(formulaRow).getCell(2);
    expect(typed.type).toBe(ExcelJS.ValueType.String);
    expect(typed.value).toBe('=HYPERLINK("http://x.example","bấm")');
    const unitsSheet = book.getWorksheet("Theo đơn vị") as ExcelJS.Worksheet;
    const unitRows = unitsSheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(unitRows).toEqual([
      ["THPT Lê Lợi", "Cụm 1", "Khối THPT", ROWS / 2 + 2, ROWS / 4],
      // Row 1, the draft, would have been Trần Phú's.
      ["THPT Trần Phú", "Cụm 2", "Khối THPT", ROWS / 2 - 1, 0],
    ]);
    const groups = (book.getWorksheet("Theo cụm, khối") as ExcelJS.Worksheet).getSheetValues().slice(2);
    expect(groups.map((r) => (r as unknown[]).slice(1))).toContainEqual([
      "Khối",
      "Khối THPT",
      ROWS + 1,
      ROWS / 4,
    ]);

    const csv = parse(await readFile(files.csv), { bom: true }) as string[][];
    expect(csv).toHaveLength(ROWS + 2);
    expect(csv[0]).toEqual(LABELS.columns);
    expect(csv[1]?.[1]).toBe('Sáng kiến số 0, "trích dẫn"; dấu phẩy');
    expect(csv[1]?.[14]).toBe("2026-07-14");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "subject"])
      .where("action", "=", "export.written")
      .execute();
    expect(audit.map((a) => a.subject.rows)).toEqual([ROWS + 1]);
    // A title typed as a formula opens as text, not as a live formula.
    expect(csv.find((r) => r[0] === "SK-2026-00002")?.[1]).toBe(`'=HYPERLINK("http://x.example","bấm")`);
  });
});
