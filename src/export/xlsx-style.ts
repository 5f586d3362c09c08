import type { stream, Worksheet } from "exceljs";

/** How Vietnamese documents write a date; Excel shows a real date cell in this form whatever the computer's locale. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** A stored 'YYYY-MM-DD' as a date cell value (midnight UTC, which is how Excel's date serials are read back). */
export const dateCell = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * A new streamed sheet with its column widths (in characters) and its bold header row, frozen while scrolling and
 * with a filter on every column, so an officer can narrow a long list to one unit or one scope without another
 * sheet. (A streamed sheet takes its views when created and cannot go back to a row once written.)
 */
export function addSheet(
  workbook: stream.xlsx.WorkbookWriter,
  name: string,
  headers: readonly string[],
  widths: readonly number[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = headers.map((_, i) => ({ width: widths[i] ?? 14 }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();
  return sheet;
}

/** Gives the date columns (1-based) of a row their dd/mm/yyyy form. */
export function formatDates(
  row: { getCell(n: number): { numFmt: string } },
  columns: readonly number[],
): void {
  for (const c of columns) row.getCell(c).numFmt = DATE_FORMAT;
}
