import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnn";

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has working defaults with only BOT_TOKEN", () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toEqual({
      botToken: TOKEN,
      databaseUrl: undefined,
      dataDir: "./data",
      telegramApiRoot: undefined,
      adminTelegramIds: [],
      timezone: "Asia/Ho_Chi_Minh",
      defaultLocale: "vi",
      botMode: "polling",
      webhookUrl: undefined,
      webhookSecret: undefined,
      port: 8080,
      minAuthorShare: 10,
      decisionDueMonths: 3,
      decisionPassMark: 5,
      broadcastRate: 25,
      broadcastPaid: false,
      rateLimitPerMinute: 120,
      updateConcurrency: 64,
      updateLeaseMs: 30_000,
      documents: expect.objectContaining({ issuer: "SỞ GIÁO DỤC VÀ ĐÀO TẠO", place: "……" }),
      logLevel: "info",
      logFormat: "auto",
    });
  });

  it("reads the documents' texts, lists separated by |, and takes the defaults for empty ones", () => {
    const defaults = loadConfig({ BOT_TOKEN: TOKEN }).documents;
    expect(defaults.legalBases[0]).toBe("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    expect(defaults.signerTitle).toEqual(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]);
    // As .env.example leaves them: empty means the default, not nothing.
    expect(
      loadConfig({ BOT_TOKEN: TOKEN, DECISION_LEGAL_BASES: "", DECISION_ISSUER: " " }).documents,
    ).toEqual(defaults);
    const own = loadConfig({
      BOT_TOKEN: TOKEN,
      DECISION_ISSUER_PARENT: "UBND TỈNH LÂM ĐỒNG",
      DECISION_PLACE: "Đà Lạt",
      DECISION_LEGAL_BASES: " Căn cứ A; |Căn cứ B;| ",
      DECISION_SIGNER_TITLE: "GIÁM ĐỐC",
    }).documents;
    expect(own).toMatchObject({
      issuerParent: "UBND TỈNH LÂM ĐỒNG",
      place: "Đà Lạt",
      legalBases: ["Căn cứ A;", "Căn cứ B;"],
      signerTitle: ["GIÁM ĐỐC"],
    });
  });

  it("keeps broadcasts within Telegram's free limit unless paid broadcasts are on", () => {
    expect(problems({ BOT_TOKEN: TOKEN, BROADCAST_RATE: "100" })).toEqual([
      "BROADCAST_RATE: above 30 messages per second needs BROADCAST_PAID=true (Telegram's paid broadcasts)",
    ]);
    expect(
      problems({ BOT_TOKEN: TOKEN, BROADCAST_RATE: "fast", BROADCAST_PAID: "maybe" }).map(
        (p) => p.split(":")[0],
      ),
    ).toEqual(["BROADCAST_RATE", "BROADCAST_PAID"]);
    const paid = loadConfig({ BOT_TOKEN: TOKEN, BROADCAST_RATE: "1000", BROADCAST_PAID: "true" });
    expect([paid.broadcastRate, paid.broadcastPaid]).toEqual([1000, true]);
    expect(problems({ BOT_TOKEN: TOKEN, BROADCAST_RATE: "1001", BROADCAST_PAID: "true" })).toHaveLength(1);
  });

  it("explains a missing or empty BOT_TOKEN with how to get one", () => {
    for (const env of [{}, { BOT_TOKEN: "  " }]) {
      const [problem] = problems(env);
      expect(problem).toMatch(/^BOT_TOKEN: missing\. .*@BotFather/);
    }
  });

  it("lists every invalid variable at once", () => {
    const found = problems({
      BOT_TOKEN: "abc",
      DATABASE_URL: "mysql://x",
      TELEGRAM_API_ROOT: "not a url",
      ADMIN_TELEGRAM_IDS: "12, x",
      TIMEZONE: "Asia/Hanoi_City",
      DEFAULT_LOCALE: "fr",
      BOT_MODE: "webhook",
      PORT: "70000",
      LOG_LEVEL: "loud",
      LOG_FORMAT: "fancy",
    });
    const names = found.map((p) => p.split(":")[0]);
    expect(names.sort()).toEqual(
      [
        "ADMIN_TELEGRAM_IDS",
        "BOT_TOKEN",
        "DATABASE_URL",
        "DEFAULT_LOCALE",
        "LOG_FORMAT",
        "LOG_LEVEL",
        "PORT",
        "TELEGRAM_API_ROOT",
        "TIMEZONE",
        "WEBHOOK_SECRET",
        "WEBHOOK_URL",
      ].sort(),
    );
  });

  it("parses the administrators and the webhook settings", () => {
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      ADMIN_TELEGRAM_IDS: " 111, 222 ,",
      BOT_MODE: "webhook",
      WEBHOOK_URL: "https://bot.example.org/tg",
      WEBHOOK_SECRET: "abc_DEF-123",
      PORT: "3000",
      DATABASE_URL: "",
    });
    expect(config).toMatchObject({
      adminTelegramIds: [111, 222],
      botMode: "webhook",
      webhookUrl: "https://bot.example.org/tg",
      port: 3000,
      databaseUrl: undefined,
    });
  });
});
