import type { Scope } from "../db/types.js";

// The department's documents are official Vietnamese documents whatever language their reader's bot speaks, so
// their words live here (in Vietnamese, in the form Nghị định 30/2020/NĐ-CP gives them), not in the UI locales.

export const NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập – Tự do – Hạnh phúc";

/** "phạm vi ảnh hưởng" as a decision and a certificate state it. */
export const SCOPE_WORDS: Record<Scope, string> = {
  unit: "cấp cơ sở",
  province: "cấp tỉnh",
  nation: "toàn quốc",
};

const twoDigits = (n: number) => String(n).padStart(2, "0");

/**
 * "ngày 05 tháng 01 năm 2026" for a stored 'YYYY-MM-DD': a day below 10 and the months 1 and 2 take a leading
 * zero (Nghị định 30/2020/NĐ-CP, Phụ lục I).
 */
export function officialDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `ngày ${twoDigits(d)} tháng ${m <= 2 ? twoDigits(m) : m} năm ${y}`;
}

/** A share as people write it: 70, 62,5. */
export const shareText = (share: number) => String(Number(share.toFixed(2))).replace(".", ",");
