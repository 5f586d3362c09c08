import type { Kysely } from "kysely";
import { AlreadyRevokedError, DecisionNotFoundError } from "../certificates/certificate-errors.js";
import type { DocumentSettings } from "../config.js";
import type { Database } from "../db/types.js";
import { addSheet, dateCell, formatDates } from "../export/xlsx-style.js";
import { requiredNote } from "../review/review-errors.js";
import { requireRole } from "../users/permissions.js";
import { insertAuditEntry } from "../users/users.repository.js";
import {
  type DecisionSummary,
  decisionEntries,
  findDecision,
  listDecisions,
  revokeDecision,
} from "./decision-documents.repository.js";
import { SCOPE_WORDS, shareText } from "./official-text.js";

export const DECISIONS_PAGE_SIZE = 8;

/** A decision's documents (the .docx decision, its list as XLSX), and its revocation: for administrators only. */
export class DocumentsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: DocumentSettings,
  ) {}

  /** One page of decisions, newest first, and whether there is a next page. */
  async list(actorId: number, page: number): Promise<{ decisions: DecisionSummary[]; more: boolean }> {
    await requireRole(this.db, actorId, "admin");
    const rows = await listDecisions(this.db, Math.max(0, page) * DECISIONS_PAGE_SIZE, DECISIONS_PAGE_SIZE);
    return { decisions: rows.slice(0, DECISIONS_PAGE_SIZE), more: rows.length > DECISIONS_PAGE_SIZE };
  }

  async find(actorId: number, id: number): Promise<DecisionSummary> {
    await requireRole(this.db, actorId, "admin");
    const decision = await findDecision(this.db, id);
    if (!decision) throw new DecisionNotFoundError(id);
    return decision;
  }

  /** The decision as a Word document (a revoked decision too: it stays on record as it was issued). */
  async decisionDocx(actorId: number, id: number): Promise<{ decision: DecisionSummary; docx: Buffer }> {
    const decision = await this.find(actorId, id);
    const entries = await decisionEntries(this.db, id);
    // docx loads at the first decision document, not at start: an idle bot does not hold it.
    const { decisionDocx } = await import("./decision-docx.js");
    return { decision, docx: await decisionDocx(decision, entries, this.settings) };
  }

  /** The decision's list (its appendix) as an XLSX file at `file`, in the appendix's layout. */
  async decisionXlsx(actorId: number, id: number, file: string): Promise<DecisionSummary> {
    const decision = await this.find(actorId, id);
    const entries = await decisionEntries(this.db, id);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
    const sheet = addSheet(
      workbook,
      "Danh sách",
      [
        "STT",
        "Mã hồ sơ",
        "Tên sáng kiến",
        "Tác giả (tỷ lệ đóng góp)",
        "Đơn vị",
        "Phạm vi ảnh hưởng",
        "Điểm",
        "Số quyết định",
        "Ngày quyết định",
      ],
      [6, 16, 50, 36, 30, 16, 8, 18, 14],
    );
    for (const [i, e] of entries.entries()) {
      const row = sheet.addRow([
        i + 1,
        e.code,
        e.title,
        e.authors.map((a) => `${a.full_name} (${shareText(a.share)}%)`).join("; "),
        e.unit_name,
        e.scope ? SCOPE_WORDS[e.scope] : null,
        e.average_score,
        decision.number,
        dateCell(decision.decided_on),
      ]);
      formatDates(row, [9]);
      row.commit();
    }
    sheet.commit();
    await workbook.commit();
    return decision;
  }

  /**
   * Revokes a decision, with the reason required: its certificates verify as revoked from then on, and no new one
   * is issued. Audited; a second revocation is refused.
   */
  async revoke(actorId: number, id: number, rawNote: string, now: Date): Promise<DecisionSummary> {
    await requireRole(this.db, actorId, "admin");
    const note = requiredNote(rawNote);
    return this.db.transaction().execute(async (trx) => {
      const decision = await findDecision(trx, id);
      if (!decision) throw new DecisionNotFoundError(id);
      const revoked = await revokeDecision(trx, id, actorId, note, now);
      if (!revoked) throw new AlreadyRevokedError(id);
      await insertAuditEntry(trx, {
        actorId,
        action: "decision.revoked",
        subject: { decisionId: id, number: decision.number, decidedOn: decision.decided_on, note },
      });
      return { ...decision, revoked_at: now, revocation_note: note };
    });
  }
}
