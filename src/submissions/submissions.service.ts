import { addMonths } from "date-fns";
import type { Kysely, Selectable } from "kysely";
import { campaignRequiresEndorsement, findOpenCampaignsForUnit } from "../campaigns/campaigns.repository.js";
import type { Database, Scope, SubmissionKind, SubmissionStatus, SubmissionTable } from "../db/types.js";
import { foldForSearch } from "../shared/text.js";
import { dateIn, schoolYearOf } from "../shared/time.js";
import { findUnitById } from "../units/units.repository.js";
import { findUserById } from "../users/users.repository.js";
import { type AnswerRules, checkCampaignChoice, checkChoice, checkTypedAnswer } from "./answers.js";
import { checkAttachment, type IncomingFile } from "./attachment-rules.js";
import {
  AttachmentRefusedError,
  CampaignClosedError,
  CannotWithdrawError,
  IncompleteSubmissionError,
  InvalidAnswerError,
  NotEditableError,
  NotRegisteredError,
  SubmissionNotFoundError,
} from "./errors.js";
import {
  type Answers,
  applicableSteps,
  type CampaignOption,
  CODE_PREFIX,
  type CoAuthor,
  type FormStep,
  findStep,
} from "./forms.js";
import * as repo from "./submissions.repository.js";

export const SUMMARY_STEP = "summary";
/** A step being edited from the summary card returns to the summary when answered. */
const EDIT_PREFIX = "edit:";

export interface SubmissionsConfig {
  timezone: string;
  /** Smallest share an author may hold, in percent. */
  minShare: number;
  /** Months from receipt by which a decision is due. */
  decisionDueMonths: number;
}

export interface AttachmentView {
  name: string;
  kind: "document" | "photo";
  sizeBytes: number | null;
}

/** What a form conversation needs of a draft: plain data, so it can sit in a conversation's replay log. */
export interface DraftView {
  id: number;
  kind: SubmissionKind;
  status: SubmissionStatus;
  /** The step to ask now, or "summary". */
  step: string;
  editing: boolean;
  stepNumber: number;
  totalSteps: number;
  answers: Answers;
  /** Listed at the attachments step and on the summary; empty elsewhere. */
  attachments: AttachmentView[];
}

export interface Receipt {
  id: number;
  code: string;
  submittedAt: Date;
  decisionDueAt: Date;
}

type Submission = Selectable<SubmissionTable>;

const EDITABLE: SubmissionStatus[] = ["draft", "returned"];
const WITHDRAWABLE: SubmissionStatus[] = ["submitted", "returned", "endorsed"];

