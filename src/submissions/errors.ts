import type { AnswerProblem } from "./answers.js";

/** The submission does not exist, or is not the caller's: the two are answered alike so ids cannot be probed. */
export class SubmissionNotFoundError extends Error {
  constructor(readonly submissionId: number) {
    super(`Submission ${submissionId} not found`);
    this.name = "SubmissionNotFoundError";
  }
}

export class NotEditableError extends Error {
  constructor(readonly status: string) {
    super(`A submission in status ${status} cannot be changed`);
    this.name = "NotEditableError";
  }
}

export class NotRegisteredError extends Error {
  constructor() {
    super("The user has not given a full name and unit yet");
    this.name = "NotRegisteredError";
  }
}

export class InvalidAnswerError extends Error {
  constructor(
    readonly key: string,
    readonly detail: AnswerProblem,
  ) {
    super(`Invalid answer to ${key}: ${detail.problem}`);
    this.name = "InvalidAnswerError";
  }
}

export class IncompleteSubmissionError extends Error {
  constructor(readonly missing: string[]) {
    super(`Missing answers: ${missing.join(", ")}`);
    this.name = "IncompleteSubmissionError";
  }
}

export type AttachmentProblem = "too-many" | "too-large" | "type";

export class AttachmentRefusedError extends Error {
  constructor(readonly problem: AttachmentProblem) {
    super(`Attachment refused: ${problem}`);
    this.name = "AttachmentRefusedError";
  }
}

export class CannotWithdrawError extends Error {
  constructor(readonly status: string) {
    super(`A submission in status ${status} cannot be withdrawn`);
    this.name = "CannotWithdrawError";
  }
}

/** The campaign the submission is linked to no longer takes submissions (its deadline passed: a hard cut-off). */
export class CampaignClosedError extends Error {
  constructor(readonly campaignId: number) {
    super(`Campaign ${campaignId} no longer takes submissions`);
    this.name = "CampaignClosedError";
  }
}
