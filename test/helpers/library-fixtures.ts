import type { Kysely } from "kysely";
import type { Database, Scope, SubmissionStatus } from "../../src/db/types.js";
import { foldForSearch } from "../../src/shared/text.js";

export interface InitiativeSeed {
  code: string;
  title: string;
  essence?: string;
  problem?: string;
  benefits?: string;
  field?: string;
  year?: string;
  scope?: Scope;
  status?: SubmissionStatus;
  unitId: number;
  submitterId: number;
  authorName?: string;
  shareFiles?: boolean;
  files?: number;
}

/** Inserts a submission as the bot leaves it once decided: its fields, authors and files. */
export async function insertInitiative(db: Kysely<Database>, s: InitiativeSeed): Promise<number> {
  const status = s.status ?? "recognised";
  const decided = status === "recognised";
  const row = await db
    .insertInto("submissions")
    .values({
      kind: "initiative",
      status,
      code: s.code,
      title: s.title,
      search_title: foldForSearch(s.title),
      submitter_id: s.submitterId,
      unit_id: s.unitId,
      school_year: s.year ?? "2025-2026",
      fields: JSON.stringify({
        title: s.title,
        field: s.field ?? "teaching",
        problem: s.problem ?? "",
        essence: s.essence ?? "",
        benefits: s.benefits ?? "",
      }),
      submitted_at: new Date("2026-03-01T03:00:00Z"),
      scope_recognised: decided ? (s.scope ?? "unit") : null,
      decision_number: decided ? `QĐ-${s.code}` : null,
      decision_date: decided ? "2026-05-20" : null,
      decided_at: decided ? new Date("2026-05-20T03:00:00Z") : null,
      share_files: s.shareFiles ?? true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await db
    .insertInto("submission_authors")
    .values({
      submission_id: id,
      position: 1,
      user_id: s.submitterId,
      full_name: s.authorName ?? "Nguyễn Thị Lan",
      unit_name: null,
      share: 100,
    })
    .execute();
  for (let i = 0; i < (s.files ?? 0); i++)
    await db
      .insertInto("attachments")
      .values({
        submission_id: id,
        kind: "document",
        telegram_file_id: `lib-file-${id}-${i}`,
        telegram_file_unique_id: `lib-unique-${id}-${i}`,
        file_name: `sang-kien-${i}.pdf`,
        mime_type: "application/pdf",
        size_bytes: 1000,
      })
      .execute();
  return id;
}

/** A small library: Vietnamese titles and texts whose words recur across initiatives, with đ/Đ among them. */
export const LIBRARY_TEXTS: Omit<InitiativeSeed, "unitId" | "submitterId" | "code">[] = [
  {
    title: "Đổi mới phương pháp dạy học môn Toán bằng trò chơi",
    essence: "Tổ chức trò chơi học tập giúp học sinh lớp 6 hứng thú, chủ động khám phá kiến thức.",
    field: "teaching",
    year: "2024-2025",
    scope: "province",
  },
  {
    title: "Ứng dụng chuyển đổi số trong quản lý hồ sơ học sinh",
    essence: "Số hoá học bạ và sổ điểm, đồng bộ với cơ sở dữ liệu ngành giáo dục.",
    field: "ict",
    year: "2025-2026",
    scope: "unit",
  },
  {
    title: "Đánh giá năng lực học sinh qua dự án học tập",
    problem: "Đánh giá chỉ bằng bài kiểm tra viết chưa phản ánh đúng năng lực.",
    essence: "Xây dựng bộ tiêu chí đánh giá dự án theo định hướng phát triển năng lực.",
    field: "assessment",
    year: "2025-2026",
    scope: "nation",
  },
  {
    title: "Giáo dục kỹ năng sống cho học sinh trung học cơ sở",
    essence: "Hoạt động trải nghiệm hàng tuần, đội ngũ giáo viên chủ nhiệm phối hợp với phụ huynh.",
    field: "student_affairs",
    year: "2024-2025",
    scope: "unit",
  },
  {
    title: "Nâng cao chất lượng đội ngũ giáo viên qua sinh hoạt chuyên môn theo nghiên cứu bài học",
    essence: "Dự giờ, phân tích bài học và điều chỉnh phương pháp dạy học sau mỗi chu kỳ.",
    field: "management",
    year: "2023-2024",
    scope: "province",
  },
  {
    title: "Dạy học tích hợp liên môn Vật lí và Công nghệ",
    essence: "Học sinh thiết kế đồ dùng học tập, đánh giá sản phẩm theo nhóm.",
    field: "teaching",
    year: "2025-2026",
    scope: "province",
  },
];

/** Queries typed with diacritics (one to five words), each also typed without them by the tests. */
export const LIBRARY_QUERIES = [
  "đổi mới",
  "Đánh giá",
  "phương pháp dạy học",
  "học sinh",
  "chuyển đổi số",
  "đội ngũ giáo viên",
  "năng lực học sinh dự án",
  "trò chơi học tập lớp 6",
  "đồ dùng học tập",
  "dạy",
  "Vật lí Công nghệ",
];
