import { addMonths } from "date-fns/addMonths";
import type { Kysely, Selectable } from "kysely";
import { enqueueSubmissionNotice } from "../broadcasts/broadcasts.repository.js";
import { campaignRequiresEndorsement, findOpenCampaignsForUnit } from "../campaigns/campaigns.repository.js";
import { batched } from "../db/batched.js";
import type { Database, Scope, SubmissionKind, SubmissionStatus, SubmissionTable } from "../db/types.js";
import { moveSubmission } from "../review/review-transition.js";
import { indexAndQueueScreening } from "../screening/screening-index.js";
import { foldForSearch } from "../shared/text.js";
import { dateIn, schoolYearOf } from "../shared/time.js";
import { findUnitById } from "../units/units.repository.js";
import { findUserById, type OpenDraftRow } from "../users/users.repository.js";
import type { AnswerRules } from "./answers.js";
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
  currentStep,
  EDIT_PREFIX,
  type FormAction,
  SUMMARY_STEP,
  sharesMakeHundred,
  transition,
} from "./form-machine.js";
import {
  type Answers,
  applicableSteps,
  type CampaignOption,
  CODE_PREFIX,
  type CoAuthor,
  stepPosition,
} from "./forms.js";
import type { DraftStepChange, DraftStepRow } from "./submissions.repository.js";
import * as repo from "./submissions.repository.js";

export { SUMMARY_STEP };

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
  /** The stored step ("edit:title"), which a step's write expects to find unchanged. */
  draftStep: string | null;
  /** The last update applied to the form. */
  lastUpdateId: number | null;
}

