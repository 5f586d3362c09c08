import type { Kysely } from "kysely";
import { type DecisionNoticeItem, enqueueDecisionBroadcast } from "../broadcasts/broadcasts.repository.js";
import { CampaignNotFoundError } from "../campaigns/campaign-input.js";
import { findCampaign } from "../campaigns/campaigns.repository.js";
import type { Database, Outcome, SubmissionStatus } from "../db/types.js";
import { requireRole } from "../users/permissions.js";
import { insertAuditEntry } from "../users/users.repository.js";
import * as repo from "./batch-decision.repository.js";
import { type Bucket, type DraftCounts, proposeOutcome } from "./batch-proposal.js";
import { DECIDABLE, isCalendarDate, MAX_DECISION_NUMBER } from "./decision.service.js";
import { InvalidDecisionError, requiredNote } from "./review-errors.js";

type Db = Kysely<Database>;

export const BATCH_PAGE_SIZE = 8;
export const MAX_SIGNER_LENGTH = 100;

/** The draft is gone, or is another administrator's. */
export class DraftNotFoundError extends Error {
  constructor(readonly draftId: number) {
    super(`No decision draft ${draftId} of this administrator`);
    this.name = "DraftNotFoundError";
  }
}

/** The draft was applied or replaced: it changes no more. */
export class DraftClosedError extends Error {
  constructor(readonly status: "applied" | "cancelled") {
    super(`The decision draft is ${status}`);
    this.name = "DraftClosedError";
  }
}

export class RefusalsWithoutReasonError extends Error {
  constructor(readonly count: number) {
    super(`${count} refusals have no reasons`);
    this.name = "RefusalsWithoutReasonError";
  }
}

export class EmptyDecisionError extends Error {
  constructor() {
    super("The decision would decide nothing");
    this.name = "EmptyDecisionError";
  }
}

export class DecisionNumberTakenError extends Error {
  constructor(readonly number: string) {
    super(`A decision numbered ${number} on that date exists already`);
    this.name = "DecisionNumberTakenError";
  }
}

/** Why a submission of the draft cannot be decided as previewed. */
export interface StaleItem {
  submissionId: number;
  code: string;
  problem: "status" | "changed" | "own";
  status: SubmissionStatus;
}

/**
 * Submissions withdrawn, decided or changed since the preview (or the administrator's own): the decision is not
 * applied; the administrator sees which, and may leave them out and confirm again.
 */
export class StaleSubmissionsError extends Error {
  constructor(readonly items: StaleItem[]) {
    super(`${items.length} submissions changed since the preview`);
    this.name = "StaleSubmissionsError";
  }
}

export interface DecisionHeader {
  number: string;
  /** YYYY-MM-DD */
  date: string;
  signer: string;
}

export interface Applied {
  decisionId: number;
  recognised: number;
  refused: number;
  /** Submitters told through the broadcast queue. */
  told: number;
  /** The confirmation came again (a second tap, a redelivered update): nothing was done twice. */
  again: boolean;
}

/**
 * A decision over many submissions of a campaign: the council's work proposes each outcome, the administrator
 * overrides, excludes and gives the reasons of refusals on a draft kept in the database, and confirms once; the
 * decision is then applied in one transaction. Every method is for administrators only, checked on each call, and
 * a draft is its creator's.
 */
export class BatchDecisionService {
  constructor(
    private readonly db: Db,
    private readonly options: { passMark: number },
  ) {}

  async campaigns(actorId: number) {
    await requireRole(this.db, actorId, "admin");
    return repo.campaignsWithDecidable(this.db, DECIDABLE);
  }

  /** Validates the header typed once for the whole decision. */
  static header(raw: DecisionHeader): DecisionHeader {
    const number = raw.number.trim().normalize("NFC");
    if (number === "" || number.length > MAX_DECISION_NUMBER)
      throw new InvalidDecisionError("number-required");
    if (!isCalendarDate(raw.date)) throw new InvalidDecisionError("date-invalid");
    const signer = raw.signer.trim().normalize("NFC").replace(/\s+/g, " ");
    if (signer === "" || signer.length > MAX_SIGNER_LENGTH) throw new InvalidDecisionError("signer-required");
    return { number, date: raw.date, signer };
  }

  /** Proposes an outcome for every submission of the campaign waiting for a decision; replaces an open draft. */
  async start(actorId: number, campaignId: number, raw: DecisionHeader, passMark = this.options.passMark) {
    await requireRole(this.db, actorId, "admin");
    const header = BatchDecisionService.header(raw);
    if (!(await findCampaign(this.db, campaignId))) throw new CampaignNotFoundError(campaignId);
    return this.db.transaction().execute(async (trx) => {
      const draftId = await repo.insertDraft(trx, {
        createdBy: actorId,
        campaignId,
        ...header,
        passMark,
      });
      const verdicts = await repo.listVerdicts(trx, campaignId, DECIDABLE);
      await repo.insertItems(
        trx,
        draftId,
        verdicts.map((v) => ({
          submission_id: v.id,
          code: v.code,
          average: v.average,
          reviews: v.reviews,
          proposed: proposeOutcome(v, passMark),
        })),
      );
      return { draftId, counts: await repo.countItems(trx, draftId) };
    });
  }

