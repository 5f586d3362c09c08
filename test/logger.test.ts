import { Writable } from "node:stream";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger("info", stream), text: () => lines.join("") };
}

describe("the logs", () => {
  it("never carry the bot token, even inside an error's cause or message", () => {
    const { logger, text } = capture();
    const network = new TypeError("fetch failed", {
      cause: new Error(`connect ECONNREFUSED https://api.telegram.org/bot${TOKEN}/getMe`),
    });
    logger.error(
      { err: new HttpError(`Network request for 'getMe' failed!`, network) },
      "Telegram unreachable",
    );
    logger.warn(`calling https://api.telegram.org/bot${TOKEN}/sendMessage`);
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain("ECONNREFUSED");
    expect(text()).toContain("[redacted]");
  });

  it("never carry a message's text from a failed call's payload", () => {
    const { logger, text } = capture();
    const err = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 400, description: "Bad Request: chat not found" },
      "sendMessage",
      { chat_id: 1, text: "Lý do không công nhận: Nguyễn Thị Lan sao chép" },
    );
    logger.error({ err }, "update failed");
    expect(text()).not.toContain("Nguyễn Thị Lan");
    expect(text()).toContain("chat not found");
    expect(text()).toContain('"error_code":400');
  });
});
