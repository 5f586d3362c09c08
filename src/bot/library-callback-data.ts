import type { ButtonKind } from "./callback-data.js";

/** An id as a button carries it (as in callback-data.ts): up to 15 digits. */
const ID = String.raw`(\d{1,15})`;
const FILTER_CODES = { year: "y", field: "f", level: "l", scope: "s", district: "d" } as const;
export type LibraryFilterKind = keyof typeof FILTER_CODES;
const KIND_OF_CODE = Object.fromEntries(Object.entries(FILTER_CODES).map(([k, c]) => [c, k])) as Record<
  string,
  LibraryFilterKind
>;
const CODE = "([yflsd])";

const kind = <V extends unknown[]>(
  data: (...values: V) => string,
  filter: RegExp,
  read: (groups: string[]) => V,
): ButtonKind<V> => ({
  data,
  filter,
  read: (match) => read(typeof match === "string" ? [] : match.slice(1)),
});

/**
 * The library's buttons. A search's words live in library_searches (they rarely fit in 64 bytes): its buttons
 * carry the search's id, and a filter's value is its position in the list of choices the menu showed.
 */
export const LIBRARY_BUTTON = {
  page: kind(
    (searchId: number, page: number) => `lib:p:${searchId}:${page}`,
    new RegExp(`^lib:p:${ID}:(\\d{1,4})$`),
    ([s, p]) => [Number(s), Number(p)] as [number, number],
  ),
  filterMenu: kind(
    (searchId: number, k: LibraryFilterKind) => `lib:fm:${searchId}:${FILTER_CODES[k]}`,
    new RegExp(`^lib:fm:${ID}:${CODE}$`),
    ([s, c]) => [Number(s), KIND_OF_CODE[c ?? ""] as LibraryFilterKind] as [number, LibraryFilterKind],
  ),
  filterSet: kind(
    (searchId: number, k: LibraryFilterKind, index: number) =>
      `lib:fs:${searchId}:${FILTER_CODES[k]}:${index}`,
    new RegExp(`^lib:fs:${ID}:${CODE}:(\\d{1,3})$`),
    ([s, c, i]) =>
      [Number(s), KIND_OF_CODE[c ?? ""] as LibraryFilterKind, Number(i)] as [
        number,
        LibraryFilterKind,
        number,
      ],
  ),
  /** Clears every filter of the search. */
  filterClear: kind(
    (searchId: number) => `lib:fx:${searchId}`,
    new RegExp(`^lib:fx:${ID}$`),
    ([s]) => [Number(s)] as [number],
  ),
  open: kind(
    (id: number) => `lib:o:${id}`,
    new RegExp(`^lib:o:${ID}$`),
    ([id]) => [Number(id)] as [number],
  ),
  files: kind(
    (id: number) => `lib:f:${id}`,
    new RegExp(`^lib:f:${ID}$`),
    ([id]) => [Number(id)] as [number],
  ),
  apply: kind(
    (id: number) => `lib:a:${id}`,
    new RegExp(`^lib:a:${ID}$`),
    ([id]) => [Number(id)] as [number],
  ),
  findOpen: kind(
    (id: number) => `find:o:${id}`,
    new RegExp(`^find:o:${ID}$`),
    ([id]) => [Number(id)] as [number],
  ),
  /** The submitter turns the sharing of a submission's files on or off (from /my). */
  share: kind(
    (id: number, on: boolean) => `my:sh:${id}:${on ? 1 : 0}`,
    new RegExp(`^my:sh:${ID}:([01])$`),
    ([id, on]) => [Number(id), on === "1"] as [number, boolean],
  ),
} as const;
