import { execFile, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { DocumentsService } from "../../src/documents/documents.service.js";
import { admin, seedUnits, teacher } from "../helpers/campaign-fixtures.js";
import { batchDecision, endorsedSubmission, pdfInfo } from "../helpers/decision-fixtures.js";
import { useTestDatabase } from "../helpers/test-database.js";

const run = promisify(execFile);

/** LibreOffice renders the .docx as Word would (near enough) and gives the PDF whose text is checked. */
function hasSoffice(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}
const SOFFICE = hasSoffice();
if (!SOFFICE) console.warn("decision-docx.test.ts skipped: soffice (LibreOffice writer) is not installed");

const config = loadConfig({
  BOT_TOKEN: "123456789:TEST-token-for-the-docx-test-xx",
  DECISION_ISSUER_PARENT: "UBND TỈNH LÂM ĐỒNG",
  DECISION_PLACE: "Đà Lạt",
  DECISION_LEGAL_BASES:
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; | Căn cứ Quyết định số 25/2024/QĐ-UBND của UBND tỉnh Lâm Đồng; | Theo đề nghị của Chủ tịch Hội đồng Sáng kiến.",
});

// PGlite only: the queries behind it run on PostgreSQL in certificates.test.ts; LibreOffice is the slow part here.
describe.skipIf(!SOFFICE)("the decision as a .docx, opened by LibreOffice", () => {
  const t = useTestDatabase("pglite");
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "decision-docx-test-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("has the heading, legal bases, articles, signature and the appendix, in exact Vietnamese", async () => {
    const units = await seedUnits(t.db);
    const adminId = await admin(t.db, 900);
    const authorId = await teacher(t.db, 401, units.u1);
    const first = await endorsedSubmission(t.db, {
      submitterId: authorId,
      unitId: units.u1,
      code: "SK-2026-00001",
      title: "Dạy học STEM qua dự án “Nhà kính mini” ở lớp 7",
      authors: [
        { name: "Nguyễn Thị Ánh Tuyết", share: 62.5, self: true },
        { name: "Lê Văn Đức", share: 37.5, unit: "THCS Kim Đồng" },
      ],
    });
    const second = await endorsedSubmission(t.db, {
      submitterId: authorId,
      unitId: units.u3,
      code: "SK-2026-00002",
      title: "Quản lý hồ sơ học sinh bằng bảng tính dùng chung",
      authors: [{ name: "Phạm Thu Hà", share: 100, self: true }],
    });
    const reviewer = await t.db
      .insertInto("users")
      .values({ telegram_id: 90_001 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("review_assignments")
      .values({ submission_id: first, reviewer_id: reviewer.id, status: "scored", total: 8.25 })
      .execute();
    const decisionId = await batchDecision(t.db, {
      adminId,
      number: "336/QĐ-SGDĐT",
      date: "2026-07-04",
      signer: "Trần Văn Bình",
      submissions: [
        { id: first, scope: "nation" },
        { id: second, scope: "province" },
      ],
    });

    const { docx } = await new DocumentsService(t.db, config.documents).decisionDocx(adminId, decisionId);
    await writeFile(join(dir, "decision.docx"), docx);
    await run("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "decision.docx")], {
      timeout: 120_000,
    });
    const pdf = await readFile(join(dir, "decision.pdf"));
    expect((await pdfInfo(pdf, dir)).Pages).toBe("2"); // the decision, then its appendix on a landscape page
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", join(dir, "decision.pdf"), "-"]);
    const text = stdout.replace(/\s+/g, " ");
    for (const expected of [
      "UBND TỈNH LÂM ĐỒNG",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "Số: 336/QĐ-SGDĐT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập – Tự do – Hạnh phúc",
      "Đà Lạt, ngày 04 tháng 7 năm 2026",
      "QUYẾT ĐỊNH Về việc công nhận sáng kiến năm học 2025 – 2026",
      "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
      "Căn cứ Quyết định số 25/2024/QĐ-UBND của UBND tỉnh Lâm Đồng;",
      "Theo đề nghị của Chủ tịch Hội đồng Sáng kiến.",
      "QUYẾT ĐỊNH:",
      "Điều 1. Công nhận 2 sáng kiến (1 sáng kiến có phạm vi ảnh hưởng toàn quốc, 1 sáng kiến có phạm vi ảnh hưởng cấp tỉnh)",
      "Điều 2.",
      "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
      "Nơi nhận:",
      "- Như Điều 3;",
      "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC",
      "Trần Văn Bình",
      "DANH SÁCH SÁNG KIẾN ĐƯỢC CÔNG NHẬN",
      "(Kèm theo Quyết định số 336/QĐ-SGDĐT ngày 04 tháng 7 năm 2026)",
      "STT",
      "Nguyễn Thị Ánh Tuyết (62,5%)",
      "Lê Văn Đức (37,5%)",
      "Phạm Thu Hà (100%)",
      "THPT Trần Phú",
      "8,25",
    ])
      expect(text).toContain(expected);
    // Only the default legal bases were replaced.
    expect(text).not.toContain("Nghị định số 13/2012/NĐ-CP");
    // The appendix lists the submissions in code order, each with its title and scope beside it.
    expect(text.indexOf("SK-2026-")).toBeGreaterThan(text.indexOf("DANH SÁCH"));
    expect(text).toMatch(/1 SK-2026-\s?00001 Dạy học STEM qua dự án “Nhà kính mini” ở lớp 7/);
    expect(text.indexOf("Quản lý hồ sơ học sinh")).toBeGreaterThan(text.indexOf("Nhà kính mini"));
    // The rendered pages, for a person to look at (pdftoppm -png -r 60 decision.pdf page).
    await run("pdftoppm", ["-png", "-r", "60", join(dir, "decision.pdf"), join(dir, "page")]);
    if (process.env.KEEP_RENDERED) await run("cp", ["-r", dir, process.env.KEEP_RENDERED]);
  });
});
