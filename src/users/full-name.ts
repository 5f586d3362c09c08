import { normalizeText } from "../shared/text.js";

export const FULL_NAME_MAX_LENGTH = 100;

export type FullNameProblem = "empty" | "too-long" | "not-a-name";
export type FullNameCheck = { ok: true; value: string } | { ok: false; problem: FullNameProblem };

/** Validates a person's full name as typed on a phone: one line, letters, at most 100 characters. */
export function checkFullName(raw: string): FullNameCheck {
  const value = normalizeText(raw).replace(/\s*\n\s*/g, " ");
  if (value === "") return { ok: false, problem: "empty" };
  if (value.length > FULL_NAME_MAX_LENGTH) return { ok: false, problem: "too-long" };
  // A name holds letters; a command, a number or a link pasted by mistake does not.
  if (value.startsWith("/") || !/\p{L}/u.test(value) || /[<>@#/\\{}[\]|=_*]|https?:/i.test(value)) {
    return { ok: false, problem: "not-a-name" };
  }
  return { ok: true, value };
}
