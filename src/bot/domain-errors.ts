import { CampaignNotFoundError } from "../campaigns/campaign-input.js";
import {
  AlreadyRevokedError,
  DecisionNotFoundError,
  NotCertifiableError,
  TooManyLookupsError,
} from "../certificates/certificate-errors.js";
import { DraftClosedError, DraftNotFoundError } from "../review/batch-decision.service.js";
import { OwnSubmissionError } from "../review/review-errors.js";
import { CannotWithdrawError, NotRegisteredError, SubmissionNotFoundError } from "../submissions/errors.js";
import { ForbiddenError } from "../users/permissions.js";
import { LastAdminError } from "../users/roles.service.js";
import type { Context } from "./context.js";
import { verbatim } from "./verbatim.js";

type Answer<E> = (ctx: Context, error: E) => string;
// biome-ignore lint/suspicious/noExplicitAny: an error class of any constructor signature.
type ErrorClass<E> = abstract new (...args: any[]) => E;
const entry = <E extends Error>(type: ErrorClass<E>, answer: Answer<E>) => ({ type, answer }) as const;

/**
 * Domain errors whose answer is the same wherever they surface, translated once at the edge (the error boundary)
 * instead of a catch in every handler. Errors whose answer depends on the step (a form's hints, a conversation's
 * retry) are still caught where they happen.
 */
const ANSWERS = [
  entry(ForbiddenError, (ctx) => ctx.t("not-allowed")),
  entry(SubmissionNotFoundError, (ctx) => ctx.t("my-not-found")),
  entry(CampaignNotFoundError, (ctx) => ctx.t("campaign-not-found")),
  entry(NotRegisteredError, (ctx) => ctx.t("submit-register-first")),
  entry(LastAdminError, (ctx) => ctx.t("roles-last-admin")),
  entry(OwnSubmissionError, (ctx) => ctx.t("review-own-submission")),
  entry(DraftNotFoundError, (ctx) => ctx.t("batch-not-found")),
  entry(DraftClosedError, (ctx) => ctx.t("batch-closed")),
  entry(DecisionNotFoundError, (ctx) => ctx.t("decisions-not-found")),
  entry(AlreadyRevokedError, (ctx) => ctx.t("decisions-already-revoked")),
  entry(NotCertifiableError, (ctx, e) => ctx.t(`certificate-${e.reason}`)),
  entry(TooManyLookupsError, (ctx) => ctx.t("verify-too-many")),
  entry(CannotWithdrawError, (ctx, e) =>
    ctx.t("my-cannot-withdraw", { status: verbatim(ctx.t(`status-${e.status}`)) }),
  ),
];

/** The localized answer to a domain error, or undefined for an error that is not one. */
export function domainErrorAnswer(ctx: Context, error: unknown): string | undefined {
  for (const { type, answer } of ANSWERS)
    if (error instanceof type) return (answer as Answer<Error>)(ctx, error as Error);
  return undefined;
}
