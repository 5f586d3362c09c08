import { type Kysely, sql } from "kysely";
import type { Database, LibraryFilters, SubmissionStatus } from "../db/types.js";

type Db = Kysely<Database>;

/** One line of a result list. */
export interface LibraryHit {
  id: number;
  code: string | null;
  title: string | null;
  school_year: string | null;
  scope_recognised: string | null;
  status: SubmissionStatus;
  unit_name: string | null;
}

export interface LibraryQuery {
  /** A tsquery in the text form to_tsquery reads (built by toTsQuery), or "" for filters only. */
  tsquery: string;
  filters: LibraryFilters;
  limit: number;
  offset: number;
  /** Ranking reads the vectors of at most this many matches, the newest ones (see docs/benchmarks.md). */
  candidates: number;
}

/**
 * Recognised initiatives matching the words and filters, most relevant first (ties: newest first), from the
 * library's narrow table (library_documents). Matches are found by the GIN index, and only the newest `candidates`
 * of them are ranked. Those are looked for in the newest school year first, through the year's lexeme in the
 * vector ('#2025-2026'), so the index hands over that year's matches only; the older years are read only when the
 * newest has fewer than `candidates`, i.e. when the words are rare and their matches few. A word matching half of
 * a million initiatives then costs what one year of its matches does.
 */
export async function searchLibrary(db: Db, q: LibraryQuery): Promise<LibraryHit[]> {
  const f = q.filters;
  const words = sql`to_tsquery('vn_fold', ${q.tsquery})`;
  const units = f.level || f.district ? sql`join units fu on fu.id = d.unit_id` : sql``;
  const filters = sql`
    ${f.field ? sql`and d.field = ${f.field}` : sql``}
    ${f.scope ? sql`and d.scope = ${f.scope}` : sql``}
    ${f.level ? sql`and fu.school_level = ${f.level}` : sql``}
    ${f.district ? sql`and fu.district = ${f.district}` : sql``}`;
  const year = (y: unknown) => sql`quote_literal('#' || ${y})::tsquery`;
  const newest = sql`(select max(school_year) from library_documents)`;
  // Words and no year chosen: the newest year's matches first; the other years only if those are too few.
  const slices = Boolean(q.tsquery) && !f.year;
  const first = !q.tsquery
    ? sql`true ${f.year ? sql`and d.school_year = ${f.year}` : sql``}`
    : sql`d.document @@ (${words} && ${year(f.year ?? newest)})`;
  // With words, the matches come from the GIN index, then the newest are kept. "+ 0" keeps the planner from walking
  // the primary key backwards and testing every vector instead: it cannot estimate a computed tsquery (it assumes
  // 0.5% match), and over a million rows that walk took 3 s for a rare phrase (EXPLAIN ANALYZE in the bench).
  const byNewest = q.tsquery ? sql`d.submission_id + 0 desc` : sql`d.submission_id desc`;
  const { rows } = await sql<LibraryHit>`
    with recent as (
      select d.submission_id as id from library_documents d ${units}
      where ${first} ${filters}
      order by ${byNewest} limit ${q.candidates}
    ), hits as (
      select id from recent
      ${
        slices
          ? sql`union all (
        select d.submission_id from library_documents d ${units}
        where (select count(*) from recent) < ${q.candidates}
          and d.document @@ (${words} && !! ${year(newest)}) ${filters}
        order by ${byNewest} limit ${q.candidates})`
          : sql``
      }
    ), page as (
      select hits.id ${q.tsquery ? sql`, ts_rank(d.document, ${words}) as rank` : sql`, 0 as rank`}
      from hits join library_documents d on d.submission_id = hits.id
      order by rank desc, hits.id desc
      limit ${q.limit} offset ${q.offset}
    )
    select s.id, s.code, s.title, s.school_year, s.scope_recognised, s.status, u.name as unit_name
    from page join submissions s on s.id = page.id
    left join units u on u.id = s.unit_id
    order by page.rank desc, s.id desc`.execute(db);
  return rows.map(numericIds);
}

/**
 * Titles alike by trigrams (partial words, typing mistakes): what the library offers when the words match nothing.
 * `folded` is lower case without diacritics, as search_title is.
 */
