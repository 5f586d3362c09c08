import type { SubmissionStatus } from "../db/types.js";

/** The submission is not at the stage this action belongs to (already endorsed, withdrawn, decided…). */
export class WrongStageError extends Error {
  constructor(readonly status: SubmissionStatus) {
    super(`Not possible for a submission that is ${status}`);
    this.name = "WrongStageError";
  }
}

/** Nobody endorses, returns or decides a submission they sent or co-authored: another head or administrator does. */
export class OwnSubmissionError extends Error {
  constructor(readonly submissionId: number) {
    super(`Submission ${submissionId} is the actor's own`);
    this.name = "OwnSubmissionError";
  }
}

export type DecisionProblem =
  | "note-required"
  | "note-too-long"
  | "number-required"
  | "date-invalid"
  | "score-invalid"
  | "signer-required"
  /** The number and date cite a decision that was revoked: a recognition cannot join it. */
  | "decision-revoked";

export class InvalidDecisionError extends Error {
  constructor(readonly problem: DecisionProblem) {
    super(`Invalid decision: ${problem}`);
    this.name = "InvalidDecisionError";
  }
}

export const MAX_NOTE_LENGTH = 2000;

/** A required written note (a return for revision, the reasons of a refusal), trimmed and normalized. */
export function requiredNote(raw: string): string {
  const note = raw.trim().normalize("NFC");
  if (note === "") throw new InvalidDecisionError("note-required");
  if (note.length > MAX_NOTE_LENGTH) throw new InvalidDecisionError("note-too-long");
  return note;
}
