import type { SubmissionsService } from "../../src/submissions/submissions.service.js";

const NOW = new Date("2026-11-23T03:00:00Z");

/** Answers every step of an initiative draft the way a teacher would. */
export async function fillInitiative(
  s: SubmissionsService,
  userId: number,
  id: number,
  title = "Dạy học STEM qua dự án",
  texts: { problem?: string; essence?: string } = {},
) {
  const answers: [string, string][] = [
    ["title", title],
    ["initiativeType", "initiative"],
    ["field", "teaching"],
    ["problem", texts.problem ?? "Học sinh thụ động."],
    ["firstAppliedOn", "05/09/2025"],
    ["essence", texts.essence ?? "Tổ chức dạy học theo dự án."],
    ["conditions", "Phòng học STEM."],
    ["benefits", "Kết quả học tập tăng 15%."],
  ];
  for (const [key, value] of answers) await s.answer(userId, id, key, value, NOW);
  await s.skip(userId, id, "confidential");
  await s.answer(userId, id, "coAuthors", "Trần Văn Bình; THPT Lê Lợi; 30", NOW);
  await s.answer(userId, id, "myShare", "70", NOW);
  await s.answer(userId, id, "scopeProposed", "province", NOW);
  return s.finishAttachments(userId, id);
}