export async function similarTitles(db: Db, folded: string, limit: number): Promise<LibraryHit[]> {
  const rows = await db
    .selectFrom("submissions as s")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .select([
      "s.id",
      "s.code",
      "s.title",
      "s.school_year",
      "s.scope_recognised",
      "s.status",
      "u.name as unit_name",
    ])
    .where("s.status", "=", "recognised")
    .where("s.kind", "=", "initiative")
    .where(sql<boolean>`s.search_title % ${folded}`)
    .orderBy(sql`similarity(s.search_title, ${folded})`, "desc")
    .orderBy("s.id", "desc")
    .limit(limit)
    .execute();
  return rows.map(numericIds);
}

/**
 * Any submission but drafts, for administrators: by code (its unique index), by an author's name (a scan of the
 * authors, diacritics optional), or by words (the GIN index). Three index-friendly lookups joined, not one OR
 * that would scan every submission.
 */
export async function findAny(
  db: Db,
  q: { code: string; folded: string; tsquery: string; limit: number },
): Promise<LibraryHit[]> {
  const { rows } = await sql<LibraryHit>`
    with found as (
      select id, 0 as rank from submissions where code = ${q.code.toUpperCase()}
      union
      select submission_id, 1 from submission_authors
      where ${q.folded.length >= 3} and lower(unaccent(full_name)) like ${`%${q.folded}%`}
      ${q.tsquery ? sql`union (select id, 2 from submissions where search_document @@ to_tsquery('vn_fold', ${q.tsquery}) order by id desc limit 500)` : sql``}
    )
    select s.id, s.code, s.title, s.school_year, s.scope_recognised, s.status, u.name as unit_name
    from (select id, min(rank) as rank from found group by id) f
    join submissions s on s.id = f.id
    left join units u on u.id = s.unit_id
    where s.status <> 'draft'
    order by f.rank, s.id desc
    limit ${q.limit}`.execute(db);
  return rows.map(numericIds);
}

/** What library results open to, in the order of `ids`: three queries however many there are. */
/** Not under a revoked decision: what the library may still show as recognised. */
const IN_FORCE = sql<boolean>`not exists (select 1 from decisions d where d.id = s.decision_id and d.revoked_at is not null)`;

export async function findEntries(
  db: Db,
  ids: readonly number[],
  statuses: readonly SubmissionStatus[],
  { inForce = false }: { inForce?: boolean } = {},
) {
  if (ids.length === 0) return [];
  const [rows, authors, applications] = await Promise.all([
    db
      .selectFrom("submissions as s")
      .leftJoin("units as u", "u.id", "s.unit_id")
      .select([
        "s.id",
        "s.code",
        "s.kind",
        "s.title",
        "s.status",
        "s.school_year",
        "s.scope_recognised",
        "s.decision_number",
        "s.decision_date",
        "s.share_files",
        "s.submitter_id",
        "u.name as unit_name",
        "u.district",
      ])
      .select(sql<string | null>`s.fields->>'field'`.as("field"))
      .where("s.id", "in", ids)
      .where("s.status", "in", statuses)
      .$if(inForce, (q) => q.where(IN_FORCE))
      .execute(),
    db
      .selectFrom("submission_authors")
      .select(["submission_id", "full_name", "unit_name", "user_id"])
      .where("submission_id", "in", ids)
      .orderBy("submission_id")
      .orderBy("position")
      .execute(),
    db
      .selectFrom("initiative_applications as a")
      .innerJoin("units as u", "u.id", "a.unit_id")
      .select(["a.submission_id", "u.name as unit_name", "u.district", "a.started_on", "a.note"])
      .where("a.submission_id", "in", ids)
      .orderBy("a.started_on")
      .orderBy("u.name")
      .execute(),
  ]);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        id,
        submitter_id: Number(row.submitter_id),
        authors: authors.filter((a) => Number(a.submission_id) === id),
        applications: applications.filter((a) => Number(a.submission_id) === id),
      },
    ];
  });
}

/** What a library result opens to. */
export async function findEntry(
  db: Db,
  id: number,
  statuses: readonly SubmissionStatus[],
  options: { inForce?: boolean } = {},
) {
  return (await findEntries(db, [id], statuses, options))[0];
}

