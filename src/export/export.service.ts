import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { countByUnit, type StatsScope } from "../stats/stats.repository.js";
import { requireRole } from "../users/permissions.js";
import { insertAuditEntry } from "../users/users.repository.js";
import { spreadsheetCsv } from "./csv.js";
import { type AppendixRow, appendixRows } from "./export.repository.js";

/** Everything the files say in words, in the reader's language (the bot passes its translations). */
export interface AppendixLabels {
  sheets: { submissions: string; units: string; groups: string };
  /** Headers of the submissions sheet, in the order of appendixCells. */
  columns: string[];
  unitColumns: string[];
  groupColumns: string[];
  kind(kind: string): string;
  status(status: string): string;
  scope(scope: string): string;
  cluster: string;
  block: string;
}

/** The cells of one submission row; the CSV and the XLSX share them. */
function appendixCells(r: AppendixRow, labels: AppendixLabels): (string | number | null)[] {
  return [
    r.code,
    r.title,
    r.authors,
    r.unit_name,
    r.cluster,
    r.block,
    labels.kind(r.kind),
    r.campaign_title,
    labels.status(r.status),
    r.scope_recognised ? labels.scope(r.scope_recognised) : null,
    r.decision_number,
    r.decision_date,
    r.average_score,
    r.applied_units,
    r.applied_districts,
  ];
}

/**
 * The year-end appendix (phụ lục): an XLSX workbook with a sheet of submissions, one per unit and one per cluster
 * and block, and the submissions as CSV. Rows stream from the database to the files page by page, so a large
 * year is never held in memory.
 */
export class ExportService {
  constructor(private readonly db: Kysely<Database>) {}

  async writeAppendix(
    actorId: number,
    scope: StatsScope,
    files: { xlsx: string; csv: string },
    labels: AppendixLabels,
  ): Promise<{ rows: number }> {
    await requireRole(this.db, actorId, "admin");
    // Loaded at the first export, not at start: ExcelJS holds about 15 MB that an idle bot does not need.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: files.xlsx,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(labels.sheets.submissions);
    sheet.addRow(labels.columns).commit();
    const csv = spreadsheetCsv();
    const csvFile = createWriteStream(files.csv);
    csv.pipe(csvFile);
    csv.write(labels.columns);

    let rows = 0;
    for await (const r of appendixRows(this.db, scope)) {
      const cells = appendixCells(r, labels);
      sheet.addRow(cells).commit();
      // Respect the CSV stream's back-pressure: a slow disk must not make the rows pile up in memory.
      if (!csv.write(cells)) await new Promise((resolve) => csv.once("drain", resolve));
      rows++;
    }
    sheet.commit();
    csv.end();

    const units = await countByUnit(this.db, scope);
    const unitSheet = workbook.addWorksheet(labels.sheets.units);
    unitSheet.addRow(labels.unitColumns).commit();
    for (const u of [...units].sort((a, b) => a.name.localeCompare(b.name, "vi")))
      unitSheet.addRow([u.name, u.cluster, u.block, u.received, u.recognised]).commit();
    unitSheet.commit();

    const groupSheet = workbook.addWorksheet(labels.sheets.groups);
    groupSheet.addRow(labels.groupColumns).commit();
    for (const [kind, key] of [
      [labels.cluster, "cluster"],
      [labels.block, "block"],
    ] as const) {
      const groups = new Map<string, { received: number; recognised: number }>();
      for (const u of units) {
        const g = groups.get(u[key]) ?? { received: 0, recognised: 0 };
        g.received += u.received;
        g.recognised += u.recognised;
        groups.set(u[key], g);
      }
      for (const [name, g] of [...groups].sort((a, b) => a[0].localeCompare(b[0], "vi")))
        groupSheet.addRow([kind, name, g.received, g.recognised]).commit();
    }
    groupSheet.commit();
    await workbook.commit();
    await finished(csvFile);
    // A whole year's personal data left the system: who took it, and when, is recorded.
    await insertAuditEntry(this.db, { actorId, action: "export.written", subject: { scope, rows } });
    return { rows };
  }
}
