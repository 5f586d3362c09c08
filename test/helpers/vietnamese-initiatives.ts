/**
 * Generated initiatives in realistic Vietnamese (the words teachers and the department use), for copy screening's
 * tests and bench: a problem (thực trạng) and an essence (nội dung giải pháp) built from sentence templates over a
 * vocabulary of real education terms, seeded so every run writes the same texts. `nearCopy` plants what a council
 * fears: an earlier essence with about 30% of its sentences rewritten and the rest reordered.
 */

/** mulberry32: small, fast and seeded, so a bench and a test see the same texts on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const V = {
  subject: [
    "Toán",
    "Ngữ văn",
    "Tiếng Anh",
    "Vật lí",
    "Hóa học",
    "Sinh học",
    "Lịch sử",
    "Địa lí",
    "Tin học",
    "Công nghệ",
    "Giáo dục công dân",
    "Khoa học tự nhiên",
    "Lịch sử và Địa lí",
    "Âm nhạc",
    "Mĩ thuật",
    "Giáo dục thể chất",
    "Hoạt động trải nghiệm",
    "Tiếng Việt",
    "Đạo đức",
    "Tự nhiên và Xã hội",
  ],
  grade: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
  difficulty: [
    "giải bài toán có lời văn",
    "viết đoạn văn nghị luận",
    "ghi nhớ từ vựng",
    "đọc hiểu văn bản thông tin",
    "vẽ và đọc biểu đồ",
    "thực hành thí nghiệm",
    "trình bày lời giải",
    "vận dụng công thức vào thực tế",
    "phát âm và giao tiếp",
    "lập dàn ý",
    "sử dụng bản đồ",
    "ghi nhớ mốc thời gian lịch sử",
    "lập trình cơ bản",
    "tính toán nhanh",
    "tự học ở nhà",
    "làm việc nhóm",
    "thuyết trình trước lớp",
    "đọc diễn cảm",
    "phân tích đề bài",
    "tóm tắt văn bản",
    "cân bằng phương trình phản ứng",
    "đổi đơn vị đo",
    "nhận biết các loại từ",
    "viết chính tả",
    "xử lí số liệu thống kê",
    "giải bài tập hình học không gian",
  ],
  skill: [
    "tự học",
    "hợp tác nhóm",
    "giải quyết vấn đề",
    "tư duy phản biện",
    "sáng tạo",
    "giao tiếp",
    "tự quản",
    "tìm kiếm thông tin",
    "sử dụng công nghệ",
    "đọc hiểu",
    "lập luận",
    "quan sát",
    "ghi chép",
    "tự đánh giá",
    "thuyết trình",
    "vận dụng kiến thức",
    "tư duy logic",
    "tính toán",
  ],
  activity: [
    "câu lạc bộ",
    "ngày hội đọc sách",
    "trò chơi học tập",
    "dự án học tập",
    "tiết học ngoài trời",
    "hội thi rung chuông vàng",
    "buổi sinh hoạt chuyên đề",
    "hoạt động trải nghiệm thực tế",
    "sân chơi trí tuệ",
    "góc học tập",
    "diễn đàn học sinh",
    "tiết học STEM",
    "chuyến tham quan di tích",
    "buổi ngoại khóa",
    "cuộc thi viết",
    "hội trại",
    "chương trình phát thanh măng non",
    "phiên chợ quê",
    "lớp học đảo ngược",
  ],
  method: [
    "dạy học theo dự án",
    "dạy học hợp tác",
    "kĩ thuật khăn trải bàn",
    "kĩ thuật mảnh ghép",
    "sơ đồ tư duy",
    "dạy học theo góc",
    "trò chơi hóa",
    "dạy học giải quyết vấn đề",
    "đóng vai",
    "học tập trải nghiệm",
    "dạy học phân hóa",
    "kĩ thuật phòng tranh",
    "kĩ thuật trạm",
    "dạy học STEM",
    "lớp học đảo ngược",
    "dạy học qua bài tập tình huống",
    "đánh giá bằng phiếu tự đánh giá",
  ],
  tool: [
    "Google Forms",
    "Padlet",
    "Quizizz",
    "Kahoot",
    "phần mềm GeoGebra",
    "Microsoft Teams",
    "Zalo nhóm lớp",
    "bảng tương tác",
    "phiếu học tập",
    "thẻ từ",
    "mô hình thu nhỏ",
    "video ngắn",
    "bản đồ số",
    "Canva",
    "Google Sites",
    "phần mềm Azota",
    "sổ tay điện tử",
    "bộ thẻ màu",
    "hộp kiến thức",
    "Scratch",
    "bảng nhóm",
    "máy chiếu vật thể",
    "ứng dụng OLM",
    "phần mềm Violet",
    "Liveworksheets",
  ],
  artifact: [
    "bộ phiếu học tập",
    "hệ thống câu hỏi gợi mở",
    "ngân hàng bài tập",
    "kho học liệu số",
    "chuỗi video bài giảng",
    "bộ trò chơi học tập",
    "sổ tay kiến thức",
    "bộ đề kiểm tra",
    "bộ thẻ ghi nhớ",
    "kế hoạch bài dạy",
    "bảng tiêu chí đánh giá",
    "bộ tranh minh họa",
    "bộ mô hình thí nghiệm",
    "trang web học tập",
  ],
  topic: [
    "phân số",
    "phương trình bậc nhất",
    "hàm số",
    "tế bào",
    "năng lượng",
    "môi trường",
    "quê hương em",
    "truyện cổ tích",
    "thơ hiện đại",
    "chiến tranh thế giới",
    "khí hậu Việt Nam",
    "dòng điện",
    "axit và bazơ",
    "an toàn giao thông",
    "kĩ năng sống",
    "bảo vệ rừng",
    "hình tam giác",
    "tỉ lệ bản đồ",
    "văn hóa dân tộc",
    "dinh dưỡng học đường",
    "biến đổi khí hậu",
    "lịch sử địa phương",
    "nghề truyền thống",
    "số thập phân",
  ],
  partner: [
    "Hội Cha mẹ học sinh",
    "Đoàn Thanh niên",
    "Liên đội",
    "thư viện huyện",
    "trạm y tế xã",
    "Công an xã",
    "Hội Khuyến học",
    "Nhà văn hóa thôn",
    "trường đại học sư phạm",
    "Hội Cựu chiến binh",
    "doanh nghiệp địa phương",
  ],
  channel: [
    "nhóm Zalo",
    "sổ liên lạc điện tử",
    "buổi họp phụ huynh",
    "tin nhắn",
    "trang thông tin của trường",
  ],
  period: ["tuần", "tháng", "học kì", "cuối mỗi chủ đề", "đợt kiểm tra giữa kì", "buổi sinh hoạt lớp"],
  assessment: [
    "kiểm tra giữa kì",
    "kiểm tra cuối kì",
    "đánh giá thường xuyên",
    "bài khảo sát",
    "thi học sinh giỏi",
    "đánh giá năng lực",
    "bài kiểm tra 15 phút",
    "đánh giá theo dự án",
  ],
  dept: [
    "Toán – Tin",
    "Ngữ văn",
    "Ngoại ngữ",
    "Khoa học tự nhiên",
    "Khoa học xã hội",
    "tiểu học khối 4",
    "chủ nhiệm",
  ],
  phase: ["khởi động", "hình thành kiến thức", "luyện tập", "vận dụng", "mở rộng", "tìm tòi"],
  school: [
    "trường Tiểu học Kim Đồng",
    "trường THCS Lê Lợi",
    "trường THPT Trần Phú",
    "trường Mầm non Hoa Sen",
    "trường THCS Nguyễn Du",
    "trường Tiểu học Võ Thị Sáu",
    "trường THPT Nguyễn Huệ",
    "trường PTDTBT THCS Tà Xùa",
    "trường THCS Chu Văn An",
    "trường Tiểu học Lý Tự Trọng",
    "trường THPT Lê Quý Đôn",
    "trường THCS Quang Trung",
  ],
  place: ["vùng núi", "vùng ven biển", "nông thôn", "thị trấn", "xã đặc biệt khó khăn", "thành phố"],
  level: ["Tiểu học", "THCS", "THPT", "Mầm non", "PTDTBT THCS", "TH và THCS", "PTDTNT"],
  person: [
    "Lê Lợi",
    "Trần Phú",
    "Nguyễn Du",
    "Kim Đồng",
    "Võ Thị Sáu",
    "Lý Tự Trọng",
    "Chu Văn An",
    "Quang Trung",
    "Nguyễn Huệ",
    "Lê Quý Đôn",
    "Nguyễn Trãi",
    "Trần Hưng Đạo",
    "Hai Bà Trưng",
    "Ngô Quyền",
    "Lý Thường Kiệt",
    "Phan Bội Châu",
    "Phan Chu Trinh",
    "Hoàng Hoa Thám",
    "Nguyễn Thị Minh Khai",
    "Tô Hiệu",
    "Nguyễn Viết Xuân",
    "Bế Văn Đàn",
    "Cù Chính Lan",
    "La Văn Cầu",
    "Tô Vĩnh Diện",
    "Phan Đình Giót",
    "Mạc Thị Bưởi",
    "Nguyễn Văn Trỗi",
    "Đinh Tiên Hoàng",
    "Lê Hồng Phong",
    "Hàm Nghi",
    "Duy Tân",
    "Yết Kiêu",
    "Dã Tượng",
    "Lương Thế Vinh",
    "Nguyễn Bỉnh Khiêm",
    "Tuệ Tĩnh",
    "Hải Thượng Lãn Ông",
    "Ngô Sĩ Liên",
    "Phạm Ngũ Lão",
    "Trần Quốc Toản",
    "Nguyễn Khuyến",
    "Tú Xương",
    "Hồ Xuân Hương",
    "Đoàn Thị Điểm",
    "Bà Triệu",
    "Lê Văn Tám",
    "Vừ A Dính",
  ],
  commune: [
    "Tà Xùa",
    "Mường Khoa",
    "Phiêng Ban",
    "Chiềng Sơn",
    "Na Mèo",
    "Sơn Thủy",
    "Đông Hải",
    "Quảng Phú",
    "Tân Lập",
    "Hòa Bình",
    "Yên Thế",
    "Thanh Sơn",
    "Ea Kao",
    "Hướng Phùng",
    "Tiên Lãng",
    "Cát Hải",
    "Vĩnh Thịnh",
    "Bình Minh",
    "Xuân Trường",
    "An Lạc",
    "Phú Lộc",
    "Hải Ninh",
    "Kỳ Sơn",
    "Mỹ Đức",
    "Tân Hiệp",
    "Long Hải",
    "Ba Chẽ",
    "Đồng Văn",
  ],
  cls: ["A", "B", "C", "D", "E", "G", "A1", "A2", "A3", "B1", "B2"],
};

type Slot = keyof typeof V;

const PROBLEM: string[] = [
  "Tại trường {level} {person}, khoảng {pct}% học sinh lớp {grade} còn gặp khó khăn khi {difficulty} trong môn {subject}.",
  "Qua khảo sát đầu năm, tổ {dept} nhận thấy kĩ năng {skill} của học sinh lớp {grade} còn hạn chế, nhất là khi {difficulty}.",
  "Kết quả {assessment} năm trước cho thấy chỉ {pct}% học sinh đạt mức khá, giỏi ở nội dung {topic}.",
  "Nhiều em chưa chủ động {skill}, ít tham gia {activity} và còn lúng túng khi {difficulty}.",
  "Học sinh ở {place} ít có điều kiện tiếp cận {tool}, nên việc học {subject} chủ yếu dựa vào sách giáo khoa.",
  "Giáo viên mất nhiều thời gian chuẩn bị {artifact} cho chủ đề {topic} nhưng hiệu quả sử dụng chưa cao.",
  "Phụ huynh ở {place} ít có thời gian kèm con học {subject}, nên các em thường bỏ dở khi {difficulty}.",
  "Giờ học {subject} theo cách truyền thống khiến học sinh lớp {grade} thụ động, ngại phát biểu và nhanh quên {topic}.",
  "Năm học trước, {pct}% học sinh chưa hoàn thành nhiệm vụ {activity} đúng hạn do thiếu kĩ năng {skill}.",
  "Chương trình giáo dục phổ thông mới yêu cầu phát triển năng lực {skill}, trong khi cách dạy {topic} hiện nay còn nặng về ghi nhớ.",
  "Việc theo dõi kết quả {assessment} của từng em vẫn làm thủ công trên giấy, khó phát hiện sớm học sinh cần hỗ trợ.",
  "Đa số học sinh lớp {grade} là con em gia đình làm nông ở {place}, vốn từ và kĩ năng {skill} còn ít.",
];

const ESSENCE: string[] = [
  "Giáo viên thiết kế {artifact} gắn với chủ đề {topic}, giúp học sinh lớp {grade} rèn kĩ năng {skill} ngay trên lớp.",
  "Mỗi nhóm {n} em dùng {tool} để tìm hiểu {topic}, sau đó trình bày sản phẩm trong {activity}.",
  "Chúng tôi xây dựng {artifact} gồm {n} phần theo mức độ từ nhận biết đến vận dụng cao cho môn {subject}.",
  "Trong hoạt động {phase}, giáo viên kết hợp {method} với {tool} để học sinh tự phát hiện kiến thức về {topic}.",
  "Kết quả {assessment} của từng em được cập nhật trên {tool} và gửi cho phụ huynh qua {channel} mỗi {period}.",
  "Nhà trường phối hợp với {partner} tổ chức {activity} về chủ đề {topic} cho học sinh khối {grade}.",
  "Học sinh được giao nhiệm vụ trước ở nhà qua {tool}, đến lớp các em thảo luận bằng {method} và tự sửa lỗi khi {difficulty}.",
  "Giáo viên chia lớp thành {n} trạm học tập, mỗi trạm có {artifact} riêng về {topic} và một nhóm trưởng điều hành.",
  "Sau mỗi {period}, học sinh tự đánh giá kĩ năng {skill} bằng phiếu có {n} tiêu chí rồi đặt mục tiêu cho chặng sau.",
  "Để hỗ trợ học sinh yếu, giáo viên dùng {method} và giao bài tập phân hóa trên {tool} theo năng lực từng em.",
  "Các em sưu tầm tư liệu về {topic} tại địa phương, làm sản phẩm bằng {tool} và giới thiệu trong {activity}.",
  "Tổ {dept} sinh hoạt chuyên môn theo nghiên cứu bài học, dự giờ và góp ý cách dùng {method} trong tiết {subject}.",
  "Mỗi tiết học mở đầu bằng {activity} ngắn khoảng {n} phút, gợi lại kiến thức {topic} đã học.",
  "Giáo viên biên soạn {n} video ngắn hướng dẫn cách {difficulty}, đăng trên {tool} để học sinh xem lại khi cần.",
  "Học sinh ghi lại tiến bộ của mình trong {artifact}, giáo viên nhận xét bằng lời thay cho điểm số mỗi {period}.",
  "Lớp học được bố trí thành {n} góc: góc đọc, góc trải nghiệm, góc sáng tạo và góc {subject} với {artifact} phù hợp.",
  "Học sinh khá giỏi làm đôi bạn cùng tiến với bạn còn khó khăn khi {difficulty}, có giáo viên theo dõi qua {tool}.",
  "Cuối mỗi chủ đề, các nhóm thực hiện dự án nhỏ về {topic} và báo cáo bằng {tool} trước {partner}.",
  "Giáo viên lồng ghép giáo dục {topic} vào môn {subject} thông qua {method} và các tình huống gần gũi ở {place}.",
  "Bộ câu hỏi được sắp xếp theo {n} mức độ tư duy, học sinh chọn câu phù hợp rồi nâng dần độ khó.",
  "Nhà trường tập huấn cho giáo viên sử dụng {tool} trong {n} buổi, sau đó triển khai đồng loạt ở khối {grade}.",
  "Học sinh được hướng dẫn dùng {method} để hệ thống hóa kiến thức {topic} sau mỗi {period}.",
  "Giáo viên chủ nhiệm lập nhóm {channel} với phụ huynh để cùng theo dõi việc {skill} của học sinh ở nhà.",
  "Những em tiến bộ được tuyên dương trong {activity}, tạo động lực cho cả lớp thi đua học tốt môn {subject}.",
  "Tiết học {subject} được thiết kế theo chuỗi hoạt động {phase} với {artifact} giúp học sinh hứng thú hơn.",
  "Kết quả áp dụng ở trường {level} {person} cho thấy tỉ lệ học sinh đạt yêu cầu về {topic} tăng thêm {pct}% so với đầu năm.",
  "Giải pháp đã được nhân rộng tại các lớp khối {grade} và được tổ {dept} đánh giá dễ áp dụng, ít tốn kém.",
  "Giáo viên soạn {artifact} trên {tool} để học sinh ở {place} vẫn học được khi không đến trường.",
];

/** Specifics people write into a sentence (a class, a date, a count, a commune): what makes one text its own. */
const DETAIL: string[] = [
  " (lớp {grade}{cls}, {count} học sinh, năm học {year})",
  ", áp dụng từ tháng {month}/{year} ở lớp {grade}{cls}",
  " tại điểm trường {commune} của trường {level} {person}",
  ", thực hiện trong {count} tuần với {count} em lớp {grade}{cls}",
  " ở xã {commune} từ tháng {month} năm {year}",
  "",
];

