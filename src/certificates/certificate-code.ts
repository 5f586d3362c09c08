import { randomBytes } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** 20 base32 characters: 100 random bits, far beyond guessing, and "v_" + code fits a 64-character start link. */
export const CODE_LENGTH = 20;
const CODE = new RegExp(`^[A-Z2-7]{${CODE_LENGTH}}$`);

/** A fresh certificate code from the operating system's random source. */
export function newCertificateCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}

/** The code as printed for people: ABCD-EFGH-IJKL-MNOP-QRST. */
export const printedCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

/** A code as someone typed or scanned it (any case, dashes, spaces), or undefined if it cannot be one. */
export function readCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return CODE.test(code) ? code : undefined;
}

/** The link the QR code carries: it opens the bot with /start v_<code>. */
export const verificationLink = (botUsername: string, code: string) =>
  `https://t.me/${botUsername}?start=v_${code}`;
