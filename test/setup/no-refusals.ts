import { afterEach } from "vitest";
import { unexpectedRefusals } from "../helpers/telegram-refusals.js";

// A message Telegram would refuse is a bug wherever it happens, even in a test about something else: the fakes note
// each one, and the test that made it fails here (a test provoking one on purpose takes it with expectRefusals()).
afterEach(() => {
  const found = unexpectedRefusals.splice(0);
  if (found.length > 0)
    throw new Error(
      `Telegram would refuse ${found.length} call(s):\n${found
        .map((r) => `${r.method}: ${r.description}\n  ${JSON.stringify(r.text)?.slice(0, 300)}`)
        .join("\n")}`,
    );
});
