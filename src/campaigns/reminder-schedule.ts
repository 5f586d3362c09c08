import { TZDate } from "@date-fns/tz";
import { subDays } from "date-fns/subDays";

/** 7, 3 and 1 days before the deadline, and the morning of the deadline's day. */
export const DEFAULT_REMINDERS: readonly string[] = ["7d", "3d", "1d", "morning"];
/** The hour (in TIMEZONE) of the "morning" reminder. */
export const MORNING_HOUR = 7;

const SPEC = /^(?:([1-9]\d{0,2})([dh])|morning)$/;

export const isReminderSpec = (spec: string): boolean => SPEC.test(spec);

export interface PlannedReminder {
  spec: string;
  at: Date;
}

/**
 * When a reminder of this spec falls for the deadline, in `timeZone`: "Nd" is N calendar days before at the same
 * wall-clock time (so a daylight-saving change does not move it by an hour), "Nh" is N hours before, "morning" is
 * MORNING_HOUR on the deadline's day (none when the deadline is earlier that day).
 */
export function reminderTime(spec: string, deadline: Date, timeZone: string): Date | undefined {
  const match = SPEC.exec(spec);
  if (!match) return undefined;
  if (spec === "morning") {
    const local = new TZDate(deadline.getTime(), timeZone);
    const morning = new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate(),
      MORNING_HOUR,
      0,
      0,
      timeZone,
    );
    return morning.getTime() < deadline.getTime() ? new Date(morning.getTime()) : undefined;
  }
  const n = Number(match[1]);
  if (match[2] === "h") return new Date(deadline.getTime() - n * 3_600_000);
  return new Date(subDays(new TZDate(deadline.getTime(), timeZone), n).getTime());
}

/** Every reminder of the campaign in time order, one per instant. */
export function planReminders(specs: readonly string[], deadline: Date, timeZone: string): PlannedReminder[] {
  const planned = new Map<number, PlannedReminder>();
  for (const spec of specs) {
    const at = reminderTime(spec, deadline, timeZone);
    if (at && !planned.has(at.getTime())) planned.set(at.getTime(), { spec, at });
  }
  return [...planned.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The reminder to send at `now`, if any: the latest one whose time has come, provided it came after `notBefore`
 * (the announcement, or the last deadline change) and the deadline has not passed. Earlier reminders missed
 * (the bot was down, the campaign was announced late) are not sent late: the latest one says the same, fresher.
 */
export function dueReminder(
  specs: readonly string[],
  deadline: Date,
  timeZone: string,
  now: Date,
  notBefore: Date,
): PlannedReminder | undefined {
  if (now.getTime() >= deadline.getTime()) return undefined;
  const passed = planReminders(specs, deadline, timeZone).filter((r) => r.at.getTime() <= now.getTime());
  const latest = passed.at(-1);
  return latest && latest.at.getTime() >= notBefore.getTime() ? latest : undefined;
}
