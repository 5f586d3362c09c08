import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { DocumentSettings } from "../config.js";
import type { Scope } from "../db/types.js";
import type { DecisionEntry, DecisionSummary } from "./decision-documents.repository.js";
import { MOTTO, NATIONAL_NAME, officialDate, SCOPE_WORDS, shareText } from "./official-text.js";

// Sizes in half-points (docx) and twips (1/20 pt): 13 pt body, 14 pt headings, A4 with the margins of
// Nghị định 30/2020/NĐ-CP (top and bottom 2 cm, left 3 cm, right 1.5 cm).
const BODY = 26;
const HEADING = 24;
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851 };
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

type RunOptions = { bold?: boolean; italics?: boolean; size?: number };
const run = (text: string, o: RunOptions = {}) => new TextRun({ text, ...o });
const centred = (text: string, o: RunOptions = {}, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, o)] });
const body = (children: TextRun[], indent = true) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 300 },
    indent: indent ? { firstLine: 567 } : undefined,
    children,
  });

/** The short solid line under the issuing body and under the motto: a bordered empty paragraph, `share` of the width. */
const shortRule = (width: number, share: number) => {
  const side = Math.round((width * (1 - share)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 120 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 4 })],
  });
};

const cell = (children: Paragraph[], width: number) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP });

/** Counts of the decision's recognitions by scope, as Điều 1 states them. */
function scopeCounts(entries: readonly DecisionEntry[]): string {
  const counts = new Map<Scope, number>();
  for (const e of entries) if (e.scope) counts.set(e.scope, (counts.get(e.scope) ?? 0) + 1);
  return (["nation", "province", "unit"] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} sáng kiến có phạm vi ảnh hưởng ${SCOPE_WORDS[s]}`)
    .join(", ");
}

/** The heading: the issuing body with the number on the left, the national name, motto, place and date on the right. */
function heading(decision: DecisionSummary, settings: DocumentSettings): Table {
  // As the printed forms do, the heading reaches a little into the margins: its lines stay whole.
  const width = CONTENT_WIDTH + 1400;
  const left = Math.round(width * 0.4);
  const right = width - left;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    indent: { size: -900, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              centred(settings.issuerParent, { size: HEADING }),
              centred(settings.issuer, { bold: true, size: HEADING }),
              shortRule(left, 0.35),
              centred(`Số: ${decision.number}`, { size: BODY }, 0),
            ],
            left,
          ),
          cell(
            [
              centred(NATIONAL_NAME, { bold: true, size: HEADING }),
              centred(MOTTO, { bold: true, size: BODY }),
              shortRule(right, 0.55),
              centred(`${settings.place}, ${officialDate(decision.decided_on)}`, {
                italics: true,
                size: BODY,
              }),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

function signature(decision: DecisionSummary, settings: DocumentSettings): Table {
  const half = Math.round(CONTENT_WIDTH / 2);
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, CONTENT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: 24 })] }),
              ...settings.recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: 22 })] })),
            ],
            half,
          ),
          cell(
            [
              ...settings.signerTitle.map((line) => centred(line, { bold: true, size: BODY })),
              // Room for the signature and the seal.
              ...Array.from({ length: 4 }, () => centred("")),
              centred(decision.signer ?? "", { bold: true, size: BODY }),
            ],
            CONTENT_WIDTH - half,
          ),
        ],
      }),
    ],
  });
}

// Widths in twips, adding up to the landscape page's text width (14,286).
const APPENDIX_COLUMNS = [
  { title: "STT", width: 750 },
  { title: "Mã hồ sơ", width: 2100 },
  { title: "Tên sáng kiến", width: 4036 },
  { title: "Tác giả (tỷ lệ đóng góp)", width: 3000 },
  { title: "Đơn vị", width: 2200 },
  { title: "Phạm vi ảnh hưởng", width: 1200 },
  { title: "Điểm", width: 1000 },
];

function appendixTable(entries: readonly DecisionEntry[]): Table {
  const row = (cells: string[], bold = false) =>
    new TableRow({
      tableHeader: bold,
      cantSplit: true,
      children: cells.map((text, i) =>
        cell(
          text.split("\n").map(
            (line) =>
              new Paragraph({
                alignment: i === 0 || i >= 5 || bold ? AlignmentType.CENTER : AlignmentType.LEFT,
                children: [run(line, { bold, size: 22 })],
              }),
          ),
          APPENDIX_COLUMNS[i]?.width ?? 1000,
        ),
      ),
    });
  return new Table({
    width: { size: APPENDIX_COLUMNS.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: APPENDIX_COLUMNS.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        APPENDIX_COLUMNS.map((c) => c.title),
        true,
      ),
      ...entries.map((e, i) =>
        row([
          String(i + 1),
          e.code,
          e.title,
          e.authors.map((a) => `${a.full_name} (${shareText(a.share)}%)`).join("\n"),
          e.unit_name ?? "",
          e.scope ? SCOPE_WORDS[e.scope] : "",
          e.average_score === null ? "" : shareText(e.average_score),
        ]),
      ),
    ],
  });
}

/**
 * The decision recognising initiatives, as a .docx in the form of a Vietnamese administrative decision
 * (Nghị định 30/2020/NĐ-CP): heading, title, legal bases, articles, signature, and the list as its appendix on
 * landscape pages. Times New Roman throughout, as the decree requires.
 */
export function decisionDocx(
  decision: DecisionSummary,
  entries: readonly DecisionEntry[],
  settings: DocumentSettings,
): Promise<Buffer> {
  const director = `GIÁM ĐỐC ${settings.issuer}`;
  const counted = scopeCounts(entries);
  const doc = new Document({
    creator: settings.issuer,
    title: `Quyết định số ${decision.number}`,
    styles: { default: { document: { run: { font: "Times New Roman", size: BODY } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: [
          heading(decision, settings),
          centred("", {}, 240),
          centred("QUYẾT ĐỊNH", { bold: true, size: 28 }),
          centred("Về việc công nhận sáng kiến", { bold: true, size: 28 }),
          centred(
            decision.school_year ? `năm học ${decision.school_year.replace("-", " – ")}` : "",
            { bold: true, size: 28 },
            0,
          ),
          centred("―――――", {}, 240),
          centred(director, { bold: true, size: 28 }, 240),
          ...settings.legalBases.map((line) => body([run(line, { italics: true })])),
          centred("QUYẾT ĐỊNH:", { bold: true, size: 28 }, 200),
          body([
            run("Điều 1. ", { bold: true }),
            run(
              `Công nhận ${entries.length} sáng kiến${counted ? ` (${counted})` : ""} của các tác giả có tên trong danh sách kèm theo Quyết định này.`,
            ),
          ]),
          body([
            run("Điều 2. ", { bold: true }),
            run(
              "Các tác giả có sáng kiến được công nhận tại Điều 1 được hưởng các quyền lợi theo quy định của Điều lệ Sáng kiến và các quy định hiện hành về thi đua, khen thưởng.",
            ),
          ]),
          body([
            run("Điều 3. ", { bold: true }),
            run(
              "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng các phòng thuộc Sở, Thủ trưởng các đơn vị có liên quan và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ),
          ]),
          centred("", {}, 120),
          signature(decision, settings),
        ],
      },
      {
        properties: {
          page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN },
        },
        children: [
          centred("DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN", { bold: true, size: 28 }),
          centred(
            `(Kèm theo Quyết định số ${decision.number} ${officialDate(decision.decided_on)})`,
            { italics: true },
            240,
          ),
          appendixTable(entries),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
