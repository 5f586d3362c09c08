// Run by dispatcher-liveness.test.ts in its own process: a dispatcher that stopped yielding would freeze the whole
// process (timers included), which only a parent process can observe and end.
import type { Update } from "grammy/types";
import { sql } from "kysely";
import { createDatabase } from "../../src/db/create-database.js";
import { migrateToLatest } from "../../src/db/migrator.js";
import { startDispatcher } from "../../src/intake/dispatcher.js";
import { pendingCount, storeUpdates } from "../../src/intake/inbox.repository.js";
import { createLogger } from "../../src/logger.js";

const CHATS = 40;
const UPDATES = 600;

const { db, close } = await createDatabase({ kind: "pglite-memory" });
await migrateToLatest(db);

// Handlers that end with a query and then a number of promise turns but no I/O (as one answered from the embedded
// database alone does), so that they finish at every point of the dispatcher's own awaits. These spreads of turns
// and numbers of slots each froze the process with the loop that did not always yield.
const runs = [
  { concurrency: 2, spread: 61 },
  { concurrency: 8, spread: 61 },
  { concurrency: 2, spread: 97 },
];
let total = 0;
for (const [n, { concurrency, spread }] of runs.entries()) {
  const first = n * UPDATES + 1;
  const updates = Array.from({ length: UPDATES }, (_, i) => {
    const chat = { id: 1 + (i % CHATS), type: "private" as const, first_name: "T" };
    return { update_id: first + i, message: { message_id: i + 1, date: 0, chat, text: "x" } } as Update;
  });
  await storeUpdates(db, updates);
  let handled = 0;
  const handle = async (update: Update) => {
    await sql`select ${update.update_id}`.execute(db);
    for (let i = 0; i < (update.update_id * 7919) % spread; i++) await Promise.resolve();
    handled++;
  };
  const dispatcher = startDispatcher(
    { db, logger: createLogger("silent"), instance: "liveness", handle },
    { concurrency, leaseMs: 30_000, idlePollMs: 5 },
  );
  while (handled < UPDATES) await new Promise((r) => setTimeout(r, 10));
  await dispatcher.stop();
  total += handled;
}
console.log(`handled ${total}, pending ${await pendingCount(db)}`);
await close();
