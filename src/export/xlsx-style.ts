import type { Worksheet } from "exceljs";

/** How Vietnamese documents write a date; Excel shows a real date cell in this form whatever the computer's locale. */
export const DATE_FORMAT = "dd/mm/yyyy";

/** A stored 'YYYY-MM-DD' as a date cell value (midnight UTC, which is how Excel's date serials are read back). */
export const dateCell = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * Sets a sheet's column widths (in characters) and writes its bold header row, frozen while scrolling and with a
 * filter on every column, so an officer can narrow a long list to one unit or one scope without another sheet.
 * Call before the first data row (a streamed sheet cannot go back to it).
 */
export function startSheet(sheet: Worksheet, headers: readonly string[], widths: readonly number[]): void {
  sheet.columns = headers.map((_, i) => ({ width: widths[i] ?? 14 }));
  // A streamed sheet has its views as a read-only property: its array is filled in place.
  sheet.views.splice(0, sheet.views.length, { state: "frozen", ySplit: 1 });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.commit();
}

/** Gives the date columns (1-based) of a row their dd/mm/yyyy form. */
export function formatDates(
  row: { getCell(n: number): { numFmt: string } },
  columns: readonly number[],
): void {
  for (const c of columns) row.getCell(c).numFmt = DATE_FORMAT;
}
