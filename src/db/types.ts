import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A timestamptz the database fills in by default; read as Date on both dialects. */
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column; read as 'YYYY-MM-DD' on both dialects, so no time zone can shift it. */
type DateOnly = string;
/** jsonb: read as a plain object; written as an object or JSON text. */
type Json<T> = ColumnType<T, T | string, T | string>;
/** jsonb with a database default, so it may be left out of an insert. */
type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
/** text with a database default. */
type TextWithDefault = ColumnType<string, string | undefined, string>;

export type Role = "unit_head" | "reviewer" | "admin";
export type SubmissionKind = "initiative" | "nomination";
/** Every status a submission can have, in the order of its life (for lists and reports). */
export const SUBMISSION_STATUSES = [
  "draft",
  "submitted",
  "returned",
  "endorsed",
  "under_review",
  "recognised",
  "refused",
  "withdrawn",
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type Scope = "unit" | "province" | "nation";
export type CampaignStatus = "draft" | "scheduled" | "open" | "closed";
export type DeliveryStatus = "pending" | "sent" | "failed" | "blocked";
export type BroadcastKind =
  | "announcement"
  | "reminder"
  | "deadline-extended"
  | "review-reminder"
  /** One person's notice (a unit head told of a new submission): durable like a broadcast, not listed as one. */
  | "new-submission"
  /** Every submitter of a batch decision told its outcome (one message each, listed in /broadcasts). */
  | "decision"
  /** One author's notice that a unit applies their initiative. */
  | "initiative-applied";

/** Kinds that tell one person of one event: /broadcasts leaves them out. */
export const NOTICE_KINDS: readonly BroadcastKind[] = ["new-submission", "initiative-applied"];
/** "draft": the recipient holds an unfinished draft for the campaign. */
export type DeliveryVariant = "draft";

export interface UnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** Lower-case, without diacritics: what a typed search is matched against. */
  search_name: string;
  district: string;
  school_level: string;
  cluster: string;
  block: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<number>;
  telegram_id: number;
  full_name: string | null;
  telegram_name: TextWithDefault;
  username: string | null;
  unit_id: number | null;
  /** null: follow the user's Telegram language. */
  locale: string | null;
  active: Generated<boolean>;
  /** The draft whose form this user's chat is in (the submission form's only state beside the draft). */
  active_draft_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface UserRoleTable {
  user_id: number;
  role: Role;
  /** The unit a unit head heads; null for other roles. */
  unit_id: number | null;
  granted_by: number | null;
  granted_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject: JsonWithDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface CampaignTable {
  id: Generated<number>;
  title: string;
  description: TextWithDefault;
  school_year: string;
  accepts_initiatives: boolean;
  accepts_nominations: boolean;
  requires_endorsement: Generated<boolean>;
  /** Audience: everyone when all three lists are empty. */
  audience: JsonWithDefault<{ clusters: string[]; blocks: string[]; unitIds: number[] }>;
  opens_at: Timestamp;
  deadline_at: Timestamp;
  /** When to broadcast the announcement; null: never (e.g. a campaign recorded from elsewhere). */
  announce_at: Timestamp | null;
  /** When to remind before the deadline: "7d", "12h", or "morning" (07:00 on the deadline's day). */
  reminder_offsets: JsonWithDefault<string[]>;
  status: Generated<CampaignStatus>;
  /** Set when an administrator closed the campaign before its deadline. */
  closed_at: Date | null;
  /** When the deadline was last extended: reminders due before then are not sent. */
  deadline_changed_at: Date | null;
  /** The council's weighted criteria per kind; null or a kind missing: the default rubric of the kind. */
  rubric: ColumnType<CampaignRubrics | null, string | null | undefined, string | null>;
  review_deadline_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SubmissionTable {
  id: Generated<number>;
  /** Human code such as SK-2026-00042; null while a draft. */
  code: string | null;
  kind: SubmissionKind;
  status: Generated<SubmissionStatus>;
  campaign_id: number | null;
  submitter_id: number;
  unit_id: number | null;
  title: string | null;
  /** The title folded for similarity search. */
  search_title: string | null;
  /** Remaining form fields, per kind; validated by the service layer. */
  fields: JsonWithDefault<Record<string, unknown>>;
  /** Which form step the draft was last saved at. */
  draft_step: string | null;
  /** The last update applied to this draft's form: an update with this id or lower changes nothing again. */
  last_update_id: ColumnType<number | null, number | null | undefined, number | null>;
  scope_proposed: Scope | null;
  scope_recognised: Scope | null;
  decision_number: string | null;
  decision_date: DateOnly | null;
  school_year: string | null;
  submitted_at: Timestamp | null;
  decision_due_at: Timestamp | null;
  /** Written reasons of a refusal (required by law), or a note on a recognition. */
  decision_reasons: string | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  /** The decision that recognised or refused it (decision_number and decision_date are its copy). */
  decision_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** Whether the authors let the library send its files (chosen at submit, changeable from /my). */
  share_files: Generated<boolean>;
  /** Title, problem, essence and benefits, accent-folded for search; computed by the database. */
  search_document: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** A unit applying a recognised initiative (nhân rộng): one row per submission and unit. */
export interface InitiativeApplicationTable {
  submission_id: number;
  unit_id: number;
  started_on: DateOnly;
  note: TextWithDefault;
  marked_by: number | null;
  created_at: CreatedAt;
}

/** A library search's words and filters, which its buttons name by id. */
export interface LibrarySearchTable {
  id: Generated<number>;
  user_id: number;
  words: string;
  filters: JsonWithDefault<LibraryFilters>;
  created_at: CreatedAt;
}

/** The library's filters; a missing key does not filter. */
export interface LibraryFilters {
  year?: string;
  field?: string;
  level?: string;
  scope?: Scope;
  district?: string;
}

/** One decision of the department: a number, a date and a signer for the many submissions it decides. */
export interface DecisionTable {
  id: Generated<number>;
  number: string;
  decided_on: DateOnly;
  signer: string | null;
  school_year: string | null;
  campaign_id: number | null;
  created_by: number | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
  revocation_note: string | null;
}

/** An outcome in a batch decision: recognised with a scope, or refused. */
export type Outcome = Scope | "refuse";

/** An administrator's batch decision being prepared (see migrations/20261206_0013_batch_decisions.ts). */
export interface DecisionDraftTable {
  id: Generated<number>;
  created_by: number;
  campaign_id: number;
  number: string;
  decided_on: DateOnly;
  signer: string;
  pass_mark: number;
  status: Generated<"open" | "applied" | "cancelled">;
  decision_id: number | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  applied_at: Date | null;
}

export interface DecisionDraftItemTable {
  draft_id: number;
  submission_id: number;
  code: string;
  seen_updated_at: Timestamp;
  average: number | null;
  reviews: Generated<number>;
  /** From the council's work; null: nobody scored it (left out unless the administrator chooses an outcome). */
  proposed: Outcome | null;
  /** The administrator's override. */
  chosen: Outcome | null;
  excluded: Generated<boolean>;
  reason: string | null;
}

/** One author's certificate of a recognised initiative; its code is what the QR code carries. */
export interface CertificateTable {
  id: Generated<number>;
  code: string;
  submission_id: number;
  /** The submission_authors row it certifies. */
  author_id: number;
  created_at: CreatedAt;
}

/** Certificate lookups per person in the current one-minute window (the verification rate limit). */
export interface VerificationAttemptTable {
  telegram_id: number;
  window_start: Timestamp;
  attempts: number;
}

export interface SubmissionCounterTable {
  prefix: string;
  year: number;
  last_value: number;
}

export interface SubmissionAuthorTable {
  id: Generated<number>;
  submission_id: number;
  position: number;
  user_id: number | null;
  full_name: string;
  unit_name: string | null;
  /** Percentage contribution, e.g. 62.5. */
  share: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  submission_id: number;
  kind: "document" | "photo";
  telegram_file_id: string;
  telegram_file_unique_id: string;
  file_name: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  created_at: CreatedAt;
}

export interface SubmissionEventTable {
  id: Generated<number>;
  submission_id: number;
  actor_id: number | null;
  from_status: SubmissionStatus | null;
  to_status: SubmissionStatus;
  note: string | null;
  created_at: CreatedAt;
}

export interface BroadcastTable {
  id: Generated<number>;
  campaign_id: number | null;
  kind: BroadcastKind;
  /** Makes enqueueing idempotent: a tick that runs twice finds the key taken. */
  dedupe_key: string;
  payload: JsonWithDefault<Record<string, unknown>>;
  status: Generated<"pending" | "sending" | "done" | "cancelled">;
  created_by: number | null;
  created_at: CreatedAt;
  finished_at: Date | null;
  /** Recipients fixed at enqueue time. */
  total: Generated<number>;
  /** When the creator was sent the summary of a finished broadcast (once). */
  summary_sent_at: Date | null;
  /** Its delivery counts, once housekeeping has dropped the per-recipient rows of an old broadcast. */
  counts: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
}

export interface BroadcastDeliveryTable {
  id: Generated<number>;
  broadcast_id: number;
  user_id: number;
  chat_id: number;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: CreatedAt;
  lease_until: Date | null;
  telegram_message_id: number | null;
  error: string | null;
  sent_at: Date | null;
  variant: DeliveryVariant | null;
}

export interface RubricCriterion {
  /** Where scores are stored; a default criterion's key also names it in locales (rubric-<key>). */
  key: string;
  /** Relative: the total is the weighted average of the scores. */
  weight: number;
  /** An administrator's own criterion, named as typed (in one language). */
  name?: string;
}

/** A campaign's rubric for each kind it takes; a kind without one uses the default. */
export type CampaignRubrics = Partial<Record<SubmissionKind, RubricCriterion[]>>;

export type Recommendation = "recognise_unit" | "recognise_province" | "recognise_nation" | "refuse";

export interface CampaignReviewerTable {
  campaign_id: number;
  user_id: number;
}

export interface ReviewAssignmentTable {
  id: Generated<number>;
  submission_id: number;
  reviewer_id: number;
  status: Generated<"assigned" | "scored" | "conflict">;
  /** Criterion key -> score 0-10. */
  scores: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  /** Weighted average of the scores, 0-10. */
  total: number | null;
  comment: string | null;
  recommendation: Recommendation | null;
  assigned_at: CreatedAt;
  scored_at: Date | null;
}

export interface ConversationStateTable {
  key: string;
  state: Json<unknown>;
  updated_at: CreatedAt;
}

export interface CronFireTable {
  job: string;
  fire_at: Timestamp;
  instance: string;
  fired_at: CreatedAt;
}

export interface UpdateInboxTable {
  update_id: number;
  /** The chat (or, without one, the sender) whose updates are handled in order; "u<update_id>" for neither. */
  chat_key: string;
  /** The update as Telegram sent it; null once handled. */
  payload: Json<unknown> | null;
  received_at: CreatedAt;
  /** Not claimed before this time (a retry after Telegram failed). */
  available_at: CreatedAt;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  handled_at: Timestamp | null;
}

/** Copy screening's queue: one job per sent submission (docs/copy-screening.md). */
export interface ScreeningJobTable {
  submission_id: number;
  /** Grows when the submission is enqueued again; a run of an older generation does not finish the job. */
  generation: Generated<number>;
  status: Generated<"pending" | "running" | "done" | "failed">;
  attempts: Generated<number>;
  run_after: CreatedAt;
  lease_until: Timestamp | null;
  last_error: string | null;
  updated_at: CreatedAt;
}

/** One match of an overlap report: an earlier submission, how much of this text it holds, the passages. */
export interface ScreeningMatch {
  sourceId: number;
  /** Share of this submission's shingles found in the source, 0..1. */
  similarity: number;
  passages: { mine: string; theirs: string }[];
}

/** A sent submission's place in the screening index. */
export interface ScreeningDocumentTable {
  submission_id: number;
  /** The fingerprints it is indexed under (its rows in screening_fingerprints). */
  fingerprints: number[];
  indexed_at: CreatedAt;
}

export interface ScreeningReportTable {
  submission_id: number;
  generation: number;
  shingles: number;
  matches: Json<ScreeningMatch[]>;
  computed_at: CreatedAt;
}

export interface ScreeningFingerprintTable {
  hash: number;
  submission_id: number;
}

export interface Database {
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  audit_log: AuditLogTable;
  campaigns: CampaignTable;
  submissions: SubmissionTable;
  decisions: DecisionTable;
  decision_drafts: DecisionDraftTable;
  decision_draft_items: DecisionDraftItemTable;
  certificates: CertificateTable;
  verification_attempts: VerificationAttemptTable;
  submission_counters: SubmissionCounterTable;
  submission_authors: SubmissionAuthorTable;
  attachments: AttachmentTable;
  submission_events: SubmissionEventTable;
  broadcasts: BroadcastTable;
  broadcast_deliveries: BroadcastDeliveryTable;
  conversation_state: ConversationStateTable;
  cron_fires: CronFireTable;
  campaign_reviewers: CampaignReviewerTable;
  review_assignments: ReviewAssignmentTable;
  update_inbox: UpdateInboxTable;
  initiative_applications: InitiativeApplicationTable;
  library_searches: LibrarySearchTable;
  screening_jobs: ScreeningJobTable;
  screening_documents: ScreeningDocumentTable;
  screening_reports: ScreeningReportTable;
  screening_fingerprints: ScreeningFingerprintTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Unit = Selectable<UnitTable>;
export type Campaign = Selectable<CampaignTable>;
export type Broadcast = Selectable<BroadcastTable>;
export type Submission = Selectable<SubmissionTable>;
