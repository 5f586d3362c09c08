/** No decision with this id (a stale or forged button). */
export class DecisionNotFoundError extends Error {
  constructor(readonly decisionId: number) {
    super(`Decision ${decisionId} not found`);
    this.name = "DecisionNotFoundError";
  }
}

/** A certificate is only for the authors of an initiative recognised by a decision still in force. */
export class NotCertifiableError extends Error {
  constructor(readonly reason: "not-recognised" | "revoked") {
    super(`No certificate: ${reason}`);
    this.name = "NotCertifiableError";
  }
}

/** Too many certificate lookups by one person in a minute: codes cannot be guessed by trying. */
export class TooManyLookupsError extends Error {
  constructor() {
    super("Too many certificate lookups");
    this.name = "TooManyLookupsError";
  }
}

/** The decision was revoked before. */
export class AlreadyRevokedError extends Error {
  constructor(readonly decisionId: number) {
    super(`Decision ${decisionId} is already revoked`);
    this.name = "AlreadyRevokedError";
  }
}
