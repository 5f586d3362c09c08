import type { Kysely } from "kysely";
import { cancelPendingBroadcasts, enqueueCampaignBroadcast } from "../broadcasts/broadcasts.repository.js";
import type { Campaign, Database } from "../db/types.js";
import { dateIn, schoolYearOf } from "../shared/time.js";
import { findUnitById } from "../units/units.repository.js";
import { requireRole } from "../users/permissions.js";
import { findUserById, insertAuditEntry } from "../users/users.repository.js";
import {
  type CampaignInput,
  CampaignNotFoundError,
  campaignProblem,
  InvalidCampaignError,
  wordingProblem,
} from "./campaign-input.js";
import * as repo from "./campaigns.repository.js";

export class CampaignsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly timezone: string,
  ) {}

  /** Administrators only. The campaign is announced at `announceAt` (or at the next tick) by the scheduler. */
  async create(actorId: number, input: CampaignInput, now: Date): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    const problem = campaignProblem(input, now);
    if (problem) throw new InvalidCampaignError(problem);
    return this.db.transaction().execute(async (trx) => {
      const campaign = await repo.insertCampaign(trx, {
        title: input.title.trim(),
        description: input.descriptionHtml,
        school_year: schoolYearOf(dateIn(this.timezone, input.opensAt)),
        accepts_initiatives: input.acceptsInitiatives,
        accepts_nominations: input.acceptsNominations,
        audience: JSON.stringify(input.audience),
        opens_at: input.opensAt,
        deadline_at: input.deadlineAt,
        announce_at: input.announceAt ?? now,
        reminder_offsets: JSON.stringify(input.reminders),
        status: input.opensAt.getTime() <= now.getTime() ? "open" : "scheduled",
        created_by: actorId,
      });
      await insertAuditEntry(trx, {
        actorId,
        action: "campaign.created",
        subject: { campaignId: campaign.id, title: campaign.title },
      });
      return campaign;
    });
  }

  async list(actorId: number, limit = 20) {
    await requireRole(this.db, actorId, "admin");
    return repo.listCampaigns(this.db, limit);
  }

  async get(actorId: number, id: number): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    return this.require(id);
  }

  /**
   * Moves the deadline later. Reminders still queued for the old date are cancelled and those for the new date
   * are planned by the next tick; if the campaign was already announced, its audience is told the new date.
   */
  async extendDeadline(actorId: number, id: number, deadline: Date, now: Date): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    const campaign = await this.require(id);
    if (campaign.closed_at) throw new InvalidCampaignError("closed");
    if (deadline.getTime() <= campaign.deadline_at.getTime() || deadline.getTime() <= now.getTime())
      throw new InvalidCampaignError("not-later");
    return this.db.transaction().execute(async (trx) => {
      const updated = await repo.updateCampaign(trx, id, {
        deadline_at: deadline,
        deadline_changed_at: now,
        status: campaign.opens_at.getTime() <= now.getTime() ? "open" : "scheduled",
      });
      await cancelPendingBroadcasts(trx, id, "reminder");
      if (campaign.announce_at && campaign.announce_at.getTime() <= now.getTime()) {
        await enqueueCampaignBroadcast(trx, {
          campaign: updated,
          kind: "deadline-extended",
          dedupeKey: `extended:${id}:${deadline.toISOString()}`,
          payload: { previousDeadline: campaign.deadline_at.toISOString(), deadline: deadline.toISOString() },
          onlyWithoutSubmission: false,
        });
      }
      await insertAuditEntry(trx, {
        actorId,
        action: "campaign.deadline-extended",
        subject: { campaignId: id, from: campaign.deadline_at.toISOString(), to: deadline.toISOString() },
      });
      return updated;
    });
  }

  /**
   * Changes the title or the announcement text (administrators only; audited). Messages already sent stay as
   * they were; reminders and notices sent from now on carry the new wording.
   */
  async edit(
    actorId: number,
    id: number,
    changes: { title?: string; descriptionHtml?: string },
    now: Date,
  ): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    const campaign = await this.require(id);
    const title = changes.title?.trim() ?? campaign.title;
    const description = changes.descriptionHtml ?? campaign.description;
    const problem = wordingProblem(title, description);
    if (problem) throw new InvalidCampaignError(problem);
    return this.db.transaction().execute(async (trx) => {
      const updated = await repo.updateCampaign(trx, id, { title, description, updated_at: now });
      await insertAuditEntry(trx, {
        actorId,
        action: "campaign.edited",
        subject: { campaignId: id, fields: Object.keys(changes) },
      });
      return updated;
    });
  }

  /** Whether submissions to the campaign pass by the unit head before the council (administrators only; audited). */
  async setRequiresEndorsement(actorId: number, id: number, required: boolean): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    await this.require(id);
    return this.db.transaction().execute(async (trx) => {
      const updated = await repo.updateCampaign(trx, id, { requires_endorsement: required });
      await insertAuditEntry(trx, {
        actorId,
        action: "campaign.endorsement-step",
        subject: { campaignId: id, required },
      });
      return updated;
    });
  }

  /** Closes before the deadline: submissions are refused from now on and no more reminders go out. */
  async close(actorId: number, id: number, now: Date): Promise<Campaign> {
    await requireRole(this.db, actorId, "admin");
    const campaign = await this.require(id);
    if (campaign.status === "closed") throw new InvalidCampaignError("closed");
    return this.db.transaction().execute(async (trx) => {
      const updated = await repo.updateCampaign(trx, id, { status: "closed", closed_at: now });
      await cancelPendingBroadcasts(trx, id, "reminder");
      await cancelPendingBroadcasts(trx, id, "announcement");
      await insertAuditEntry(trx, { actorId, action: "campaign.closed", subject: { campaignId: id } });
      return updated;
    });
  }

  /** What a teacher may submit to now: the open campaigns of the user's unit. */
  async openForUser(userId: number, now: Date) {
    const user = await findUserById(this.db, userId);
    const unit = user?.unit_id ? await findUnitById(this.db, user.unit_id) : undefined;
    return unit ? repo.findOpenCampaignsForUnit(this.db, unit, undefined, now) : [];
  }

  private async require(id: number): Promise<Campaign> {
    const campaign = await repo.findCampaign(this.db, id);
    if (!campaign) throw new CampaignNotFoundError(id);
    return campaign;
  }
}
