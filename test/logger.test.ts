import { Writable } from "node:stream";
import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, logFormatFor } from "../src/logger.js";

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

describe("the log format", () => {
  it("is readable on a terminal, one line per event, and still never carries the token", () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger("info", stream, "pretty");
    logger.info({ update_id: 7 }, "bot is taking updates by long polling");
    logger.warn(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    const network = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") });
    logger.warn(
      { err: new HttpError("Network request for 'getMe' failed!", network), attempt: 2 },
      "cannot reach the Telegram Bot API",
    );
    const text = lines.join("");
    const events = text.trimEnd().split("\n");
    expect(events).toHaveLength(3);
    expect(events[0]).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: bot is taking updates by long polling \{.*"update_id":7/,
    );
    expect(events[1]).toMatch(/WARN: calling https:\/\/api\.telegram\.org\/bot\[redacted\]\/getMe/);
    expect(events[2]).toContain(
      "cannot reach the Telegram Bot API — HttpError: Network request for 'getMe' failed! ← TypeError: fetch failed ← Error: connect ECONNREFUSED 127.0.0.1:9",
    );
    expect(events[2]).toContain('"attempt":2');
    expect(text).not.toContain(TOKEN);
  });

  it("is chosen by LOG_FORMAT: auto means pretty on a terminal and JSON for anything else", () => {
    expect(logFormatFor("auto", true)).toBe("pretty");
    expect(logFormatFor("auto", false)).toBe("json");
    expect(logFormatFor("json", true)).toBe("json");
    expect(logFormatFor("pretty", false)).toBe("pretty");
  });
});
