import { describe, expect, it } from "vitest";
import { deleteIdleConversationStates } from "../../src/conversations/conversation-state.repository.js";
import { postgresConversationStorage } from "../../src/conversations/conversation-storage.js";
import { DIALECTS, useTestDatabase } from "../helpers/test-database.js";

describe.each(DIALECTS)("conversation storage on the conversation_state table (%s)", (dialect) => {
  const t = useTestDatabase(dialect);

  it("reads back what it wrote, overwrites, and deletes", async () => {
    const storage = postgresConversationStorage<{ step: number }>(t.db);
    expect(await storage.read("chat:1")).toBeUndefined();
    await storage.write("chat:1", { version: [0, 1], state: { step: 1 } });
    await storage.write("chat:1", { version: [0, 1], state: { step: 2 } });
    expect(await storage.read("chat:1")).toEqual({ version: [0, 1], state: { step: 2 } });
    await storage.delete("chat:1");
    expect(await storage.read("chat:1")).toBeUndefined();
  });

  it("housekeeping removes only idle states", async () => {
    const storage = postgresConversationStorage<{ step: number }>(t.db);
    await storage.write("chat:old", { version: [0, 1], state: { step: 1 } });
    await storage.write("chat:new", { version: [0, 1], state: { step: 1 } });
    await t.db
      .updateTable("conversation_state")
      .set({ updated_at: new Date("2020-01-01T00:00:00Z") })
      .where("key", "=", "chat:old")
      .execute();
    expect(await deleteIdleConversationStates(t.db, new Date("2021-01-01T00:00:00Z"))).toBe(1);
    expect(await storage.read("chat:old")).toBeUndefined();
    expect(await storage.read("chat:new")).toBeDefined();
  });
});
