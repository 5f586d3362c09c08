/**
 * Replaces every NUL character in an update's strings with a space, in place. PostgreSQL stores NUL neither in text
 * nor in jsonb, so one typed (or forged) in a message would fail the inbox insert, the draft's save and the
 * conversation's state alike; a space keeps the entities' offsets right. Applied as an update arrives.
 */
export function clearNul<T>(value: T): T {
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === "string") {
        if (item.includes("\u0000")) record[key] = item.replaceAll("\u0000", " ");
      } else if (item && typeof item === "object") clearNul(item);
    }
  }
  return value;
}
