import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { inflateRawSync } from "node:zlib";
import type { Kysely } from "kysely";
import type { Database, Scope, SubmissionKind } from "../../src/db/types.js";
import { DecisionService } from "../../src/review/decision.service.js";

const run = promisify(execFile);

export const TITLE = "Ứng dụng trí tuệ nhân tạo để nâng cao hiệu quả dạy học môn Ngữ văn lớp 10";

/** An endorsed submission of `submitterId` with its authors (the submitter first, with their user id). */
export async function endorsedSubmission(
  db: Kysely<Database>,
  o: {
    submitterId: number;
    unitId: number;
    code: string;
    title?: string;
    kind?: SubmissionKind;
    authors: { name: string; share: number; unit?: string; self?: boolean }[];
  },
): Promise<number> {
  const { id } = await db
    .insertInto("submissions")
    .values({
      kind: o.kind ?? "initiative",
      status: "endorsed",
      code: o.code,
      title: o.title ?? TITLE,
      submitter_id: o.submitterId,
      unit_id: o.unitId,
      school_year: "2025-2026",
      submitted_at: new Date("2026-03-01T02:00:00Z"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("submission_authors")
    .values(
      o.authors.map((a, i) => ({
        submission_id: id,
        position: i + 1,
        user_id: a.self ? o.submitterId : null,
        full_name: a.name,
        unit_name: a.unit ?? null,
        share: a.share,
      })),
    )
    .execute();
  return id;
}

/** Recognises through the single /decide path (DecisionService.recognise), which finds or creates the decision. */
export async function recogniseOne(
  db: Kysely<Database>,
  adminId: number,
  submissionId: number,
  r: { scope: Scope; number: string; date: string },
): Promise<number> {
  await new DecisionService(db).recognise(adminId, submissionId, r, new Date("2026-07-14T03:00:00Z"));
  const row = await db
    .selectFrom("submissions")
    .select("decision_id")
    .where("id", "=", submissionId)
    .executeTakeFirstOrThrow();
  return row.decision_id as number;
}

/** What a batch decision leaves behind: one decision row (with its signer) and every submission recognised by it. */
export async function batchDecision(
  db: Kysely<Database>,
  o: {
    adminId: number;
    number: string;
    date: string;
    signer: string;
    submissions: { id: number; scope: Scope }[];
  },
): Promise<number> {
  const { id } = await db
    .insertInto("decisions")
    .values({
      number: o.number,
      decided_on: o.date,
      signer: o.signer,
      school_year: "2025-2026",
      created_by: o.adminId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const s of o.submissions)
    await db
      .updateTable("submissions")
      .set({
        status: "recognised",
        decision_id: id,
        decision_number: o.number,
        decision_date: o.date,
        scope_recognised: s.scope,
        decided_by: o.adminId,
        decided_at: new Date(),
      })
      .where("id", "=", s.id)
      .execute();
  return id;
}

/** The text of a PDF as pdftotext reads it, with every run of white space one space. */
export async function pdfText(pdf: Buffer, dir: string, name = "doc.pdf"): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, pdf);
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", path, "-"]);
  return stdout.replace(/\s+/g, " ");
}

/** pdfinfo's fields (Pages, Page size, …). */
export async function pdfInfo(pdf: Buffer, dir: string): Promise<Record<string, string>> {
  const path = join(dir, "info.pdf");
  await writeFile(path, pdf);
  const { stdout } = await run("pdfinfo", [path]);
  return Object.fromEntries(
    stdout
      .split("\n")
      .filter((l) => l.includes(":"))
      .map((l) => [l.slice(0, l.indexOf(":")).trim(), l.slice(l.indexOf(":") + 1).trim()]),
  );
}

/** The fonts a PDF embeds, as pdffonts lists them (name and whether embedded). */
export async function pdfFonts(pdf: Buffer, dir: string): Promise<string> {
  const path = join(dir, "fonts.pdf");
  await writeFile(path, pdf);
  return (await run("pdffonts", [path])).stdout;
}

/**
 * The QR code drawn on the first page of a certificate PDF, read back module by module from a grayscale rendering
 * (pdftoppm, 4 pixels a point, at the centre of each module), as rows of 0 and 1 — to compare with what the link
 * encodes.
 */
export async function qrOnFirstPage(
  pdf: Buffer,
  dir: string,
  box: { left: number; top: number; side: number },
  size: number,
): Promise<string[]> {
  const path = join(dir, "qr.pdf");
  await writeFile(path, pdf);
  const scale = 4;
  await run("pdftoppm", ["-gray", "-r", String(72 * scale), "-f", "1", "-l", "1", path, join(dir, "qr")]);
  const { readdir, readFile } = await import("node:fs/promises");
  const file = (await readdir(dir)).find((f) => f.startsWith("qr-") && f.endsWith(".pgm")) as string;
  const pgm = await readFile(join(dir, file));
  // P5 <width> <height> 255, then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString("latin1"));
  const width = Number(header?.[1]);
  const pixels = pgm.subarray((header?.[0] ?? "").length);
  const cell = box.side / size;
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => {
      const x = Math.round((box.left + (col + 0.5) * cell) * scale);
      const y = Math.round((box.top + (row + 0.5) * cell) * scale);
      return (pixels[y * width + x] as number) < 128 ? "1" : "0";
    }).join(""),
  );
}

/**
 * The text of a .docx as Word lays it out, read straight from the zip: word/document.xml's runs, a line per
 * paragraph (a run boundary inside a word joins as Word shows it), entities decoded.
 */
export function docxText(docx: Buffer): string {
  const xml = zipEntry(docx, "word/document.xml").toString("utf8");
  return xml
    .replace(/<w:tab\/>/g, " ")
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e] as string);
}
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** One file of a zip archive, found through its central directory (stored or deflated, as .docx files are). */
export function zipEntry(zip: Buffer, name: string): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip archive");
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const entryName = zip.toString("utf8", at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const method = zip.readUInt16LE(at + 10);
      const size = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} is not in the archive`);
}
