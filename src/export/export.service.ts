import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { dateIn } from "../shared/time.js";
import { countByUnit, type StatsScope } from "../stats/stats.repository.js";
import { requireRole } from "../users/permissions.js";
import { insertAuditEntry } from "../users/users.repository.js";
import { spreadsheetCsv } from "./csv.js";
import { type AppendixRow, appendixRows } from "./export.repository.js";
import { addSheet, dateCell, formatDates } from "./xlsx-style.js";

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
  /** A nomination's proposed title or form of commendation, by its key. */
  award(award: string): string;
  cluster: string;
  block: string;
}

/** Widths (in characters) of the submissions sheet's columns, in the order of appendixCells. */
const SUBMISSION_WIDTHS = [16, 48, 36, 28, 26, 28, 14, 14, 12, 30, 18, 12, 14, 18, 13, 10];
/** The date columns of the submissions sheet (1-based): received, decision date. */
const SUBMISSION_DATES = [12, 15];

/** A nomination's nominee as the appendix names them: the submitter when "for myself", with the position given. */
function nominee(r: AppendixRow): string | null {
  if (r.kind !== "nomination") return null;
  const f = r.fields;
  const name =
    f.nominee === "self" ? r.submitter_name : typeof f.nomineeName === "string" ? f.nomineeName : null;
  const position =
    typeof f.nomineePosition === "string" && f.nomineePosition !== "" ? f.nomineePosition : null;
  if (!name) return position;
  return position ? `${name} (${position})` : name;
}

/** The cells of one submission row; the CSV and the XLSX share them. */
function appendixCells(
  r: AppendixRow,
  labels: AppendixLabels,
  timezone: string,
): (string | number | Date | null)[] {
  const award =
    r.kind === "nomination" && typeof r.fields.award === "string" ? labels.award(r.fields.award) : null;
  return [
    r.code,
    r.title,
    r.authors,
    nominee(r),
    award,
    r.unit_name,
    r.cluster,
    r.block,
    labels.kind(r.kind),
    r.campaign_title,
    labels.status(r.status),
    dateCell(r.submitted_at ? dateIn(timezone, r.submitted_at) : null),
    r.scope_recognised ? labels.scope(r.scope_recognised) : null,
    r.decision_number,
    dateCell(r.decision_date),
    r.average_score,
    r.applied_units,
    r.applied_districts,
  ];
}

/**
 * The year-end appendix (phụ lục): an XLSX workbook with the list of submissions (bold header, fixed widths, a
 * filter on every column, dates as real dates shown dd/mm/yyyy, a nomination's nominee and award), the counts per
 * unit and the counts per cluster and block, and the submissions as CSV. Rows stream from the database to the
 * files page by page, so a large year is never held in memory.
 *
 * One list with a filter, rather than a sheet per unit: a province has hundreds of units (Excel would show
 * hundreds of tabs, names cut at 31 characters), and an officer filters the one list by unit, cluster or scope.
 */
export class ExportService {
  constructor(
    private readonly db: Kysely<Database>,
    /** The time zone a submission's received date is read in. */
    private readonly timezone: string,
  ) {}

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
      useStyles: true,
    });
    const sheet = addSheet(workbook, labels.sheets.submissions, labels.columns, SUBMISSION_WIDTHS);
    const csv = spreadsheetCsv();
    const csvFile = createWriteStream(files.csv);
    csv.pipe(csvFile);
    csv.write(labels.columns);

    let rows = 0;
    for await (const r of appendixRows(this.db, scope)) {
      const cells = appendixCells(r, labels, this.timezone);
      const row = sheet.addRow(cells);
      formatDates(row, SUBMISSION_DATES);
      row.commit();
      // Respect the CSV stream's back-pressure: a slow disk must not make the rows pile up in memory.
      if (!csv.write(cells)) await new Promise((resolve) => csv.once("drain", resolve));
      rows++;
    }
    sheet.commit();
    csv.end();

    const units = await countByUnit(this.db, scope);
    const unitSheet = addSheet(workbook, labels.sheets.units, labels.unitColumns, [40, 26, 28, 12, 12]);
    for (const u of [...units].sort((a, b) => a.name.localeCompare(b.name, "vi")))
      unitSheet.addRow([u.name, u.cluster, u.block, u.received, u.recognised]).commit();
    unitSheet.commit();

    const groupSheet = addSheet(workbook, labels.sheets.groups, labels.groupColumns, [16, 30, 12, 12]);
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