/** A form step's outcome: the draft as it is now, and whether this call changed it. */
export interface StepResult {
  view: DraftView;
  /** false: the update was applied before (a redelivery or a re-run after a crash); nothing changed. */
  applied: boolean;
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
  /** Form steps' writes: one statement for all the steps being handled at once. */
  private readonly writeStep: (change: DraftStepChange) => Promise<DraftStepRow | undefined>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly config: SubmissionsConfig,
  ) {
    this.writeStep = batched(async (changes) => {
      // One draft twice in a batch (not seen: a draft's steps come one at a time) would make one UPDATE match a row
      // twice; such a batch is written change by change.
      if (new Set(changes.map((c) => c.id)).size === changes.length)
        return repo.updateDraftSteps(db, changes);
      const saved: (DraftStepRow | undefined)[] = [];
      for (const change of changes) saved.push(...(await repo.updateDraftSteps(db, [change])));
      return saved;
    });
  }

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
    if (JSON.stringify(answers.campaignOptions ?? []) === JSON.stringify(campaignOptions))
      return this.toView(draft);
    const fields = { ...answers, campaignOptions };
    await repo.updateSubmission(this.db, draft.id, { fields });
    return this.toView({ ...draft, fields });
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

  /**
   * The view of a draft row read with its user (users.identifyWithOpenDraft): no query, but for the files at the
   * attachments step and the summary. Refused unless the row is this user's.
   */
  async viewOf(userId: number, row: OpenDraftRow): Promise<DraftView> {
    if (row.submitter_id !== userId) throw new SubmissionNotFoundError(row.id);
    return this.toView(row as unknown as Submission);
  }

  async view(userId: number, id: number): Promise<DraftView> {
    return this.toView(await this.owned(userId, id));
  }

  /**
   * `known`: the draft's files as listed earlier in this update (a form step does not change them), so they are
   * not listed again.
   */
  private async toView(s: Submission, withAttachments = false, known?: AttachmentView[]): Promise<DraftView> {
    const answers = s.fields as Answers;
    const { key: step, editing } = currentStep(s.draft_step);
    const position = stepPosition(s.kind, answers, step);
    // Only the attachments step and the summary show the files: other steps skip the query.
    const listed =
      withAttachments || step === "attachments" || step === SUMMARY_STEP
        ? (known ?? (await repo.listAttachments(this.db, s.id)))
        : [];
    const attachments = listed.map((a) =>
      "name" in a ? a : { name: a.file_name ?? a.kind, kind: a.kind, sizeBytes: a.size_bytes },
    );
    return {
      id: s.id,
      kind: s.kind,
      status: s.status,
      step,
      editing,
      stepNumber: position.step,
      totalSteps: position.total,
      answers,
      attachments,
      draftStep: s.draft_step,
      lastUpdateId: s.last_update_id,
    };
  }

  /**
   * Applies one form action to the user's draft in one guarded write: the step must still be the one the action
   * was meant for, and an update already applied (`updateId` not above the draft's last) changes nothing, so a
   * redelivered or re-run update never moves the form twice. Throws InvalidAnswerError with what is wrong.
   */
  async step(
    userId: number,
    id: number,
    action: FormAction,
    { now, updateId, current }: { now: Date; updateId?: number; current?: DraftView },
  ): Promise<StepResult> {
    // The caller may pass the draft it has just read through this service; the write below rechecks ownership,
    // status and step, so a stale or forged view changes nothing.
    const draft = current ?? (await this.view(userId, id));
    this.requireEditable(draft.status);
    if (updateId !== undefined && draft.lastUpdateId !== null && updateId <= draft.lastUpdateId)
      return { view: draft, applied: false };
    const state = { kind: draft.kind, fields: draft.answers, draftStep: draft.draftStep };
    const next = transition(state, action, this.rules(state.fields, now));
    if (!next.ok) throw new InvalidAnswerError("key" in action ? action.key : "", next.problem);
    const saved = await this.writeStep({
      id,
      submitterId: userId,
      expectedStep: draft.draftStep,
      ...answersChanged(draft.answers, next.fields),
      draftStep: next.draftStep,
      updateId: updateId ?? null,
    });
    // Changed meanwhile by something else: what is there now is the truth.
    if (!saved) return { view: await this.view(userId, id), applied: false };
    // The files were listed with the draft when it was at the attachments step or the summary; a step leaves them.
    const listed =
      draft.step === "attachments" || draft.step === SUMMARY_STEP ? draft.attachments : undefined;
    return {
      view: await this.toView({ ...saved, fields: next.fields } as Submission, false, listed),
      applied: true,
    };
  }

  /** Checks a typed or chosen answer, saves it and moves on. Throws InvalidAnswerError with what is wrong. */
  async answer(userId: number, id: number, key: string, raw: string, now: Date): Promise<DraftView> {
    return (await this.step(userId, id, { type: "answer", key, raw }, { now })).view;
  }

  async skip(userId: number, id: number, key: string): Promise<DraftView> {
    return (await this.step(userId, id, { type: "skip", key }, { now: new Date() })).view;
  }

  /** Goes one step back (from the summary: to the last step; from a field being edited: to the summary). */
  async back(userId: number, id: number): Promise<DraftView> {
    return (await this.step(userId, id, { type: "back" }, { now: new Date() })).view;
  }

  /** Opens one field again from the summary card; answering it returns to the summary. */
  async edit(userId: number, id: number, key: string): Promise<DraftView> {
    const s = await this.owned(userId, id);
    this.requireEditable(s.status);
    // From anywhere (the "Edit and resubmit" button opens a returned submission this way), not only the summary.
    if (!applicableSteps(s.kind, s.fields as Answers).some((x) => x.key === key))
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

  /**
   * Closes the attachments step (with or without files) and moves on. `known`: the draft as read in this update
   * through this service, at the attachments step (its files listed).
   */
  async finishAttachments(
    userId: number,
    id: number,
    updateId?: number,
    known?: DraftView,
  ): Promise<StepResult> {
    const current = known?.id === id && known.step === "attachments" ? known : await this.view(userId, id);
    const count = current.step === "attachments" ? current.attachments.length : 0;
    const action = { type: "finishAttachments", key: "attachments", count } as const;
    return this.step(userId, id, action, { now: new Date(), updateId, current });
  }

  /** Titles already submitted or recognised that look like this one (case and diacritics ignored). */
  similarTitles(title: string, excludeId: number) {
    return repo.findSimilarTitles(this.db, foldForSearch(title), excludeId, 0.5);
  }

  /**
   * Submits a complete draft (or resubmits a returned submission): gives it a human code unique per kind and
   * year, records the authors and a status event, and sets the date by which a decision is due.
   */
  async submit(userId: number, id: number, now: Date, updateId?: number): Promise<Receipt> {
    return this.db.transaction().execute(async (trx) => {
      // Locked: two presses of "Gửi" (or two instances) submit once, one code, one event.
      const s = await repo.findSubmissionForUpdate(trx, id);
      if (!s || s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
      this.requireEditable(s.status);
      const answers = s.fields as Answers;
      const missing = applicableSteps(s.kind, answers)
        .filter((step) => !step.optional && step.kind !== "attachments" && (answers[step.key] ?? "") === "")
        .map((step) => step.key);
      if (missing.length > 0) throw new IncompleteSubmissionError(missing);
      const coAuthors = (answers.coAuthors as CoAuthor[] | null | undefined) ?? [];
      // Rechecked whatever was edited since the share was given (co-authors changed after the own share).
      const others = Math.round(coAuthors.reduce((n, a) => n + a.share, 0) * 100) / 100;
      const total = Math.round((Number(answers.myShare) + others) * 100) / 100;
      if (!sharesMakeHundred(answers))
        throw new InvalidAnswerError("myShare", { problem: "shares-total", total, needed: 100 - others });
      const campaignId = typeof answers.campaign === "number" ? answers.campaign : null;
      if (campaignId !== null) await this.requireCampaignOpen(trx, campaignId, s.unit_id, s.kind, now);

      const submitter = await findUserById(trx, userId);
      const today = dateIn(this.config.timezone, now);
      const code =
        s.code ??
        `${CODE_PREFIX[s.kind]}-${today.slice(0, 4)}-${String(await repo.nextCodeNumber(trx, CODE_PREFIX[s.kind], Number(today.slice(0, 4)))).padStart(5, "0")}`;
      const decisionDueAt = addMonths(now, this.config.decisionDueMonths);
      const title = String(answers.title);
      const endorsed = campaignId !== null && !(await campaignRequiresEndorsement(trx, campaignId));
      await repo.updateSubmission(trx, id, {
        status: endorsed ? "endorsed" : "submitted",
        code,
        submitted_at: now,
        decision_due_at: decisionDueAt,
        school_year: schoolYearOf(today),
        title,
        search_title: foldForSearch(title),
        scope_proposed: (answers.scopeProposed as Scope | undefined) ?? null,
        campaign_id: campaignId,
        draft_step: null,
        last_update_id: updateId ?? s.last_update_id,
      });
      if (s.kind === "initiative") {
        const myShare = coAuthors.length > 0 ? Number(answers.myShare) : 100;
        await repo.replaceAuthors(trx, id, [
          { user_id: userId, full_name: submitter?.full_name ?? "", unit_name: null, share: myShare },
          ...coAuthors.map((a) => ({ user_id: null, full_name: a.name, unit_name: a.unit, share: a.share })),
        ]);
      }
      await repo.insertEvent(trx, { submissionId: id, actorId: userId, from: s.status, to: "submitted" });
      // Indexed now, compared with the archive in the background (src/screening/): the council's report is ready.
      await indexAndQueueScreening(trx, id, answers, now);
      if (endorsed) {
        // The campaign skips the unit head's step: straight to the council.
        await repo.insertEvent(trx, { submissionId: id, actorId: null, from: "submitted", to: "endorsed" });
      } else {
        await enqueueSubmissionNotice(trx, id, `new-submission:${id}:${now.toISOString()}`, {
          submissionId: id,
          code,
          kind: s.kind,
          title,
          submitter: submitter?.full_name ?? "",
          ...(s.status === "returned" ? { resubmission: true } : {}),
        });
      }
      return { id, code, submittedAt: now, decisionDueAt };
    });
  }

  /**
   * The receipt of a submission already sent, for its submitter: shown again when "Gửi" is pressed twice or the
   * update that sent it is handled again after a crash.
   */
  async receipt(userId: number, id: number): Promise<Receipt | undefined> {
    const s = await this.owned(userId, id);
    if (!s.code || !s.submitted_at || !s.decision_due_at || EDITABLE.includes(s.status)) return undefined;
    return { id, code: s.code, submittedAt: s.submitted_at, decisionDueAt: s.decision_due_at };
  }

  /**
   * Opens a draft's form in the user's chat (the draft must be theirs and editable). `known`: the draft as this
   * service has just returned it in this update (not read again).
   */
  async openForm(userId: number, id: number, known?: DraftView): Promise<DraftView> {
    const view = known?.id === id ? known : await this.view(userId, id);
    this.requireEditable(view.status);
    await repo.setActiveDraft(this.db, userId, id);
    return view;
  }

  /** Leaves the form open in the user's chat; with `id`, only if that draft's form is the one open. */
  leaveForm(userId: number, id?: number): Promise<void> {
    return repo.setActiveDraft(this.db, userId, null, id);
  }

  /** The submitter takes back a sent submission, through the same locked move as every other status change. */
  async withdraw(userId: number, id: number): Promise<void> {
    await moveSubmission(this.db, {
      id,
      actorId: userId,
      allowed: WITHDRAWABLE,
      to: "withdrawn",
      check: (s) => {
        if (s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
        if (!WITHDRAWABLE.includes(s.status)) throw new CannotWithdrawError(s.status);
      },
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

  /** The rules an answer is checked against, as of `now`. */
  rules(answers: Answers, now: Date): AnswerRules {
    return {
      today: dateIn(this.config.timezone, now),
      minShare: this.config.minShare,
      coAuthors: (answers.coAuthors as CoAuthor[] | null | undefined) ?? [],
    };
  }
}

/** The answers a step set (values are replaced whole, so an unchanged one keeps its identity) and removed. */
function answersChanged(before: Answers, after: Answers): { changed: Answers; removed: string[] } {
  const changed: Answers = {};
  for (const [key, value] of Object.entries(after))
    if (value !== undefined && before[key] !== value) changed[key] = value;
  return { changed, removed: Object.keys(before).filter((key) => after[key] === undefined) };
}
