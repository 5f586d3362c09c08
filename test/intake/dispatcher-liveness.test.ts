import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, TSX } from "../helpers/bot-process.js";

// On the embedded database a query never waits for I/O: every await of the dispatcher's loop can resolve within one
// turn of the event loop. A loop that went round without awaiting (all slots busy, a finished update waiting to be
// marked) then spun for ever: no timer, no Telegram reply, no lease renewal ran again (the bot froze under load).
it("the dispatcher lets the process run while its handlers finish without I/O (embedded database)", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", TSX, join(ROOT, "test", "intake", "dispatcher-liveness.script.ts")],
    { encoding: "utf8", timeout: 50_000, env: { PATH: process.env.PATH } },
  );
  expect(run.signal, `the process was killed, frozen:\n${run.stdout}${run.stderr}`).toBeNull();
  expect(run.stdout.trim()).toBe("handled 1800, pending 0");
});
