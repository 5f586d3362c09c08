import { describe, expect, it } from "vitest";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("both dialects hand the code the same JavaScript types (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("int8 ids and Telegram ids come back as numbers, timestamps as Date", async () => {
    const user = await t.db
      .insertInto("users")
      .values({ telegram_id: 7_123_456_789, telegram_name: "Lan" })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(typeof user.id).toBe("number");
    expect(user.telegram_id).toBe(7_123_456_789);
    expect(user.created_at).toBeInstanceOf(Date);
    expect(Math.abs(user.created_at.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("counts come back as numbers", async () => {
    const { n } = await t.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(n).toBe(1);
  });

  it("a date stays the calendar date it was, as 'YYYY-MM-DD', and numeric shares are numbers", async () => {
    const submitter = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    const submission = await t.db
      .insertInto("submissions")
      .values({
        kind: "initiative",
        status: "recognised",
        submitter_id: submitter.id,
        decision_date: "2020-07-14",
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(submission.decision_date).toBe("2020-07-14");
    expect(submission.fields).toEqual({});

    const author = await t.db
      .insertInto("submission_authors")
      .values({ submission_id: submission.id, position: 1, full_name: "Lan", share: 62.5 })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(author.share).toBe(62.5);
  });

  it("jsonb comes back parsed", async () => {
    await t.db
      .insertInto("conversation_state")
      .values({ key: "k", state: JSON.stringify({ a: [1, "hai"] }) })
      .execute();
    const row = await t.db.selectFrom("conversation_state").selectAll().executeTakeFirstOrThrow();
    expect(row.state).toEqual({ a: [1, "hai"] });
  });
});
