import { z } from "zod";

export const SUPPORTED_LOCALES = ["vi", "en"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

const BOT_TOKEN_HELP =
  "Create a bot with @BotFather in Telegram (send /newbot), then set BOT_TOKEN to the token it gives you, " +
  "e.g. in a .env file: BOT_TOKEN=123456789:AA...";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A text variable; left empty (as .env.example leaves it) or unset, the default. */
const textOr = (fallback: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().default(fallback),
  );

/** "a | b | c": one line each (an environment variable holds one line). */
const lines = (raw: string) =>
  raw
    .split("|")
    .map((l) => l.trim())
    .filter(Boolean);

/** The legal bases of a recognition of initiatives, as the decision cites them unless DECISION_LEGAL_BASES says otherwise. */
const DEFAULT_LEGAL_BASES = [
  "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
  "Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;",
  "Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;",
  "Căn cứ Quyết định của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Giáo dục và Đào tạo;",
  "Căn cứ kết quả xét, đánh giá của Hội đồng Sáng kiến;",
  "Theo đề nghị của Chủ tịch Hội đồng Sáng kiến.",
];

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  BOT_TOKEN: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: `missing. ${BOT_TOKEN_HELP}` })
      .trim()
      .regex(/^\d+:[\w-]{20,}$/, `does not look like a bot token. ${BOT_TOKEN_HELP}`),
  ),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
  ),
  DATA_DIR: z.string().trim().min(1).default("./data"),
  TELEGRAM_API_ROOT: optionalString.pipe(
    z.url({ error: "must be a URL such as http://127.0.0.1:8081" }).optional(),
  ),
  ADMIN_TELEGRAM_IDS: z
    .string()
    .default("")
    .transform((raw, ctx) => {
      const ids: number[] = [];
      for (const part of raw
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const id = Number(part);
        if (!Number.isSafeInteger(id) || id <= 0) {
          ctx.addIssue({
            code: "custom",
            message: `"${part}" is not a Telegram user id (a positive number)`,
          });
          return z.NEVER;
        }
        ids.push(id);
      }
      return ids;
    }),
  TIMEZONE: z
    .string()
    .trim()
    .default("Asia/Ho_Chi_Minh")
    .refine(isTimeZone, { error: "is not an IANA time zone such as Asia/Ho_Chi_Minh" }),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES, { error: "must be vi or en" }).default("vi"),
  BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
  WEBHOOK_URL: optionalString.pipe(z.url({ error: "must be an https URL" }).optional()),
  WEBHOOK_SECRET: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,256}$/, "may hold only A-Z, a-z, 0-9, _ and - (1 to 256 characters)")
      .optional(),
  ),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(8080),
  MIN_AUTHOR_SHARE: z.coerce
    .number({ error: "must be a percentage such as 10" })
    .min(1, "must be at least 1")
    .max(50, "must be at most 50")
    .default(10),
  DECISION_DUE_MONTHS: z.coerce
    .number({ error: "must be a number of months" })
    .int("must be a whole number of months")
    .min(1, "must be at least 1")
    .max(24, "must be at most 24")
    .default(3),
  DECISION_PASS_MARK: z.coerce
    .number({ error: "must be a score from 0 to 10 such as 5" })
    .min(0, "must be at least 0")
    .max(10, "must be at most 10")
    .default(5),
  BROADCAST_RATE: z.coerce
    .number({ error: "must be a number of messages per second" })
    .int("must be a whole number of messages per second")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000 (Telegram's limit with paid broadcasts)")
    .default(25),
  BROADCAST_PAID: z
    .enum(["true", "false", "1", "0", ""], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: "must be a number of updates per minute" })
    .int("must be a whole number")
    .min(10, "must be at least 10")
    .max(100_000, "must be at most 100000")
    .default(120),
  UPDATE_CONCURRENCY: z.coerce
    .number({ error: "must be a number of updates" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(500, "must be at most 500")
    .default(64),
  UPDATE_LEASE_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .min(1, "must be at least 1")
    .max(600, "must be at most 600")
    .default(30),
  DECISION_ISSUER_PARENT: textOr("UBND TỈNH ……"),
  DECISION_ISSUER: textOr("SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
  DECISION_PLACE: textOr("……"),
  DECISION_LEGAL_BASES: textOr(DEFAULT_LEGAL_BASES.join(" | ")).transform(lines),
  DECISION_SIGNER_TITLE: textOr("KT. GIÁM ĐỐC | PHÓ GIÁM ĐỐC").transform(lines),
  DECISION_RECIPIENTS: textOr("Như Điều 3; | Lưu: VT, TĐKT.").transform(lines),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  LOG_FORMAT: z
    .enum(["auto", "pretty", "json"], { error: "must be one of auto, pretty, json" })
    .default("auto"),
});

/** Checked on the raw environment, because zod skips object-level refinements once a field has failed. */
function webhookProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.BOT_MODE?.trim() !== "webhook") return [];
  return (["WEBHOOK_URL", "WEBHOOK_SECRET"] as const)
    .filter((name) => !env[name]?.trim())
    .map((name) => `${name}: required when BOT_MODE=webhook`);
}

