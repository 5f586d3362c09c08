import type { Outcome, Scope, SubmissionKind } from "../db/types.js";
import { BUCKETS } from "../review/batch-proposal.js";

/**
 * An id as a button carries it: up to 15 digits, every id the database hands out and exactly what JavaScript reads.
 * A longer one can only be forged; it matches no handler and is answered as an expired button, never reaching a
 * query as a number out of range.
 */
const ID = String.raw`(\d{1,15})`;

/** One kind of button: its callback data is written and read by the same definition. */
export interface ButtonKind<Values extends unknown[]> {
  /** The callback data for these values (a few bytes: Telegram allows 64). */
  data(...values: Values): string;
  /** For callbackQuery(): matches exactly the data `data` can produce. */
  readonly filter: RegExp;
  /** The values back from the handler's ctx.match. */
  read(match: RegExpMatchArray | string): Values;
}

const pattern = (prefix: string, ...parts: string[]) =>
  new RegExp(`^${[prefix, ...parts].map((p, i) => (i === 0 ? literal(p) : p)).join(":")}$`);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const oneOf = (choices: readonly string[]) => `(${choices.map(literal).join("|")})`;
const groups = (match: RegExpMatchArray | string) => (typeof match === "string" ? [] : match.slice(1));

/** "prefix:<id>" */
export function withId(prefix: string): ButtonKind<[id: number]> {
  return {
    data: (id) => `${prefix}:${id}`,
    filter: pattern(prefix, ID),
    read: (match) => [Number(groups(match)[0])],
  };
}

/** "prefix:<choice>" */
export function withChoice<C extends string>(prefix: string, choices: readonly C[]): ButtonKind<[choice: C]> {
  return {
    data: (choice) => `${prefix}:${choice}`,
    filter: pattern(prefix, oneOf(choices)),
    read: (match) => [groups(match)[0] as C],
  };
}

/** "prefix:<id>:<choice>" */
export function withIdAndChoice<C extends string>(
  prefix: string,
  choices: readonly C[],
): ButtonKind<[id: number, choice: C]> {
  return {
    data: (id, choice) => `${prefix}:${id}:${choice}`,
    filter: pattern(prefix, ID, oneOf(choices)),
    read: (match) => {
      const [id, choice] = groups(match);
      return [Number(id), choice as C];
    },
  };
}

/** "prefix:<id>:<id>" */
export function withTwoIds(prefix: string): ButtonKind<[first: number, second: number]> {
  return {
    data: (first, second) => `${prefix}:${first}:${second}`,
    filter: pattern(prefix, ID, ID),
    read: (match) => {
      const [first, second] = groups(match);
      return [Number(first), Number(second)];
    },
  };
}

/** "prefix:<id>:<id>:<choice>" */
export function withTwoIdsAndChoice<C extends string>(
  prefix: string,
  choices: readonly C[],
): ButtonKind<[first: number, second: number, choice: C]> {
  return {
    data: (first, second, choice) => `${prefix}:${first}:${second}:${choice}`,
    filter: pattern(prefix, ID, ID, oneOf(choices)),
    read: (match) => {
      const [first, second, choice] = groups(match);
      return [Number(first), Number(second), choice as C];
    },
  };
}

/** "prefix:<id>:<choice>:<page>" (a page number of up to 5 digits) */
export function withIdChoiceAndPage<C extends string>(
  prefix: string,
  choices: readonly C[],
): ButtonKind<[id: number, choice: C, page: number]> {
  return {
    data: (id, choice, page) => `${prefix}:${id}:${choice}:${page}`,
    filter: pattern(prefix, ID, oneOf(choices), String.raw`(\d{1,5})`),
    read: (match) => {
      const [id, choice, page] = groups(match);
      return [Number(id), choice as C, Number(page)];
    },
  };
}

const KINDS: readonly SubmissionKind[] = ["initiative", "nomination"];
const SCOPES: readonly Scope[] = ["unit", "province", "nation"];
const OUTCOMES: readonly Outcome[] = [...SCOPES, "refuse"];
/** What /decisions sends of a decision: the .docx decision, its list as XLSX, every certificate as one PDF. */
export const DECISION_FILES = ["docx", "xlsx", "certs"] as const;

/** Every button of the bot's features outside the form (whose buttons are FORM): written and read from here. */
export const BUTTON = {
  submitKind: withChoice("sub:kind", KINDS),
  continueDraft: withId("sub:go"),
  freshDraft: withChoice("sub:fresh", KINDS),
  myDetails: withId("my"),
  myWithdraw: withId("my:w"),
  myWithdrawConfirmed: withId("my:wy"),
  endorseOpen: withId("end:o"),
  endorseOk: withId("end:ok"),
  endorseReturn: withId("end:ret"),
  /** A page of a submission's typed answers on the unit head's card, and on the administrator's. */
  endorsePage: withTwoIds("end:p"),
  decidePage: withTwoIds("dec:p"),
  reviewOpen: withId("rev:o"),
  reviewScore: withId("rev:s"),
  reviewConflict: withId("rev:c"),
  decideOpen: withId("dec:o"),
  decideRecognise: withIdAndChoice("dec:r", SCOPES),
  decideRefuse: withId("dec:x"),
  /** A decision over a campaign's submissions: pick the campaign, then work on the draft. */
  batchPick: withChoice("bd:p", ["campaigns"] as const),
  batchStart: withId("bd:c"),
  batchHome: withId("bd:h"),
  batchList: withIdChoiceAndPage("bd:l", BUCKETS),
  batchItem: withTwoIds("bd:i"),
  batchSet: withTwoIdsAndChoice("bd:s", OUTCOMES),
  batchExclude: withTwoIdsAndChoice("bd:e", ["out", "in"] as const),
  batchReason: withTwoIds("bd:r"),
  batchReasonAll: withId("bd:ra"),
  batchCode: withId("bd:k"),
  batchConfirm: withId("bd:ok"),
  batchApply: withId("bd:go"),
  batchDropStale: withId("bd:drop"),
  /** The overlap report of a submission (copy screening), from a reviewer's or the decision card. */
  screeningReport: withId("scr"),
  campaignStart: withIdAndChoice("camp:go", KINDS),
  campaignView: withId("cadm:v"),
  campaignPreview: withId("cadm:prev"),
  campaignExtend: withId("cadm:ext"),
  campaignEditTitle: withId("cadm:et"),
  campaignEditText: withId("cadm:ed"),
  campaignEndorsement: withIdAndChoice("cadm:endo", ["on", "off"] as const),
  campaignClose: withId("cadm:close"),
  campaignCloseConfirmed: withId("cadm:closeok"),
  myCertificate: withId("my:cert"),
  decisionsPage: withId("dd:p"),
  decisionOpen: withId("dd:o"),
  decisionFile: withIdAndChoice("dd:f", DECISION_FILES),
  decisionRevoke: withId("dd:x"),
} as const;