export function listSharedFiles(db: Db, submissionId: number) {
  return (
    db
      .selectFrom("attachments as f")
      .innerJoin("submissions as s", "s.id", "f.submission_id")
      .select(["f.kind", "f.telegram_file_id", "f.file_name"])
      .where("f.submission_id", "=", submissionId)
      // Checked here as well as in the service: an unshared submission's files never leave the database.
      .where("s.share_files", "=", true)
      .where("s.status", "=", "recognised")
      .where(IN_FORCE)
      .orderBy("f.id")
      .execute()
  );
}

/** Marks the unit as applying the initiative; undefined when it already was (nothing changes then). */
export function insertApplication(
  db: Db,
  a: { submissionId: number; unitId: number; startedOn: string; note: string; markedBy: number },
) {
  return db
    .insertInto("initiative_applications")
    .values({
      submission_id: a.submissionId,
      unit_id: a.unitId,
      started_on: a.startedOn,
      note: a.note,
      marked_by: a.markedBy,
    })
    .onConflict((oc) => oc.columns(["submission_id", "unit_id"]).doNothing())
    .returning("submission_id")
    .executeTakeFirst();
}

/** The unit a unit head heads (the first, for the rare head of several). */
export async function headedUnit(db: Db, userId: number) {
  return db
    .selectFrom("user_roles as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .select(["u.id", "u.name"])
    .where("r.user_id", "=", userId)
    .where("r.role", "=", "unit_head")
    .orderBy("u.id")
    .executeTakeFirst();
}

/** Keeps a search's words and filters; the person's older searches beyond `keep` are dropped. */
export async function saveSearch(
  db: Db,
  userId: number,
  words: string,
  filters: LibraryFilters,
  keep: number,
): Promise<number> {
  const row = await db
    .insertInto("library_searches")
    .values({ user_id: userId, words, filters: JSON.stringify(filters) })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .deleteFrom("library_searches")
    .where("user_id", "=", userId)
    .where(
      "id",
      "not in",
      db
        .selectFrom("library_searches")
        .select("id")
        .where("user_id", "=", userId)
        .orderBy("id", "desc")
        .limit(keep),
    )
    .execute();
  return Number(row.id);
}

export function findSearch(db: Db, userId: number, id: number) {
  return db
    .selectFrom("library_searches")
    .select(["id", "words", "filters"])
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function setSearchFilters(db: Db, id: number, filters: LibraryFilters): Promise<void> {
  await db
    .updateTable("library_searches")
    .set({ filters: JSON.stringify(filters) })
    .where("id", "=", id)
    .execute();
}

/** The values a filter can take among recognised initiatives (years) or active units (levels, districts). */
export async function filterValues(db: Db, kind: "year" | "level" | "district"): Promise<string[]> {
  if (kind === "year") {
    // The few distinct years of a million rows, one index probe each (a loose index scan).
    const { rows } = await sql<{ y: string }>`
      with recursive years(y) as (
        select max(school_year) from library_documents
        union all
        select (select max(school_year) from library_documents where school_year < years.y) from years where y is not null
      ) select y from years where y is not null`.execute(db);
    return rows.map((r) => r.y);
  }
  const column = kind === "level" ? "school_level" : "district";
  const rows = await db
    .selectFrom("units")
    .select(column)
    .distinct()
    .where("active", "=", true)
    .where(column, "<>", "")
    .orderBy(column)
    .execute();
  return rows.map((r) => (r as Record<string, string>)[column] as string);
}

/** How widely each recognised initiative is applied: units and districts, most applied first. */
export async function applicationCounts(db: Db, filter: { schoolYear?: string; limit?: number } = {}) {
  let query = db
    .selectFrom("initiative_applications as a")
    .innerJoin("submissions as s", "s.id", "a.submission_id")
    .innerJoin("units as u", "u.id", "a.unit_id")
    .select(["s.id", "s.code", "s.title"])
    .select((eb) => [
      eb.fn.count<number>("a.unit_id").as("units"),
      eb.fn.count<number>("u.district").distinct().as("districts"),
    ])
    .where("s.status", "=", "recognised")
    .groupBy(["s.id", "s.code", "s.title"])
    .orderBy("units", "desc")
    .orderBy("s.id", "desc");
  if (filter.schoolYear) query = query.where("s.school_year", "=", filter.schoolYear);
  if (filter.limit) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    units: Number(r.units),
    districts: Number(r.districts),
  }));
}

const numericIds = (h: LibraryHit): LibraryHit => ({ ...h, id: Number(h.id) });
