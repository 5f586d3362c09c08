/**
 * The pg driver and PGlite disagree on how some types arrive in JavaScript (pg: int8 and numeric as strings,
 * `date` as a local-midnight Date; PGlite: `date` as UTC midnight). These parsers, installed on both, make the
 * application see one set of types whichever database it runs on.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export function parseInt8(value: string): number {
  const n = Number(value);
  // Every id and count this application stores fits; a value that does not must fail loudly, not round.
  if (!Number.isSafeInteger(n))
    throw new RangeError(`int8 value ${value} is outside JavaScript's safe range`);
  return n;
}

export const parseNumeric = (value: string): number => Number(value);

/** Keeps a `date` as the 'YYYY-MM-DD' text PostgreSQL sends. */
export const parseDate = (value: string): string => value;

export const customParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: parseInt8,
  [OID.NUMERIC]: parseNumeric,
  [OID.DATE]: parseDate,
};
