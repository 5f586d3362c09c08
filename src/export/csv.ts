import { stringify } from "csv-stringify";

/** What spreadsheet programs read as the start of a formula (OWASP's list), were a cell to begin with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell typed by a person, made inert: "=HYPERLINK(…)" opens in Excel as the text it is, not as a live formula. */
export const inertCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/**
 * A CSV writer for files people open in Excel or LibreOffice: a BOM so Vietnamese shows right, and every text cell
 * made inert, since titles and names are typed by teachers.
 */
// A date cell (midnight UTC, see xlsx-style.ts) as YYYY-MM-DD, which spreadsheets read as a date in any locale.
export const spreadsheetCsv = () =>
  stringify({ bom: true, cast: { string: inertCell, date: (d) => d.toISOString().slice(0, 10) } });