/** Above about 30/s Telegram answers 429 unless paid broadcasts are on. */
function broadcastProblems(env: NodeJS.ProcessEnv): string[] {
  const rate = Number(env.BROADCAST_RATE ?? 25);
  const paid = ["true", "1"].includes(env.BROADCAST_PAID?.trim() ?? "");
  return rate > 30 && !paid
    ? ["BROADCAST_RATE: above 30 messages per second needs BROADCAST_PAID=true (Telegram's paid broadcasts)"]
    : [];
}

export type Config = {
  botToken: string;
  databaseUrl: string | undefined;
  dataDir: string;
  telegramApiRoot: string | undefined;
  adminTelegramIds: number[];
  timezone: string;
  defaultLocale: Locale;
  botMode: "polling" | "webhook";
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  port: number;
  /** Smallest contribution share of one author of an initiative, in percent. */
  minAuthorShare: number;
  /** Months from receipt by which a decision on a submission is due. */
  decisionDueMonths: number;
  /** The council's average score from which a batch decision proposes recognition. */
  decisionPassMark: number;
  /** Broadcast messages per second (Telegram allows about 30 without paid broadcasts). */
  broadcastRate: number;
  /** Send broadcasts with allow_paid_broadcast (Telegram Stars), for rates up to 1000/s. */
  broadcastPaid: boolean;
  /** Updates one person may send in a minute; the rest of that minute is dropped, with one notice. */
  rateLimitPerMinute: number;
  /** Updates handled at once by this instance (each of a different chat). */
  updateConcurrency: number;
  /** How long another instance waits before taking over an update this one claimed and then died on. */
  updateLeaseMs: number;
  /** What the decision's and the certificates' heading and closing say (DECISION_*). */
  documents: DocumentSettings;
  logLevel: string;
  /** pretty: one readable line per event; json: one JSON object per line; auto: pretty on a terminal. */
  logFormat: "auto" | "pretty" | "json";
};

/** The fixed texts of the department's documents: who issues them, where, on what legal bases, who signs. */
export interface DocumentSettings {
  /** The issuing body's parent, e.g. "UBND TỈNH LÂM ĐỒNG". */
  issuerParent: string;
  /** The issuing body, e.g. "SỞ GIÁO DỤC VÀ ĐÀO TẠO". */
  issuer: string;
  /** The place before the date, e.g. "Đà Lạt". */
  place: string;
  /** The "Căn cứ …" lines, in order. */
  legalBases: string[];
  /** Above the signer's name, line by line, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signerTitle: string[];
  /** "Nơi nhận" lines. */
  recipients: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment once; throws a ConfigError that lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  const problems = [
    ...(parsed.error?.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`) ?? []),
    ...webhookProblems(env),
    ...broadcastProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const c = parsed.data;
  return {
    botToken: c.BOT_TOKEN,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    telegramApiRoot: c.TELEGRAM_API_ROOT,
    adminTelegramIds: c.ADMIN_TELEGRAM_IDS,
    timezone: c.TIMEZONE,
    defaultLocale: c.DEFAULT_LOCALE,
    botMode: c.BOT_MODE,
    webhookUrl: c.WEBHOOK_URL,
    webhookSecret: c.WEBHOOK_SECRET,
    port: c.PORT,
    minAuthorShare: c.MIN_AUTHOR_SHARE,
    decisionDueMonths: c.DECISION_DUE_MONTHS,
    decisionPassMark: c.DECISION_PASS_MARK,
    broadcastRate: c.BROADCAST_RATE,
    broadcastPaid: c.BROADCAST_PAID,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    updateConcurrency: c.UPDATE_CONCURRENCY,
    updateLeaseMs: c.UPDATE_LEASE_SECONDS * 1000,
    documents: {
      issuerParent: c.DECISION_ISSUER_PARENT,
      issuer: c.DECISION_ISSUER,
      place: c.DECISION_PLACE,
      legalBases: c.DECISION_LEGAL_BASES,
      signerTitle: c.DECISION_SIGNER_TITLE,
      recipients: c.DECISION_RECIPIENTS,
    },
    logLevel: c.LOG_LEVEL,
    logFormat: c.LOG_FORMAT,
  };
}
