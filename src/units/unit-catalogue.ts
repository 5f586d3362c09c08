import { parse } from "csv-parse/sync";
import { foldForSearch, normalizeText } from "../shared/text.js";
import type { UnitRow } from "./units.repository.js";

export const CATALOGUE_COLUMNS = ["code", "name", "district", "school_level", "cluster", "block"] as const;
const MAX_FIELD_LENGTH = 200;

export interface CatalogueProblem {
  /** 1-based line in the file, counting the header. */
  line: number;
  message: string;
}

export type CatalogueParse = { ok: true; rows: UnitRow[] } | { ok: false; problems: CatalogueProblem[] };

/**
 * Reads a unit catalogue (CSV with a header row: code,name,district,school_level,cluster,block; UTF-8, a BOM and
 * ; or , as separator accepted) and checks every row. Either every row is good, or every problem is reported with
 * its line number.
 */
export function parseUnitCatalogue(text: string): CatalogueParse {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.split(";").length > firstLine.split(",").length ? ";" : ",";
  let records: { record: string[]; line: number }[];
  try {
    records = (
      parse(text, {
        bom: true,
        delimiter,
        skip_empty_lines: true,
        relax_column_count: true,
        info: true,
      }) as unknown as {
        record: string[];
        info: { lines: number };
      }[]
    ).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      ok: false,
      problems: [{ line, message: `the file is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const header = records.shift();
  const columns = header?.record.map((c) => c.trim().toLowerCase()) ?? [];
  const missing = CATALOGUE_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          message: `the header must name the columns ${CATALOGUE_COLUMNS.join(",")}; missing: ${missing.join(", ")}`,
        },
      ],
    };
  }

  const problems: CatalogueProblem[] = [];
  const rows: UnitRow[] = [];
  const seenCodes = new Map<string, number>();
  for (const { record, line } of records) {
    const value = (column: (typeof CATALOGUE_COLUMNS)[number]) =>
      normalizeText(record[columns.indexOf(column)] ?? "");
    const row = {
      code: value("code"),
      name: value("name"),
      district: value("district"),
      school_level: value("school_level"),
      cluster: value("cluster"),
      block: value("block"),
    };
    const rowProblems: string[] = [];
    for (const column of CATALOGUE_COLUMNS) {
      if (row[column] === "") rowProblems.push(`${column} is empty`);
      else if (row[column].length > MAX_FIELD_LENGTH)
        rowProblems.push(`${column} is longer than ${MAX_FIELD_LENGTH} characters`);
    }
    const earlier = seenCodes.get(row.code);
    if (row.code !== "" && earlier !== undefined)
      rowProblems.push(`code ${row.code} is already used on line ${earlier}`);
    seenCodes.set(row.code, earlier ?? line);
    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join("; ") });
    else rows.push({ ...row, search_name: foldForSearch(row.name) });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: 2, message: "the file has no units" });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}
