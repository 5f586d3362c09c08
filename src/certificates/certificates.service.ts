import type { Writable } from "node:stream";
import type { Kysely } from "kysely";
import type { DocumentSettings } from "../config.js";
import type { Database } from "../db/types.js";
import { findDecision } from "../documents/decision-documents.repository.js";
import { isAuthorOrSubmitter } from "../review/review.repository.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import { findSubmission } from "../submissions/submissions.repository.js";
import { requireRole } from "../users/permissions.js";
import { newCertificateCode, readCode } from "./certificate-code.js";
import { DecisionNotFoundError, NotCertifiableError, TooManyLookupsError } from "./certificate-errors.js";
import {
  type CertificateRow,
  certificatesOf,
  countLookup,
  ensureCertificates,
  findByCode,
  recognisedInitiativesOf,
} from "./certificates.repository.js";

/** Lookups one person may make in a minute: plenty for people checking certificates, nothing for guessing. */
export const LOOKUPS_PER_MINUTE = 5;

export type Verification =
  | { status: "genuine" | "revoked"; certificate: CertificateRow }
  | { status: "unknown" };

/** A set of certificates ready to print, with what their signature block needs. */
export interface CertificateBatch {
  certificates: CertificateRow[];
  signer: string | null;
}

/** Certificates of recognised initiatives: issued to their authors, verified by anyone through their code. */
export class CertificatesService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: DocumentSettings,
  ) {}

  /**
   * The certificates of one submission, one per author, for its submitter or one of its authors: the submission
   * must be an initiative recognised by a decision still in force. Codes are made on the first request and kept.
   */
  async forSubmission(userId: number, submissionId: number): Promise<CertificateBatch> {
    const submission = await findSubmission(this.db, submissionId);
    if (!submission || !(await isAuthorOrSubmitter(this.db, submission, userId)))
      throw new SubmissionNotFoundError(submissionId);
    if (submission.status !== "recognised" || submission.kind !== "initiative" || !submission.decision_id)
      throw new NotCertifiableError("not-recognised");
    const decision = await findDecision(this.db, submission.decision_id);
    if (!decision) throw new NotCertifiableError("not-recognised");
    if (decision.revoked_at) throw new NotCertifiableError("revoked");
    await ensureCertificates(this.db, [submissionId], newCertificateCode);
    return { certificates: await certificatesOf(this.db, [submissionId]), signer: decision.signer };
  }

  /** When the decision was revoked, or null while it is in force (a submission's own details say so). */
  async revokedAt(decisionId: number): Promise<Date | null> {
    return (await findDecision(this.db, decisionId))?.revoked_at ?? null;
  }

  /** Administrators only: every certificate of a decision, for printing. */
  async forDecision(actorId: number, decisionId: number): Promise<CertificateBatch> {
    await requireRole(this.db, actorId, "admin");
    const decision = await findDecision(this.db, decisionId);
    if (!decision) throw new DecisionNotFoundError(decisionId);
    if (decision.revoked_at) throw new NotCertifiableError("revoked");
    const ids = await recognisedInitiativesOf(this.db, decisionId);
    await ensureCertificates(this.db, ids, newCertificateCode);
    return { certificates: await certificatesOf(this.db, ids), signer: decision.signer };
  }

  /**
   * What a code certifies, for anyone (the QR code's link opens the bot with it): genuine, revoked with its
   * decision, or unknown. Each person gets LOOKUPS_PER_MINUTE lookups a minute, counted in the database so that
   * every instance of the bot shares the count; a malformed code counts too.
   */
  async verify(telegramId: number, rawCode: string, now: Date): Promise<Verification> {
    const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    if ((await countLookup(this.db, telegramId, windowStart)) > LOOKUPS_PER_MINUTE)
      throw new TooManyLookupsError();
    const code = readCode(rawCode);
    const certificate = code ? await findByCode(this.db, code) : undefined;
    if (!certificate) return { status: "unknown" };
    return { status: certificate.revoked_at ? "revoked" : "genuine", certificate };
  }

  /** Writes a batch as one PDF (a page per certificate) to `out`. */
  async write(batch: CertificateBatch, botUsername: string, out: Writable): Promise<void> {
    // pdfkit and qrcode load at the first certificate, not at start: an idle bot does not hold them.
    const { writeCertificates } = await import("./certificate-pdf.js");
    return writeCertificates(
      batch.certificates,
      { settings: this.settings, botUsername, signer: batch.signer },
      out,
    );
  }
}
