import { describe, expect, it } from "vitest";
import { dueReminder, planReminders, reminderTime } from "../../src/campaigns/reminder-schedule.js";

const VN = "Asia/Ho_Chi_Minh";
const iso = (d: Date | undefined) => d?.toISOString();

describe("reminder times", () => {
  it("counts calendar days back across a month end, in the department's time zone", () => {
    // 17:00 on 2 December in Hà Nội (UTC+7).
    const deadline = new Date("2026-12-02T10:00:00Z");
    expect(iso(reminderTime("7d", deadline, VN))).toBe("2026-11-25T10:00:00.000Z");
    expect(iso(reminderTime("3d", deadline, VN))).toBe("2026-11-29T10:00:00.000Z");
    expect(iso(reminderTime("1d", deadline, VN))).toBe("2026-12-01T10:00:00.000Z");
    // 07:00 local on the deadline's day is 00:00 UTC.
    expect(iso(reminderTime("morning", deadline, VN))).toBe("2026-12-02T00:00:00.000Z");
    expect(iso(reminderTime("12h", deadline, VN))).toBe("2026-12-01T22:00:00.000Z");
  });

  it("takes the deadline's local day, not its UTC day, for the morning reminder", () => {
    // 01:00 on 1 March in Hà Nội is still 28 February in UTC; the morning of 1 March local is after it.
    const deadline = new Date("2027-02-28T18:00:00Z");
    expect(reminderTime("morning", deadline, VN)).toBeUndefined();
    // 16:59 on 1 March local: morning is 07:00 on 1 March local.
    expect(iso(reminderTime("morning", new Date("2027-03-01T09:59:00Z"), VN))).toBe(
      "2027-03-01T00:00:00.000Z",
    );
  });

  it("keeps the wall-clock time across a daylight-saving change", () => {
    // Berlin moves to summer time on 29 March 2026: 7 days before 10:00 CEST is 10:00 CET, 169 hours earlier.
    const deadline = new Date("2026-04-01T08:00:00Z");
    const at = reminderTime("7d", deadline, "Europe/Berlin");
    expect(iso(at)).toBe("2026-03-25T09:00:00.000Z");
  });

  it("rejects a malformed spec and drops duplicate instants", () => {
    expect(reminderTime("soon", new Date(), VN)).toBeUndefined();
    const deadline = new Date("2026-12-02T10:00:00Z");
    expect(planReminders(["1d", "24h", "3d"], deadline, VN).map((r) => r.spec)).toEqual(["3d", "1d"]);
  });

  it("sends only the latest reminder due, never one planned before the announcement, never after the deadline", () => {
    const deadline = new Date("2026-12-02T10:00:00Z");
    const specs = ["7d", "3d", "1d", "morning"];
    const announced = new Date("2026-11-20T00:00:00Z");
    expect(dueReminder(specs, deadline, VN, new Date("2026-11-25T09:59:00Z"), announced)).toBeUndefined();
    expect(dueReminder(specs, deadline, VN, new Date("2026-11-25T10:00:00Z"), announced)?.spec).toBe("7d");
    // The bot was down from 24 November to 30 November: the 3-day reminder, not the 7-day one.
    expect(dueReminder(specs, deadline, VN, new Date("2026-11-30T08:00:00Z"), announced)?.spec).toBe("3d");
    expect(dueReminder(specs, deadline, VN, new Date("2026-12-02T00:30:00Z"), announced)?.spec).toBe(
      "morning",
    );
    expect(dueReminder(specs, deadline, VN, deadline, announced)).toBeUndefined();
    // Announced on 30 November: the 7- and 3-day reminders belong to before it.
    const late = new Date("2026-11-30T12:00:00Z");
    expect(dueReminder(specs, deadline, VN, new Date("2026-11-30T13:00:00Z"), late)).toBeUndefined();
    expect(dueReminder(specs, deadline, VN, new Date("2026-12-01T10:00:00Z"), late)?.spec).toBe("1d");
  });
});
