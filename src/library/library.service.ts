import type { Kysely } from "kysely";
import { enqueueAppliedNotice } from "../broadcasts/broadcasts.repository.js";
import type { Database, LibraryFilters, Scope } from "../db/types.js";
import { foldForSearch, safeCut } from "../shared/text.js";
import { dateIn } from "../shared/time.js";
import { checkDate } from "../submissions/answers.js";
import { NotRegisteredError, SubmissionNotFoundError } from "../submissions/errors.js";
import { FIELDS_OF_APPLICATION, SCOPES } from "../submissions/forms.js";
import { findSubmission } from "../submissions/submissions.repository.js";
import { ForbiddenError, requireRole } from "../users/permissions.js";
import { findUserById } from "../users/users.repository.js";
import * as repo from "./library.repository.js";

export const PAGE_SIZE = 8;
/** Telegram shows at most 50 inline results. */
export const INLINE_RESULTS = 50;
/** Matches ranked per search: the newest ones (see searchLibrary). */
export const RANKED_CANDIDATES = 1000;
export const MAX_WORDS_LENGTH = 200;
export const MAX_NOTE_LENGTH = 500;
/** Searches kept per person, for their buttons. */
const SEARCHES_KEPT = 5;
const MAX_TERMS = 8;

export type FilterKind = keyof LibraryFilters;
export const FILTER_KINDS: readonly FilterKind[] = ["year", "field", "level", "scope", "district"];

/**
 * The words of a search as a tsquery: folded as search_title is (lower case, no diacritics, đ as d) before the
 * database folds them again, so words typed with or without diacritics make the same query. Every word must match;
 * with `prefixLast` the last may be the start of a word (inline mode, as it is typed).
 */
export function toTsQuery(words: string, prefixLast = false): string {
  const terms = foldForSearch(words)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "")
    .slice(0, MAX_TERMS);
  return terms.map((t, i) => (prefixLast && i === terms.length - 1 ? `${t}:*` : t)).join(" & ");
}

export class InvalidApplicationError extends Error {
  constructor(readonly problem: "not-a-date" | "date-in-future" | "note-too-long") {
    super(`Invalid application: ${problem}`);
    this.name = "InvalidApplicationError";
  }
}

