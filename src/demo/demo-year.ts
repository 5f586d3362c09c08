import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { TZDate } from "@date-fns/tz";
import type { Kysely } from "kysely";
import { DEFAULT_REMINDERS, reminderTime } from "../campaigns/reminder-schedule.js";
import type { Database, Scope } from "../db/types.js";
import { PROJECT_ROOT } from "../paths.js";
import type { Services } from "../services.js";
import { dateIn } from "../shared/time.js";
import { findUnitByCode } from "../units/units.repository.js";
import { BACKGROUND_PEOPLE, DEMO_PEOPLE, type DemoPerson } from "./people.js";

const DAY = 86_400_000;

/** A moment worth setting the demo's clock to, with what it shows. */
export interface Milestone {
  label: string;
  at: Date;
}

interface Initiative {
  title: string;
  problem: string;
  essence: string;
  benefits: string;
  scope: Scope;
}

const INITIATIVES: Record<string, Initiative> = {
  mindMap: {
    title: "Ứng dụng sơ đồ tư duy trong dạy học Lịch sử lớp 11",
    problem: "Học sinh khó ghi nhớ các mốc sự kiện, giờ học nặng về thuyết trình.",
    essence: "Học sinh tự vẽ sơ đồ tư duy theo nhóm sau mỗi chủ đề, giáo viên chữa và hệ thống hóa trên lớp.",
    benefits: "Tỉ lệ học sinh đạt khá, giỏi tăng từ 48% lên 71% sau một học kỳ.",
    scope: "province",
  },
  quizBank: {
    title: "Xây dựng ngân hàng câu hỏi trắc nghiệm trực tuyến môn Toán",
    problem: "Đề kiểm tra thường xuyên soạn lại mỗi năm, khó bảo đảm tương đương giữa các lớp.",
    essence: "Ngân hàng 1.200 câu hỏi theo ma trận, phân mức độ, trộn đề tự động trên nền tảng miễn phí.",
    benefits: "Giảm 60% thời gian ra đề; tổ Toán cả trường cùng dùng.",
    scope: "unit",
  },
  readingClub: {
    title: "Tổ chức câu lạc bộ đọc sách cho học sinh THCS",
    problem: "Thư viện ít học sinh đến, văn hóa đọc chưa được hình thành.",
    essence: "Câu lạc bộ họp hằng tuần, học sinh giới thiệu sách bằng video ngắn và sân khấu hóa.",
    benefits: "Số lượt mượn sách tăng gấp ba trong năm học.",
    scope: "unit",
  },
  greenHouse: {
    title: "Dạy học STEM qua dự án “Ngôi nhà xanh”",
    problem: "Kiến thức Vật lý, Sinh học, Công nghệ được dạy rời rạc.",
    essence: "Học sinh thiết kế mô hình nhà tiết kiệm năng lượng, đo đạc và báo cáo kết quả theo nhóm.",
    benefits: "Ba sản phẩm đạt giải cuộc thi Khoa học kỹ thuật cấp tỉnh.",
    scope: "province",
  },
  englishGames: {
    title: "Sử dụng trò chơi học tập trong giờ Tiếng Anh",
    problem: "Học sinh ngại nói tiếng Anh trước lớp.",
    essence: "Bộ 30 trò chơi ngắn gắn với từng bài học, tổ chức trong 10 phút đầu giờ.",
    benefits: "Tỉ lệ học sinh tham gia phát biểu tăng rõ rệt.",
    scope: "unit",
  },
  aiMarking: {
    title: "Ứng dụng trí tuệ nhân tạo hỗ trợ nhận xét bài viết Ngữ văn",
    problem: "Giáo viên mất nhiều thời gian nhận xét chi tiết từng bài viết.",
    essence: "Quy trình dùng công cụ AI gợi ý nhận xét, giáo viên thẩm định và bổ sung trước khi trả bài.",
    benefits: "Mỗi học sinh nhận nhận xét chi tiết trong 2 ngày thay vì 1 tuần.",
    scope: "province",
  },
  worksheets: {
    title: "Phiếu học tập số môn Ngữ văn lớp 10",
    problem: "Phiếu giấy khó cập nhật, không theo dõi được tiến độ của từng học sinh.",
    essence: "Bộ phiếu học tập số có phản hồi tức thì, giáo viên theo dõi tiến độ trên bảng tổng hợp.",
    benefits: "Tiết kiệm giấy in; giáo viên nắm được học sinh cần hỗ trợ ngay trong giờ.",
    scope: "unit",
  },
  greenCorner: {
    title: "Góc học tập xanh trong lớp học",
    problem: "Lớp học thiếu không gian đọc và thư giãn.",
    essence: "Mỗi lớp tự thiết kế góc xanh với cây, sách và bảng ý tưởng.",
    benefits: "Học sinh gắn bó hơn với lớp.",
    scope: "unit",
  },
  googleForms: {
    title: "Kiểm tra đánh giá thường xuyên bằng biểu mẫu trực tuyến",
    problem: "Chấm và tổng hợp điểm kiểm tra 15 phút mất nhiều thời gian.",
    essence: "Bài kiểm tra trên biểu mẫu trực tuyến, chấm tự động, xuất điểm vào sổ.",
    benefits: "Kết quả có ngay sau giờ kiểm tra.",
    scope: "unit",
  },
  biologyMedia: {
    title: "Xây dựng học liệu số môn Sinh học lớp 12",
    problem: "Thiếu học liệu trực quan cho các bài về di truyền.",
    essence: "Kho 40 video và mô phỏng tương tác gắn với từng bài học.",
    benefits: "Được 6 trường trong tỉnh sử dụng.",
    scope: "province",
  },
};