  /** The draft's header, its campaign's title and the counts that would result. */
  async summary(actorId: number, draftId: number) {
    const draft = await this.ownDraft(actorId, draftId);
    const [campaign, counts] = await Promise.all([
      findCampaign(this.db, draft.campaign_id),
      repo.countItems(this.db, draftId),
    ]);
    return { draft, campaign: campaign?.title ?? "", counts };
  }

  /** The administrator's open draft, if any: it survives restarts, so /decide offers to go on with it. */
  async current(actorId: number) {
    await requireRole(this.db, actorId, "admin");
    return repo.findOpenDraft(this.db, actorId);
  }

  /** One page of the submissions with an outcome (or left out), and how many there are in all. */
  async page(actorId: number, draftId: number, bucket: Bucket, page: number) {
    const { counts } = await this.summary(actorId, draftId);
    const total = bucket === "refuse" ? counts.refuse : counts[bucket];
    const pages = Math.max(1, Math.ceil(total / BATCH_PAGE_SIZE));
    const current = Math.min(Math.max(0, page), pages - 1);
    const items = await repo.listBucket(this.db, draftId, bucket, current * BATCH_PAGE_SIZE, BATCH_PAGE_SIZE);
    return { items, total, page: current, pages };
  }

  /** An item of the draft, by the submission's id or its code as typed; undefined when not in this decision. */
  async item(actorId: number, draftId: number, by: { submissionId: number } | { code: string }) {
    await this.ownDraft(actorId, draftId);
    return repo.findItem(this.db, draftId, "code" in by ? { code: by.code.trim() } : by);
  }

  /** The administrator's outcome for one submission (the proposal again clears the override). */
  async setOutcome(actorId: number, draftId: number, submissionId: number, outcome: Outcome) {
    return this.changeItem(actorId, draftId, submissionId, async (trx, item) => {
      const chosen = outcome === item.proposed ? null : outcome;
      await repo.updateItem(trx, draftId, submissionId, {
        chosen,
        excluded: false,
        // A reason belongs to a refusal: a recognition drops it.
        ...(outcome === "refuse" ? {} : { reason: null }),
      });
    });
  }

  async setExcluded(actorId: number, draftId: number, submissionId: number, excluded: boolean) {
    return this.changeItem(actorId, draftId, submissionId, (trx) =>
      repo.updateItem(trx, draftId, submissionId, { excluded }),
    );
  }

  /** The written reasons of one refusal. */
  async setReason(actorId: number, draftId: number, submissionId: number, raw: string) {
    const reason = requiredNote(raw);
    return this.changeItem(actorId, draftId, submissionId, (trx) =>
      repo.updateItem(trx, draftId, submissionId, { reason }),
    );
  }

  /** One reason for every refusal still without one; returns how many it was given to. */
  async reasonForRefusals(actorId: number, draftId: number, raw: string): Promise<number> {
    const reason = requiredNote(raw);
    return this.db.transaction().execute(async (trx) => {
      await this.openDraft(trx, actorId, draftId);
      return repo.giveReasonToRefusals(trx, draftId, reason);
    });
  }