function fill(template: string, r: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === "pct") return String(10 + Math.floor(r() * 80));
    if (slot === "n") return String(2 + Math.floor(r() * 9));
    if (slot === "count") return String(12 + Math.floor(r() * 34));
    if (slot === "month") return String(1 + Math.floor(r() * 12));
    if (slot === "year") return String(2015 + Math.floor(r() * 11));
    const list = V[slot as Slot];
    return list[Math.floor(r() * list.length)] as string;
  });
}

function pick<T>(list: readonly T[], count: number, r: () => number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

export interface GeneratedInitiative {
  title: string;
  problem: string;
  essence: string;
  /** The essence's sentences, for planting copies of it. */
  essenceSentences: string[];
}

/** A template filled, with specifics added inside the sentence (before its full stop) more often than not. */
function sentence(template: string, r: () => number): string {
  const detail = fill(DETAIL[Math.floor(r() * DETAIL.length)] as string, r);
  return fill(template, r).replace(/\.$/, `${detail}.`);
}

/** One initiative: a problem of 3–4 sentences, an essence of 6–9, each from templates not repeated in it. */
export function initiative(seed: number): GeneratedInitiative {
  const r = rng(seed);
  const problem = pick(PROBLEM, 3 + Math.floor(r() * 2), r).map((t) => sentence(t, r));
  const essenceSentences = pick(ESSENCE, 6 + Math.floor(r() * 4), r).map((t) => sentence(t, r));
  const title = fill("Một số biện pháp giúp học sinh lớp {grade} {difficulty} trong môn {subject}", r);
  return { title, problem: problem.join(" "), essence: essenceSentences.join(" "), essenceSentences };
}

/**
 * A near-copy of `source`'s essence under a new problem: `rewritten` of its sentences (30% by default) replaced
 * by new sentences on the same templates, the others kept word for word, all reordered.
 */
export function nearCopy(source: GeneratedInitiative, seed: number, rewritten = 0.3): GeneratedInitiative {
  const r = rng(seed);
  const fresh = initiative(seed ^ 0x5bd1e995);
  const n = source.essenceSentences.length;
  const toRewrite = new Set(pick([...Array(n).keys()], Math.round(n * rewritten), r));
  const sentences = source.essenceSentences.map((s, i) =>
    toRewrite.has(i) ? (fresh.essenceSentences[i % fresh.essenceSentences.length] as string) : s,
  );
  const essenceSentences = pick(sentences, sentences.length, r);
  return {
    title: fresh.title,
    problem: fresh.problem,
    essence: essenceSentences.join(" "),
    essenceSentences,
  };
}