/**
 * A school year for the demo, made through the services as the people themselves would: the unit catalogue, the
 * demo people with their roles, a past campaign reviewed by the council with scores and decisions, an open
 * campaign with submissions waiting at every step (submitted, returned, withdrawn, endorsed, a draft), and a
 * campaign still to be announced. Times are relative to `now`, so the demo looks the same whenever it runs.
 */
export async function seedDemoYear(
  db: Kysely<Database>,
  services: Services,
  timezone: string,
  now: Date,
): Promise<Milestone[]> {
  await services.units.importCatalogue(await readFile(join(PROJECT_ROOT, "seed", "demo-units.csv"), "utf8"));
  const ids = new Map<number, number>();
  for (const person of [...DEMO_PEOPLE, ...BACKGROUND_PEOPLE]) {
    if (!person.fullName || !person.unitCode) continue;
    const user = await services.users.identify(person.user);
    const unit = await findUnitByCode(db, person.unitCode);
    if (!unit) throw new Error(`the demo catalogue has no unit ${person.unitCode}`);
    await services.users.register(user.id, person.fullName, unit.id);
    ids.set(person.user.id, user.id);
  }
  const idOf = (role: DemoPerson["role"], n = 0) => {
    const person = [...DEMO_PEOPLE, ...BACKGROUND_PEOPLE].filter((p) => p.role === role)[n];
    return ids.get(person?.user.id ?? 0) as number;
  };
  const telegramIdOf = (role: DemoPerson["role"], n = 0) =>
    [...DEMO_PEOPLE, ...BACKGROUND_PEOPLE].filter((p) => p.role === role)[n]?.user.id as number;
  const admin = idOf("admin");
  const head = idOf("unit_head");
  const [lan, binh, cuong, dung, giang] = [0, 1, 2, 3, 4].map((n) => idOf("teacher", n)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const [hoa, anh] = [0, 1].map((n) => idOf("reviewer", n)) as [number, number];
  const heads = new Map<string, number>();
  for (const p of [...DEMO_PEOPLE, ...BACKGROUND_PEOPLE].filter((p) => p.role === "unit_head")) {
    await services.roles.grant(admin, p.user.id, "unit_head", p.unitCode);
    heads.set(p.unitCode as string, ids.get(p.user.id) as number);
  }
  const headOf = (unitCode: string) => heads.get(unitCode) as number;
  for (const n of [0, 1]) await services.roles.grant(admin, telegramIdOf("reviewer", n), "reviewer");

  const at = (days: number, hour = 8) => localTime(timezone, new Date(now.getTime() + days * DAY), hour);
  const submit = async (userId: number, campaignId: number, i: Initiative, when: Date) => {
    const draft = await services.submissions.startDraftForCampaign(userId, campaignId, "initiative", when);
    await fillInitiative(services, userId, draft.id, i, when);
    return (await services.submissions.submit(userId, draft.id, when)).id;
  };

  // Last term's campaign: closed, endorsed, reviewed by the council, mostly decided.
  const past = await services.campaigns.create(
    admin,
    {
      title: "Sáng kiến, đề tài nghiên cứu khoa học sư phạm ứng dụng – đợt 1",
      descriptionHtml:
        "Sở GDĐT phát động đợt 1 xét công nhận <b>sáng kiến</b> và <b>đề tài nghiên cứu khoa học sư phạm ứng dụng</b>.",
      acceptsInitiatives: true,
      acceptsNominations: false,
      audience: { clusters: [], blocks: [], unitIds: [] },
      opensAt: at(-85),
      deadlineAt: at(-25, 17),
      announceAt: null,
      reminders: [...DEFAULT_REMINDERS],
    },
    at(-86),
  );
  const a1 = await submit(lan, past.id, INITIATIVES.mindMap as Initiative, at(-60, 9));
  const a2 = await submit(binh, past.id, INITIATIVES.quizBank as Initiative, at(-58, 10));
  const a3 = await submit(cuong, past.id, INITIATIVES.readingClub as Initiative, at(-55, 14));
  const a4 = await submit(dung, past.id, INITIATIVES.greenHouse as Initiative, at(-50, 15));
  const a5 = await submit(giang, past.id, INITIATIVES.englishGames as Initiative, at(-45, 16));
  await services.endorsement.endorse(head, a1);
  await services.endorsement.endorse(head, a2);
  await services.endorsement.endorse(headOf("LS-THCS-01"), a3);
  await services.endorsement.endorse(headOf("LS-THPT-01"), a4);
  await services.endorsement.endorse(headOf("LS-THPT-03"), a5);
  await services.campaigns.close(admin, past.id, at(-25, 18));

  const reviewDeadline = at(10, 17);
  await services.council.setReviewers(admin, past.id, [
    telegramIdOf("reviewer", 0),
    telegramIdOf("reviewer", 1),
  ]);
  await services.council.setReviewDeadline(admin, past.id, reviewDeadline, now);
  await services.council.assign(admin, past.id);
  // Hoa keeps one submission to score in the demo; the rest of the council's work is done.
  const hoaQueue = await services.council.queue(hoa);
  const leftForHoa = (hoaQueue.find((a) => a.submission_id !== a1) ?? hoaQueue[0])?.submission_id;
  const refused = [a3, a4, a5].find((id) => id !== leftForHoa) as number;
  for (const [reviewer, queue] of [
    [hoa, hoaQueue],
    [anh, await services.council.queue(anh)],
  ] as const) {
    for (const [n, assignment] of queue.entries()) {
      if (assignment.submission_id === leftForHoa) continue;
      await services.council.score(
        reviewer,
        assignment.id,
        {
          scores: { novelty: 8 - (n % 2), effectiveness: 8, applicability: 9 - n, scientific: 7 },
          comment: "Giải pháp rõ ràng, đã áp dụng có hiệu quả tại đơn vị.",
          recommendation: assignment.submission_id === refused ? "refuse" : "recognise_province",
        },
        at(-10 + n),
      );
    }
  }
  const decisionDate = dateIn(timezone, at(-5));
  const decision = { number: "1520/QĐ-SGDĐT", date: decisionDate };
  if (leftForHoa !== a1)
    await services.decisions.recognise(admin, a1, { scope: "province", ...decision }, now);
  if (leftForHoa !== a2) await services.decisions.recognise(admin, a2, { scope: "unit", ...decision }, now);
  await services.decisions.refuse(
    admin,
    refused,
    "Giải pháp trùng với sáng kiến đã được công nhận năm học 2024–2025; chưa có số liệu đối chứng.",
    now,
  );

  // This term's campaign: open, with submissions at every step before the council.
  const current = await services.campaigns.create(
    admin,
    {
      title: "Đổi mới, sáng tạo trong dạy và học năm học 2026–2027",
      descriptionHtml:
        "Hưởng ứng phong trào thi đua <b>“Đổi mới, sáng tạo trong dạy và học”</b>, Sở GDĐT đề nghị các đơn vị " +
        "động viên giáo viên gửi <i>sáng kiến</i> đã áp dụng có hiệu quả.\n\nHồ sơ nộp qua bot bằng lệnh /submit.",
      acceptsInitiatives: true,
      acceptsNominations: false,
      audience: { clusters: [], blocks: [], unitIds: [] },
      opensAt: at(-10),
      deadlineAt: at(20, 17),
      announceAt: null,
      reminders: [...DEFAULT_REMINDERS],
    },
    now,
  );
  await submit(lan, current.id, INITIATIVES.aiMarking as Initiative, at(-3, 20));
  const returned = await submit(lan, current.id, INITIATIVES.worksheets as Initiative, at(-6, 21));
  await services.endorsement.returnForRevision(
    head,
    returned,
    "Đề nghị cô bổ sung minh chứng áp dụng tại lớp 10A2 và số liệu trước – sau khi áp dụng.",
  );
  const withdrawn = await submit(lan, current.id, INITIATIVES.greenCorner as Initiative, at(-8, 19));
  await services.submissions.withdraw(lan, withdrawn);
  await submit(binh, current.id, INITIATIVES.googleForms as Initiative, at(-2, 15));
  const endorsed = await submit(giang, current.id, INITIATIVES.biologyMedia as Initiative, at(-4, 9));
  await services.endorsement.endorse(headOf("LS-THPT-03"), endorsed);
  const draft = await services.submissions.startDraftForCampaign(lan, current.id, "initiative", now);
  await services.submissions.answer(lan, draft.id, "title", "Dạy học phân hóa qua trạm học tập", now);

  // Next term's thematic campaign: announced in a week, open in ten days.
  const upcoming = await services.campaigns.create(
    admin,
    {
      title: "Trường học xanh – sạch – đẹp – an toàn",
      descriptionHtml:
        "Phong trào thi đua chuyên đề <b>“Trường học xanh – sạch – đẹp – an toàn”</b>: sáng kiến và đề cử " +
        "gương điển hình tiên tiến trong xây dựng cảnh quan, môi trường giáo dục.",
      acceptsInitiatives: true,
      acceptsNominations: true,
      audience: { clusters: [], blocks: [], unitIds: [] },
      opensAt: at(10),
      deadlineAt: at(45, 17),
      announceAt: at(7),
      reminders: [...DEFAULT_REMINDERS],
    },
    now,
  );

  const reminder = (spec: string) =>
    new Date((reminderTime(spec, current.deadline_at, timezone) as Date).getTime() + 60_000);
  return [
    { label: "Nhắc hạn nộp: còn 7 ngày", at: reminder("7d") },
    { label: "Nhắc hạn nộp: còn 1 ngày", at: reminder("1d") },
    { label: "Nhắc hội đồng: còn 3 ngày chấm", at: new Date(reviewDeadline.getTime() - 3 * DAY + 60_000) },
    { label: `Công bố phong trào “${upcoming.title}”`, at: new Date(at(7).getTime() + 60_000) },
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function fillInitiative(services: Services, userId: number, id: number, i: Initiative, now: Date) {
  const s = services.submissions;
  const answers: [string, string][] = [
    ["title", i.title],
    ["initiativeType", "initiative"],
    ["field", "teaching"],
    ["problem", i.problem],
    ["firstAppliedOn", "05/09/2025"],
    ["essence", i.essence],
    ["conditions", "Phòng học có máy chiếu; giáo viên được tập huấn 2 buổi."],
    ["benefits", i.benefits],
  ];
  for (const [key, value] of answers) await s.answer(userId, id, key, value, now);
  await s.skip(userId, id, "confidential");
  await s.skip(userId, id, "coAuthors");
  await s.answer(userId, id, "scopeProposed", i.scope, now);
  await s.finishAttachments(userId, id);
}

/** `hour`:00 in `timezone` on the calendar day of `day` there. */
function localTime(timezone: string, day: Date, hour: number): Date {
  const [y, m, d] = dateIn(timezone, day).split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, 0, 0, timezone).getTime());
}
