import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, InProcessBot } from "../helpers/in-process-bot.js";
import { createTestDatabase, DIALECTS, type TestDatabase } from "../helpers/test-database.js";

const ADMIN = 9001;
const PERSON = 9002;
const TEACHER = 9003;
const ERASED = 9004;

/** Role holders see their commands in the Telegram menu of their own chat, in their language, kept in step. */
describe.each(DIALECTS)("role-scoped command menus (%s)", (dialect) => {
  let t: TestDatabase;
  let h: InProcessBot;

  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    h = new InProcessBot(t.db);
    await h.bot.init();
    await h.services.users.bootstrapAdmins([ADMIN]);
    await h.chat(PERSON).send("/help"); // known to the bot from their first message
  });

  afterAll(async () => {
    await t.close();
  });

  /** The menu calls for one person's chat since `since`. */
  const menuCalls = (since: number, chatId: number) =>
    h.calls
      .slice(since)
      .filter((c) => c.method === "setMyCommands" || c.method === "deleteMyCommands")
      .filter((c) => (c.payload.scope as { chat_id?: number } | undefined)?.chat_id === chatId);
  const commandsOf = (call: { payload: Record<string, unknown> } | undefined) =>
    (call?.payload.commands as { command: string; description: string }[] | undefined)?.map((c) => c.command);

  it("gives a first administrator the administrators' commands at start, after everyone's", async () => {
    const since = h.calls.length;
    await h.bot.menus.refresh(ADMIN);
    const [menu] = menuCalls(since, ADMIN);
    expect(menu?.method).toBe("setMyCommands");
    expect(menu?.payload.scope).toEqual({ type: "chat", chat_id: ADMIN });
    const commands = commandsOf(menu) ?? [];
    expect(commands.slice(0, 3)).toEqual(["submit", "my", "drafts"]);
    for (const command of [
      "decide",
      "decisions",
      "council",
      "newcampaign",
      "broadcasts",
      "stats",
      "export",
      "roles",
    ])
      expect(commands).toContain(command);
    expect(commands).not.toContain("queue");
  });

  it("adds a granted role's commands to that person's menu, in their language, and follows a language change", async () => {
    let since = h.calls.length;
    await h.chat(ADMIN).send(`/roles grant reviewer ${PERSON}`);
    const [granted] = menuCalls(since, PERSON);
    expect(commandsOf(granted)).toContain("review");
    expect(commandsOf(granted)).not.toContain("decide");
    expect(granted?.payload.commands).toContainEqual({
      command: "review",
      description: "Hồ sơ được giao cho tôi chấm",
    });

    since = h.calls.length;
    await h.chat(PERSON).press("lang:en");
    const [english] = menuCalls(since, PERSON);
    expect(english?.payload.commands).toContainEqual({
      command: "review",
      description: "Submissions assigned to me for scoring",
    });
  });

  it("gives the everyone menu back when the last role is revoked", async () => {
    const since = h.calls.length;
    await h.chat(ADMIN).send(`/roles revoke reviewer ${PERSON}`);
    const calls = menuCalls(since, PERSON);
    expect(calls.map((c) => c.method)).toEqual(["deleteMyCommands"]);
  });

  it("gives the everyone menu back to a role holder whose data is erased", async () => {
    await h.chat(ERASED).send("/help");
    await h.chat(ADMIN).send(`/roles grant reviewer ${ERASED}`);
    const since = h.calls.length;
    const confirm = buttonsOf(await h.chat(ADMIN).send(`/erase ${ERASED}`))[0];
    await h.chat(ADMIN).press(confirm?.data ?? "");
    expect(menuCalls(since, ERASED).map((c) => c.method)).toEqual(["deleteMyCommands"]);
  });

  it("leaves a teacher without a role on the everyone menu, even when they change language", async () => {
    const since = h.calls.length;
    await h.chat(TEACHER).send("/help");
    await h.chat(TEACHER).press("lang:en");
    expect(menuCalls(since, TEACHER)).toEqual([]);
  });
});
