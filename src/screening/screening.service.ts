import type { Kysely } from "kysely";
import type { Database } from "../db/types.js";
import { isAuthorOrSubmitter } from "../review/review.repository.js";
import { SubmissionNotFoundError } from "../submissions/errors.js";
import { findSubmission } from "../submissions/submissions.repository.js";
import { ForbiddenError } from "../users/permissions.js";
import { rolesOfUser } from "../users/users.repository.js";
import * as repo from "./screening.repository.js";

export interface OverlapSource {
  code: string;
  title: string;
  schoolYear: string | null;
  /** Share of this submission's word sequences found in the source, 0..1. */
  similarity: number;
  passages: { mine: string; theirs: string }[];
}

export type OverlapReport =
  /** Not computed yet (the job is queued or running). */
  | { state: "pending"; code: string }
  /** The job gave up after its retries; the operator sees why in the logs. */
  | { state: "failed"; code: string }
  | {
      state: "ready";
      code: string;
      computedAt: Date;
      /** A newer text is queued: this report is of the one before. */
      updating: boolean;
      sources: OverlapSource[];
    };

/**
 * The overlap report of a submission, for the people who judge it: the reviewers it is assigned to and the
 * administrators, checked on every call; never its submitter or co-authors, whom it would only seem to accuse.
 */
export class ScreeningService {
  constructor(private readonly db: Kysely<Database>) {}

  async report(actorId: number, submissionId: number): Promise<OverlapReport> {
    const s = await findSubmission(this.db, submissionId);
    if (!s || s.status === "draft") throw new SubmissionNotFoundError(submissionId);
    await this.requireJudge(actorId, s);
    const code = s.code ?? "";
    const [job, report] = await Promise.all([
      repo.findScreeningJob(this.db, submissionId),
      repo.findReport(this.db, submissionId),
    ]);
    if (!report) return { state: job?.status === "failed" ? "failed" : "pending", code };
    const described = await repo.describeSources(
      this.db,
      report.matches.map((m) => m.sourceId),
    );
    const sources = report.matches.flatMap((m) => {
      const d = described.find((x) => x.id === m.sourceId);
      return d
        ? [
            {
              code: d.code ?? "",
              title: d.title ?? "",
              schoolYear: d.school_year,
              similarity: m.similarity,
              passages: m.passages,
            },
          ]
        : [];
    });
    const updating = job !== undefined && job.status !== "done" && job.generation !== report.generation;
    return { state: "ready", code, computedAt: report.computed_at, updating, sources };
  }

  private async requireJudge(actorId: number, s: { id: number; submitter_id: number }): Promise<void> {
    if (await isAuthorOrSubmitter(this.db, s, actorId)) throw new ForbiddenError("reviewer");
    const roles = await rolesOfUser(this.db, actorId);
    if (roles.includes("admin")) return;
    if (roles.includes("reviewer") && (await repo.isReviewerOf(this.db, actorId, s.id))) return;
    throw new ForbiddenError("reviewer");
  }
}