export class SubmissionsService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: SubmissionsConfig,
  ) {}

  /** The user's draft of this kind, if any. */
  async currentDraft(userId: number, kind: SubmissionKind): Promise<DraftView | undefined> {
    const draft = await repo.findDraft(this.db, userId, kind);
    return draft ? this.view(userId, draft.id) : undefined;
  }

  /**
   * The user's draft of this kind, created at the first step if there is none. Registered users only. The
   * campaigns the draft may be linked to are looked up afresh each time.
   */
  async startDraft(userId: number, kind: SubmissionKind, now: Date = new Date()): Promise<DraftView> {
    const user = await findUserById(this.db, userId);
    if (!user?.full_name || user.unit_id === null) throw new NotRegisteredError();
    const campaignOptions = await this.campaignOptions(user.unit_id, kind, now);
    const first = applicableSteps(kind, { campaignOptions })[0]?.key ?? SUMMARY_STEP;
    const draft = await repo.findOrCreateDraft(this.db, {
      submitterId: userId,
      unitId: user.unit_id,
      kind,
      firstStep: first,
    });
    const answers = draft.fields as Answers;
    if (JSON.stringify(answers.campaignOptions ?? []) !== JSON.stringify(campaignOptions)) {
      await repo.updateSubmission(this.db, draft.id, { fields: { ...answers, campaignOptions } });
    }
    return this.view(userId, draft.id);
  }

  /**
   * Starts (or continues) the user's draft of `kind` linked to a campaign, from the campaign's own button. Refused
   * with CampaignClosedError when the campaign does not take this kind from the user's unit now.
   */
  async startDraftForCampaign(
    userId: number,
    campaignId: number,
    kind: SubmissionKind,
    now: Date = new Date(),
  ): Promise<DraftView> {
    const draft = await this.startDraft(userId, kind, now);
    const options = (draft.answers.campaignOptions as CampaignOption[] | undefined) ?? [];
    if (!options.some((o) => o.id === campaignId)) throw new CampaignClosedError(campaignId);
    if (draft.step === "campaign") return this.answer(userId, draft.id, "campaign", String(campaignId), now);
    await repo.updateSubmission(this.db, draft.id, { fields: { ...draft.answers, campaign: campaignId } });
    return this.view(userId, draft.id);
  }

  /**
   * Whether the campaign a draft is linked to still takes it: undefined when not linked. A draft for a campaign
   * past its deadline says so when the teacher comes back to it.
   */
  async linkedCampaignOpen(userId: number, id: number, now: Date = new Date()): Promise<boolean | undefined> {
    const s = await this.owned(userId, id);
    const campaignId = (s.fields as Answers).campaign;
    if (typeof campaignId !== "number") return undefined;
    try {
      await this.requireCampaignOpen(this.db, campaignId, s.unit_id, s.kind, now);
      return true;
    } catch (error) {
      if (error instanceof CampaignClosedError) return false;
      throw error;
    }
  }

  /** The files of a submission, for someone the caller has already checked may see it (a reviewer, a head). */
  attachmentsForReview(id: number) {
    return repo.listAttachments(this.db, id);
  }

  /** Discards a draft (never a submitted submission). */
  async discardDraft(userId: number, id: number): Promise<void> {
    const s = await this.owned(userId, id);
    if (s.status !== "draft") throw new NotEditableError(s.status);
    await this.db.deleteFrom("submissions").where("id", "=", id).execute();
  }

  async view(userId: number, id: number): Promise<DraftView> {
    return this.toView(await this.owned(userId, id));
  }

  private async toView(s: Submission, withAttachments = false): Promise<DraftView> {
    const answers = s.fields as Answers;
    const steps = applicableSteps(s.kind, answers);
    const raw = s.draft_step ?? SUMMARY_STEP;
    const editing = raw.startsWith(EDIT_PREFIX);
    const step = editing ? raw.slice(EDIT_PREFIX.length) : raw;
    const index = steps.findIndex((x) => x.key === step);
    // Only the attachments step and the summary show the files: other steps skip the query.
    const attachments =
      withAttachments || step === "attachments" || step === SUMMARY_STEP
        ? await repo.listAttachments(this.db, s.id)
        : [];
    return {
      id: s.id,
      kind: s.kind,
      status: s.status,
      step,
      editing,
      stepNumber: index === -1 ? steps.length : index + 1,
      totalSteps: steps.length,
      answers,
      attachments: attachments.map((a) => ({
        name: a.file_name ?? a.kind,
        kind: a.kind,
        sizeBytes: a.size_bytes,
      })),
    };
  }

  /** Checks a typed or chosen answer, saves it and moves on. Throws InvalidAnswerError with what is wrong. */
  async answer(userId: number, id: number, key: string, raw: string, now: Date): Promise<DraftView> {
    const { submission, step } = await this.editableStep(userId, id, key);
    const answers = submission.fields as Answers;
    const check =
      step.kind === "choice"
        ? checkChoice(step, raw)
        : step.kind === "campaign"
          ? checkCampaignChoice(raw, (answers.campaignOptions as CampaignOption[] | undefined) ?? [])
          : checkTypedAnswer(step, raw, this.rules(answers, now));
    if (!check.ok) {
      const { ok: _ok, ...detail } = check;
      throw new InvalidAnswerError(key, detail);
    }
    return this.saveAndAdvance(userId, submission, { ...answers, [key]: check.value });
  }

  /**
   * Keeps what was typed so far for a long answer still arriving in parts (phones split long texts), without
   * moving on: nothing typed is lost if the user stops half way.
   */
  async savePartial(userId: number, id: number, key: string, text: string): Promise<void> {
    const { submission } = await this.editableStep(userId, id, key);
    await repo.updateSubmission(this.db, id, { fields: { ...(submission.fields as Answers), [key]: text } });
  }

  async skip(userId: number, id: number, key: string): Promise<DraftView> {
    const { submission, step } = await this.editableStep(userId, id, key);
    if (!step.optional) throw new InvalidAnswerError(key, { problem: "empty" });
    const answers = { ...(submission.fields as Answers) };
    delete answers[key];
    return this.saveAndAdvance(
      userId,
      submission,
      step.kind === "attachments" ? answers : { ...answers, [key]: null },
    );
  }

  /** Goes one step back (from the summary: to the last step; from a field being edited: to the summary). */
  async back(userId: number, id: number): Promise<DraftView> {
    const view = await this.view(userId, id);
    this.requireEditable(view.status);
    const steps = applicableSteps(view.kind, view.answers);
    const index = view.step === SUMMARY_STEP ? steps.length : steps.findIndex((s) => s.key === view.step);
    // Leaving a field opened from the summary goes back to the summary.
    const previous = view.editing ? SUMMARY_STEP : (steps[Math.max(0, index - 1)]?.key ?? SUMMARY_STEP);
    await repo.updateSubmission(this.db, id, { draft_step: previous });
    return this.view(userId, id);
  }

  /** Opens one field again from the summary card; answering it returns to the summary. */
  async edit(userId: number, id: number, key: string): Promise<DraftView> {
    const view = await this.view(userId, id);
    this.requireEditable(view.status);
    if (!applicableSteps(view.kind, view.answers).some((s) => s.key === key))
      throw new InvalidAnswerError(key, { problem: "not-a-choice" });
    await repo.updateSubmission(this.db, id, { draft_step: `${EDIT_PREFIX}${key}` });
    return this.view(userId, id);
  }

  async addAttachment(userId: number, id: number, file: IncomingFile): Promise<DraftView> {
    const s = await this.owned(userId, id);
    this.requireEditable(s.status);
    const attached = await repo.listAttachments(this.db, id);
    if (attached.some((a) => a.telegram_file_unique_id === file.fileUniqueId)) return this.toView(s, true);
    const check = checkAttachment(file, attached.length);
    if (!check.ok) throw new AttachmentRefusedError(check.problem);
    await repo.insertAttachment(this.db, { submissionId: id, ...file });
    return this.toView(s, true);
  }

  /** Closes the attachments step (with or without files) and moves on. */
  async finishAttachments(userId: number, id: number): Promise<DraftView> {
    const { submission } = await this.editableStep(userId, id, "attachments");
    const count = (await repo.listAttachments(this.db, id)).length;
    return this.saveAndAdvance(userId, submission, { ...(submission.fields as Answers), attachments: count });
  }

  /** Titles already submitted or recognised that look like this one (case and diacritics ignored). */
  similarTitles(title: string, excludeId: number) {
    return repo.findSimilarTitles(this.db, foldForSearch(title), excludeId, 0.5);
  }

  /**
   * Submits a complete draft (or resubmits a returned submission): gives it a human code unique per kind and
   * year, records the authors and a status event, and sets the date by which a decision is due.
   */
  async submit(userId: number, id: number, now: Date): Promise<Receipt> {
    return this.db.transaction().execute(async (trx) => {
      const s = await repo.findSubmission(trx, id);
      if (!s || s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
      this.requireEditable(s.status);
      const answers = s.fields as Answers;
      const missing = applicableSteps(s.kind, answers)
        .filter((step) => !step.optional && step.kind !== "attachments" && (answers[step.key] ?? "") === "")
        .map((step) => step.key);
      if (missing.length > 0) throw new IncompleteSubmissionError(missing);
      const campaignId = typeof answers.campaign === "number" ? answers.campaign : null;
      if (campaignId !== null) await this.requireCampaignOpen(trx, campaignId, s.unit_id, s.kind, now);

      const submitter = await findUserById(trx, userId);
      const today = dateIn(this.config.timezone, now);
      const code =
        s.code ??
        `${CODE_PREFIX[s.kind]}-${today.slice(0, 4)}-${String(await repo.nextCodeNumber(trx, CODE_PREFIX[s.kind], Number(today.slice(0, 4)))).padStart(5, "0")}`;
      const decisionDueAt = addMonths(now, this.config.decisionDueMonths);
      const title = String(answers.title);
      await repo.updateSubmission(trx, id, {
        status: "submitted",
        code,
        submitted_at: now,
        decision_due_at: decisionDueAt,
        school_year: schoolYearOf(today),
        title,
        search_title: foldForSearch(title),
        scope_proposed: (answers.scopeProposed as Scope | undefined) ?? null,
        campaign_id: campaignId,
        draft_step: null,
      });
      if (s.kind === "initiative") {
        const coAuthors = (answers.coAuthors as CoAuthor[] | null | undefined) ?? [];
        const myShare = coAuthors.length > 0 ? Number(answers.myShare) : 100;
        await repo.replaceAuthors(trx, id, [
          { user_id: userId, full_name: submitter?.full_name ?? "", unit_name: null, share: myShare },
          ...coAuthors.map((a) => ({ user_id: null, full_name: a.name, unit_name: a.unit, share: a.share })),
        ]);
      }
      await repo.insertEvent(trx, { submissionId: id, actorId: userId, from: s.status, to: "submitted" });
      if (campaignId !== null && !(await campaignRequiresEndorsement(trx, campaignId))) {
        // The campaign skips the unit head's step: straight to the council.
        await repo.updateSubmission(trx, id, { status: "endorsed" });
        await repo.insertEvent(trx, { submissionId: id, actorId: null, from: "submitted", to: "endorsed" });
      }
      return { id, code, submittedAt: now, decisionDueAt };
    });
  }

  /** Who to tell of a new submission: the heads of the submitter's unit (Telegram id and stored locale). */
  /** The heads of the submission's unit, while it waits for their endorsement (none when the campaign skips it). */
  async unitHeadsToNotify(id: number) {
    const s = await repo.findSubmission(this.db, id);
    return s?.status === "submitted" ? repo.findUnitHeadsOf(this.db, id) : [];
  }

  async withdraw(userId: number, id: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const s = await repo.findSubmission(trx, id);
      if (!s || s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
      if (!WITHDRAWABLE.includes(s.status)) throw new CannotWithdrawError(s.status);
      await repo.updateSubmission(trx, id, { status: "withdrawn" });
      await repo.insertEvent(trx, { submissionId: id, actorId: userId, from: s.status, to: "withdrawn" });
    });
  }

  mine(userId: number) {
    return repo.listBySubmitter(this.db, userId);
  }

  async details(userId: number, id: number) {
    const submission = await this.owned(userId, id);
    const [events, authors, attachments] = await Promise.all([
      repo.listEvents(this.db, id),
      repo.listAuthors(this.db, id),
      repo.listAttachments(this.db, id),
    ]);
    return { submission, events, authors, attachments };
  }

  /**
   * After the chosen campaign closed: offers the campaigns still taking submissions, or, if none is left, unlinks
   * the submission and returns to the summary.
   */
  async reopenCampaignChoice(userId: number, id: number, now: Date = new Date()): Promise<DraftView> {
    const s = await this.owned(userId, id);
    this.requireEditable(s.status);
    const campaignOptions = await this.campaignOptions(s.unit_id, s.kind, now);
    const answers = { ...(s.fields as Answers), campaignOptions, campaign: null };
    const step = campaignOptions.length > 0 ? `${EDIT_PREFIX}campaign` : SUMMARY_STEP;
    return this.toView(
      await repo.updateSubmissionReturning(this.db, id, { fields: answers, draft_step: step }),
    );
  }

  private async campaignOptions(
    unitId: number | null,
    kind: SubmissionKind,
    now: Date,
  ): Promise<CampaignOption[]> {
    const unit = unitId === null ? undefined : await findUnitById(this.db, unitId);
    const campaigns = unit ? await findOpenCampaignsForUnit(this.db, unit, kind, now) : [];
    return campaigns.map((c) => ({ id: c.id, title: c.title, deadline: c.deadline_at.toISOString() }));
  }

  /** A hard cut-off: after the deadline nothing more is accepted for the campaign. */
  private async requireCampaignOpen(
    db: Kysely<Database>,
    campaignId: number,
    unitId: number | null,
    kind: SubmissionKind,
    now: Date,
  ): Promise<void> {
    const unit = unitId === null ? undefined : await findUnitById(db, unitId);
    const open = unit ? await findOpenCampaignsForUnit(db, unit, kind, now) : [];
    if (!open.some((c) => c.id === campaignId)) throw new CampaignClosedError(campaignId);
  }

  private async owned(userId: number, id: number) {
    const s = await repo.findSubmission(this.db, id);
    if (!s || s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
    return s;
  }

  private requireEditable(status: SubmissionStatus): void {
    if (!EDITABLE.includes(status)) throw new NotEditableError(status);
  }

  /** The submission and the step `key`, which must be the step being asked now. */
  private async editableStep(
    userId: number,
    id: number,
    key: string,
  ): Promise<{ submission: Awaited<ReturnType<typeof repo.findSubmission>> & {}; step: FormStep }> {
    const submission = await this.owned(userId, id);
    this.requireEditable(submission.status);
    const step = findStep(submission.kind, key);
    const current = (submission.draft_step ?? "").replace(EDIT_PREFIX, "");
    if (!step || current !== key) throw new InvalidAnswerError(key, { problem: "not-a-choice" });
    return { submission, step };
  }

  private async saveAndAdvance(
    _userId: number,
    submission: NonNullable<Awaited<ReturnType<typeof repo.findSubmission>>>,
    answers: Answers,
  ): Promise<DraftView> {
    const editing = (submission.draft_step ?? "").startsWith(EDIT_PREFIX);
    const current = (submission.draft_step ?? "").replace(EDIT_PREFIX, "");
    const steps = applicableSteps(submission.kind, answers);
    // After an edit, go back to the summary, unless the edit opened a step never answered (e.g. "other" field).
    const unanswered = steps.find(
      (s) => !s.optional && s.kind !== "attachments" && answers[s.key] === undefined,
    );
    const index = steps.findIndex((s) => s.key === current);
    const next = editing ? (unanswered?.key ?? SUMMARY_STEP) : (steps[index + 1]?.key ?? SUMMARY_STEP);
    const saved = await repo.updateSubmissionReturning(this.db, submission.id, {
      fields: answers,
      draft_step: editing && next !== SUMMARY_STEP ? `${EDIT_PREFIX}${next}` : next,
      ...(typeof answers.title === "string" ? { title: answers.title } : {}),
    });
    return this.toView(saved);
  }

  private rules(answers: Answers, now: Date): AnswerRules {
    return {
      today: dateIn(this.config.timezone, now),
      minShare: this.config.minShare,
      coAuthors: (answers.coAuthors as CoAuthor[] | null | undefined) ?? [],
    };
  }
}