  /** Leaves out what the apply would report (withdrawn, decided or changed since, one's own); returns how many. */
  async excludeStale(actorId: number, draftId: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await this.openDraft(trx, actorId, draftId);
      const { stale } = await this.lockAndCheck(trx, draftId, actorId);
      await repo.excludeItems(
        trx,
        draftId,
        stale.map((s) => s.submissionId),
      );
      return stale.length;
    });
  }

  /** Locks the included submissions and finds those that cannot be decided as previewed. */
  private async lockAndCheck(trx: Db, draftId: number, actorId: number) {
    const included = await repo.listIncluded(trx, draftId);
    const locked = await repo.lockForDecision(
      trx,
      draftId,
      included.map((i) => i.submission_id),
      actorId,
    );
    const stale: StaleItem[] = locked.flatMap((s) => {
      const problem = !DECIDABLE.includes(s.status)
        ? "status"
        : s.changed
          ? "changed"
          : s.own
            ? "own"
            : undefined;
      return problem ? [{ submissionId: s.id, code: s.code ?? "", problem, status: s.status }] : [];
    });
    return { included, locked, stale };
  }

  /**
   * Applies the draft in one transaction, all or nothing: every submission locked and checked (still decidable,
   * unchanged since the preview, not the administrator's own), the decision created with its number, date and
   * signer, every submission moved with its status event, one audit entry listing them, and one message to every
   * submitter enqueued. Applying an applied draft again does nothing and says so.
   */
  async apply(actorId: number, draftId: number, now: Date): Promise<Applied> {
    await requireRole(this.db, actorId, "admin");
    return this.db.transaction().execute(async (trx) => {
      const draft = await repo.findDraft(trx, draftId, true);
      if (!draft || draft.created_by !== actorId) throw new DraftNotFoundError(draftId);
      if (draft.status === "applied" && draft.decision_id !== null) {
        const counts = await repo.countItems(trx, draftId);
        return {
          decisionId: draft.decision_id,
          recognised: counts.nation + counts.province + counts.unit,
          refused: counts.refuse,
          told: 0,
          again: true,
        };
      }
      if (draft.status !== "open") throw new DraftClosedError(draft.status);
      const { included, locked, stale } = await this.lockAndCheck(trx, draftId, actorId);
      if (included.length === 0) throw new EmptyDecisionError();
      const withoutReason = included.filter((i) => i.outcome === "refuse" && !i.reason).length;
      if (withoutReason > 0) throw new RefusalsWithoutReasonError(withoutReason);
      if (stale.length > 0) throw new StaleSubmissionsError(stale);

      const campaign = await findCampaign(trx, draft.campaign_id);
      const decisionId = await repo.insertDecision(trx, {
        number: draft.number,
        date: draft.decided_on,
        signer: draft.signer,
        createdBy: actorId,
        schoolYear: campaign?.school_year ?? null,
        campaignId: draft.campaign_id,
      });
      if (decisionId === undefined) throw new DecisionNumberTakenError(draft.number);

      const byId = new Map(locked.map((s) => [s.id, s]));
      const rows = included.map((i) => ({
        id: i.submission_id,
        status: i.outcome === "refuse" ? ("refused" as const) : ("recognised" as const),
        from: byId.get(i.submission_id)?.status ?? "under_review",
        scope: i.outcome === "refuse" ? null : i.outcome,
        reasons: i.outcome === "refuse" ? i.reason : null,
      }));
      await repo.writeDecided(trx, rows, {
        decisionId,
        number: draft.number,
        date: draft.decided_on,
        actorId,
        at: now,
      });
      await insertAuditEntry(trx, {
        actorId,
        action: "decision.batch",
        subject: {
          decisionId,
          draftId,
          number: draft.number,
          date: draft.decided_on,
          signer: draft.signer,
          campaignId: draft.campaign_id,
          decided: included.map((i) => ({ id: i.submission_id, code: i.code, outcome: i.outcome })),
        },
      });

      const items: Record<string, DecisionNoticeItem[]> = {};
      for (const i of included) {
        const s = byId.get(i.submission_id);
        if (!s) continue;
        const mine = items[String(s.submitter_id)] ?? [];
        mine.push({
          code: i.code,
          title: s.title ?? "",
          kind: s.kind,
          outcome: i.outcome,
          reasons: i.outcome === "refuse" ? i.reason : null,
        });
        items[String(s.submitter_id)] = mine;
      }
      const told = await enqueueDecisionBroadcast(trx, {
        campaignId: draft.campaign_id,
        createdBy: actorId,
        dedupeKey: `decision:${decisionId}`,
        notice: { decisionId, number: draft.number, date: draft.decided_on, items },
      });
      await repo.markApplied(trx, draftId, decisionId, now);
      return {
        decisionId,
        recognised: rows.filter((r) => r.status === "recognised").length,
        refused: rows.filter((r) => r.status === "refused").length,
        told: told?.total ?? 0,
        again: false,
      };
    });
  }

  private async ownDraft(actorId: number, draftId: number, db: Db = this.db) {
    await requireRole(db, actorId, "admin");
    const draft = await repo.findDraft(db, draftId);
    if (!draft || draft.created_by !== actorId) throw new DraftNotFoundError(draftId);
    return draft;
  }

  /** The draft, locked against a concurrent apply, if it is still open. */
  private async openDraft(trx: Db, actorId: number, draftId: number) {
    await requireRole(trx, actorId, "admin");
    const draft = await repo.findDraft(trx, draftId, true);
    if (!draft || draft.created_by !== actorId) throw new DraftNotFoundError(draftId);
    if (draft.status !== "open") throw new DraftClosedError(draft.status);
    return draft;
  }

  private changeItem(
    actorId: number,
    draftId: number,
    submissionId: number,
    change: (trx: Db, item: NonNullable<Awaited<ReturnType<typeof repo.findItem>>>) => Promise<unknown>,
  ): Promise<DraftCounts> {
    return this.db.transaction().execute(async (trx) => {
      await this.openDraft(trx, actorId, draftId);
      const item = await repo.findItem(trx, draftId, { submissionId });
      if (!item) throw new DraftNotFoundError(draftId);
      await change(trx, item);
      await repo.touchDraft(trx, draftId);
      return repo.countItems(trx, draftId);
    });
  }
}