/** The library of recognised initiatives: search, summaries, shared files, and the units applying them. */
export class LibraryService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly timezone: string,
  ) {}

  /** Starts a search (words may be empty: filters only); returns its id for the buttons and the first page. */
  async search(userId: number, words: string, filters: LibraryFilters = {}) {
    await this.requireRegistered(userId);
    const kept = keptWords(words);
    const searchId = await repo.saveSearch(this.db, userId, kept, filters, SEARCHES_KEPT);
    return { searchId, words: kept, filters, ...(await this.page(kept, filters, 0)) };
  }

  /** A page of a saved search of this person; undefined when it is gone (an old button). */
  async searchPage(userId: number, searchId: number, page: number) {
    const saved = await repo.findSearch(this.db, userId, searchId);
    if (!saved) return undefined;
    return {
      searchId,
      words: saved.words,
      filters: saved.filters,
      ...(await this.page(saved.words, saved.filters, page)),
    };
  }

  /** Sets (or with value undefined, clears) one filter of a saved search and returns its first page. */
  async setFilter(userId: number, searchId: number, kind: FilterKind | "all", value: string | undefined) {
    const saved = await repo.findSearch(this.db, userId, searchId);
    if (!saved) return undefined;
    const filters: LibraryFilters = kind === "all" ? {} : { ...saved.filters };
    if (kind !== "all") {
      if (value === undefined) delete filters[kind];
      else if (await this.isFilterValue(kind, value)) (filters as Record<string, string>)[kind] = value;
    }
    await repo.setSearchFilters(this.db, searchId, filters);
    return { searchId, words: saved.words, filters, ...(await this.page(saved.words, filters, 0)) };
  }

  /** What a filter can be set to. */
  async filterChoices(kind: FilterKind): Promise<string[]> {
    if (kind === "field") return [...FIELDS_OF_APPLICATION];
    if (kind === "scope") return [...SCOPES];
    return repo.filterValues(this.db, kind);
  }

  /** Up to 50 results for inline mode; the last word may be unfinished. */
  async inline(userId: number, words: string) {
    await this.requireRegistered(userId);
    const tsquery = toTsQuery(words.slice(0, MAX_WORDS_LENGTH), true);
    if (tsquery === "") return [];
    return repo.searchLibrary(this.db, {
      tsquery,
      filters: {},
      limit: INLINE_RESULTS,
      offset: 0,
      candidates: RANKED_CANDIDATES,
    });
  }

  /** The summaries of inline results (recognised initiatives, public), in their order. */
  async publicEntries(ids: readonly number[]) {
    return (await repo.findEntries(this.db, ids, ["recognised"], { inForce: true })).filter(
      (e) => e.kind === "initiative",
    );
  }

  /** A recognised initiative's summary, for anyone registered. */
  async entry(userId: number, id: number) {
    await this.requireRegistered(userId);
    return this.publicEntry(id);
  }

  /** The summary as an inline result shares it: recognised initiatives only, which are public. */
  async publicEntry(id: number) {
    // A revoked decision's initiatives are no longer shown as recognised.
    const entry = await repo.findEntry(this.db, id, ["recognised"], { inForce: true });
    if (entry?.kind !== "initiative") throw new SubmissionNotFoundError(id);
    return entry;
  }

  /** The files of a recognised initiative whose authors agreed to share them; none otherwise. */
  async sharedFiles(userId: number, id: number) {
    const entry = await this.entry(userId, id);
    if (!entry.share_files) return { shared: false as const, code: entry.code, files: [] };
    return { shared: true as const, code: entry.code, files: await repo.listSharedFiles(this.db, id) };
  }

  /** Administrators: any submission but drafts, by code, author name or words. Checked on every call. */
  async find(adminId: number, text: string) {
    await requireRole(this.db, adminId, "admin");
    const kept = keptWords(text);
    return repo.findAny(this.db, {
      code: kept,
      folded: foldForSearch(kept).replace(/[\\%_]/g, (c) => `\\${c}`),
      tsquery: toTsQuery(kept),
      limit: 20,
    });
  }

  /** Administrators: any submission's summary, in any status. */
  async adminEntry(adminId: number, id: number) {
    await requireRole(this.db, adminId, "admin");
    const entry = await repo.findEntry(this.db, id, [
      "submitted",
      "returned",
      "endorsed",
      "under_review",
      "recognised",
      "refused",
      "withdrawn",
    ]);
    if (!entry) throw new SubmissionNotFoundError(id);
    return entry;
  }

  /** The unit this person heads, if any (whether to offer "our unit applies this"). */
  async headedUnit(userId: number) {
    const unit = await repo.headedUnit(this.db, userId);
    return unit ? { id: Number(unit.id), name: unit.name } : undefined;
  }

  /** The unit a unit head would mark an application for; ForbiddenError for anyone else. */
  async applyingUnit(userId: number) {
    const unit = await repo.headedUnit(this.db, userId);
    if (!unit) throw new ForbiddenError("unit_head");
    return { id: Number(unit.id), name: unit.name };
  }

  /**
   * A unit head marks their unit as applying a recognised initiative from `startedOn` (dd/mm/yyyy, not after
   * today). Marking it again changes nothing; the authors are told once, through the durable queue, in the same
   * transaction. Returns whether this call recorded it.
   */
  async markApplied(userId: number, id: number, startedOn: string, note: string, now: Date = new Date()) {
    const date = checkDate(startedOn.trim(), dateIn(this.timezone, now));
    if (!date.ok)
      throw new InvalidApplicationError(date.problem === "date-in-future" ? "date-in-future" : "not-a-date");
    const cleanNote = note.normalize("NFC").trim();
    if (cleanNote.length > MAX_NOTE_LENGTH) throw new InvalidApplicationError("note-too-long");
    return this.db.transaction().execute(async (trx) => {
      await requireRole(trx, userId, "unit_head");
      const unit = await repo.headedUnit(trx, userId);
      if (!unit) throw new ForbiddenError("unit_head");
      const s = await findSubmission(trx, id);
      if (s?.status !== "recognised" || s.kind !== "initiative") throw new SubmissionNotFoundError(id);
      const unitId = Number(unit.id);
      const inserted = await repo.insertApplication(trx, {
        submissionId: id,
        unitId,
        startedOn: date.value as string,
        note: cleanNote,
        markedBy: userId,
      });
      if (inserted)
        await enqueueAppliedNotice(trx, `initiative-applied:${id}:${unitId}`, {
          submissionId: id,
          code: s.code ?? "",
          title: s.title ?? "",
          unit: unit.name,
          startedOn: date.value as string,
        });
      return { recorded: inserted !== undefined, unit: unit.name, code: s.code ?? "" };
    });
  }

  /** The author's choice to share a submission's files; only its submitter changes it. */
  async setShareFiles(userId: number, id: number, share: boolean): Promise<void> {
    const s = await findSubmission(this.db, id);
    if (!s || s.submitter_id !== userId) throw new SubmissionNotFoundError(id);
    await this.db.updateTable("submissions").set({ share_files: share }).where("id", "=", id).execute();
  }

  /** How widely recognised initiatives are applied, most applied first. */
  applicationCounts(filter: { schoolYear?: string; limit?: number } = {}) {
    return repo.applicationCounts(this.db, filter);
  }

  private async page(words: string, filters: LibraryFilters, page: number) {
    const tsquery = toTsQuery(words);
    const hits = await repo.searchLibrary(this.db, {
      tsquery,
      filters,
      limit: PAGE_SIZE + 1,
      offset: page * PAGE_SIZE,
      candidates: RANKED_CANDIDATES,
    });
    // Words that match nothing may be a typing mistake or a partial word: titles alike by trigrams instead.
    const fallback =
      hits.length === 0 && page === 0 && tsquery !== "" && Object.keys(filters).length === 0
        ? await repo.similarTitles(this.db, foldForSearch(words), PAGE_SIZE)
        : [];
    return {
      page,
      hits: (hits.length > 0 ? hits : fallback).slice(0, PAGE_SIZE),
      more: hits.length > PAGE_SIZE,
      approximate: fallback.length > 0,
    };
  }

  private async isFilterValue(kind: FilterKind, value: string): Promise<boolean> {
    if (kind === "scope") return (SCOPES as readonly string[]).includes(value as Scope);
    return (await this.filterChoices(kind)).includes(value);
  }

  private async requireRegistered(userId: number): Promise<void> {
    const user = await findUserById(this.db, userId);
    if (!user?.full_name || user.unit_id === null) throw new NotRegisteredError();
  }
}

/** The words as kept and shown back: at most MAX_WORDS_LENGTH, never cut inside an emoji (Telegram refuses half). */
function keptWords(text: string): string {
  const words = text.normalize("NFC").trim();
  return words.slice(0, safeCut(words, MAX_WORDS_LENGTH));
}
