/**
 * The initiative library at a department's scale: recognised initiatives generated on the server with
 * Vietnamese education vocabulary (titles, problems, essences, benefits), then library searches of one to five
 * words, each typed with and without diacritics, through LibraryService (the search row saved, the page ranked).
 * Reference in the same run: a plain indexed lookup by code. Also the GIN index's size and build time, and the
 * plan of the slowest query (EXPLAIN ANALYZE).
 *
 *   npm run bench:library [-- --count 1000000 --rounds 3]                      (PostgreSQL, BENCH_DATABASE_URL)
 *   npm run bench:library -- --pglite --count 100000                            (embedded PGlite)
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createDatabase, type DatabaseHandle } from "../src/db/create-database.js";
import { migrateToLatest } from "../src/db/migrator.js";
import { LibraryService, toTsQuery } from "../src/library/library.service.js";
import { foldForSearch } from "../src/shared/text.js";
import { UnitsService } from "../src/units/units.service.js";
import { UsersService } from "../src/users/users.service.js";
import { runOnServer } from "./server-statement.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000000" },
    rounds: { type: "string", default: "3" },
    pglite: { type: "boolean", default: false },
  },
});
const COUNT = Number(values.count);
const ROUNDS = Number(values.rounds);
const SERVER = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// Vocabulary of the department's own reports: what initiatives do, in which subject, for whom, and with what.
const ACTIONS = [
  "Đổi mới phương pháp dạy học",
  "Ứng dụng công nghệ thông tin trong dạy học",
  "Nâng cao chất lượng",
  "Tổ chức hoạt động trải nghiệm",
  "Xây dựng kế hoạch bài dạy",
  "Phát triển năng lực tự học",
  "Giáo dục kỹ năng sống",
  "Đánh giá năng lực",
  "Chuyển đổi số trong quản lý",
  "Bồi dưỡng học sinh giỏi",
  "Phụ đạo học sinh yếu kém",
  "Dạy học theo dự án",
  "Dạy học tích hợp liên môn",
  "Sử dụng trò chơi học tập",
  "Thiết kế bài giảng điện tử",
  "Giáo dục STEM",
  "Rèn luyện kỹ năng đọc hiểu",
  "Phát triển tư duy phản biện",
  "Xây dựng văn hoá đọc",
  "Quản lý lớp học hiệu quả",
];
const SUBJECTS = [
  "môn Toán",
  "môn Ngữ văn",
  "môn Tiếng Anh",
  "môn Vật lí",
  "môn Hoá học",
  "môn Sinh học",
  "môn Lịch sử",
  "môn Địa lí",
  "môn Giáo dục công dân",
  "môn Tin học",
  "môn Công nghệ",
  "môn Âm nhạc",
  "môn Mĩ thuật",
  "môn Giáo dục thể chất",
  "môn Khoa học tự nhiên",
  "công tác chủ nhiệm",
  "công tác Đội",
  "thư viện trường học",
  "bán trú",
  "giáo dục hướng nghiệp",
];
const TOPICS = [
  "phân số",
  "hình học không gian",
  "phương trình bậc hai",
  "quang hợp",
  "định luật Ôm",
  "bảng tuần hoàn",
  "văn nghị luận xã hội",
  "thơ Đường luật",
  "từ vựng theo chủ đề",
  "kỹ năng nghe",
  "chiến dịch Điện Biên Phủ",
  "biến đổi khí hậu",
  "an toàn giao thông",
  "phòng chống đuối nước",
  "lập trình Scratch",
  "robot giáo dục",
  "đất nước học",
  "dinh dưỡng học đường",
  "bạo lực học đường",
  "sức khoẻ sinh sản",
  "sổ điểm điện tử",
  "học bạ số",
  "ngân hàng câu hỏi",
  "sơ đồ tư duy",
  "lớp học đảo ngược",
  "góc học tập",
  "câu lạc bộ tiếng Anh",
  "vườn trường",
  "tủ sách lớp học",
  "kiểm tra định kì",
];
const LEVELS = [
  "cho học sinh lớp 1",
  "cho học sinh lớp 3",
  "cho học sinh lớp 5",
  "cho học sinh lớp 6",
  "cho học sinh lớp 8",
  "cho học sinh lớp 9",
  "cho học sinh lớp 10",
  "cho học sinh lớp 11",
  "cho học sinh lớp 12",
  "cho trẻ mẫu giáo 5 tuổi",
  "ở trường trung học cơ sở",
  "ở trường trung học phổ thông",
  "ở trường tiểu học vùng khó khăn",
  "ở trường phổ thông dân tộc nội trú",
];
const SENTENCES = [
  "Học sinh còn thụ động, ít tham gia xây dựng bài.",
  "Giáo viên chưa khai thác hiệu quả thiết bị dạy học hiện có.",
  "Kết quả khảo sát đầu năm cho thấy nhiều em chưa đạt chuẩn kiến thức kỹ năng.",
  "Phụ huynh ít phối hợp với nhà trường trong việc theo dõi việc học ở nhà.",
  "Sáng kiến tổ chức học sinh làm việc theo nhóm nhỏ với phiếu học tập được thiết kế theo mức độ.",
  "Giáo viên sử dụng phần mềm trình chiếu và bảng tương tác để trực quan hoá nội dung.",
  "Mỗi tuần một tiết được dành cho hoạt động trải nghiệm gắn với thực tế địa phương.",
  "Bộ tiêu chí đánh giá được xây dựng theo định hướng phát triển phẩm chất và năng lực.",
  "Ngân hàng câu hỏi trắc nghiệm được số hoá và dùng chung trong tổ chuyên môn.",
  "Học sinh tự đánh giá và đánh giá chéo sản phẩm của bạn theo bảng kiểm.",
  "Nhà trường phối hợp với đoàn thanh niên và hội cha mẹ học sinh tổ chức các buổi ngoại khoá.",
  "Tổ chuyên môn sinh hoạt theo nghiên cứu bài học, dự giờ và rút kinh nghiệm sau mỗi chu kỳ.",
  "Sau một năm áp dụng, tỉ lệ học sinh khá giỏi tăng rõ rệt so với năm học trước.",
  "Học sinh hứng thú hơn, mạnh dạn trình bày ý kiến trước lớp.",
  "Giảm thời gian soạn giảng và nhập điểm của giáo viên.",
  "Sáng kiến có thể nhân rộng ở các trường cùng cấp học trong tỉnh với chi phí thấp.",
  "Thiết bị tự làm từ vật liệu tái chế giúp tiết kiệm kinh phí mua sắm.",
  "Các em được rèn luyện kỹ năng hợp tác, giao tiếp và giải quyết vấn đề.",
  "Tỉ lệ học sinh bỏ học giữa chừng giảm, chuyên cần được cải thiện.",
  "Cán bộ quản lý theo dõi được tiến độ thực hiện kế hoạch giáo dục của từng lớp.",
  "Đội ngũ giáo viên được bồi dưỡng thường xuyên về chuyển đổi số.",
  "Học liệu điện tử được chia sẻ trên hệ thống quản lý học tập của trường.",
  "Hoạt động đọc sách buổi sáng giúp hình thành thói quen đọc cho học sinh.",
  "Giáo viên chủ nhiệm lập nhóm Zalo để trao đổi thường xuyên với phụ huynh.",
  "Kết quả thi học sinh giỏi cấp tỉnh của đơn vị đứng trong tốp đầu.",
  "Bài học được thiết kế theo tiến trình khởi động, khám phá, luyện tập và vận dụng.",
  "Học sinh dân tộc thiểu số được hỗ trợ tăng cường tiếng Việt trước khi vào lớp 1.",
  "Mô hình được Phòng Giáo dục và Đào tạo đánh giá cao và đề nghị nhân rộng.",
  "Việc kiểm tra, đánh giá được thực hiện công khai, minh bạch và kịp thời.",
  "Sân chơi trí tuệ được tổ chức định kì mỗi tháng một lần.",
];

// One to five words, as teachers type them; each is searched with its diacritics and without them.
const QUERIES = [
  "Toán",
  "quang hợp",
  "học bạ số",
  "robot",
  "STEM",
  "đuối nước",
  "Điện Biên Phủ",
  "học sinh",
  "dạy học",
  "chuyển đổi số",
  "trò chơi học tập",
  "kỹ năng sống",
  "phương trình bậc hai",
  "thơ Đường luật",
  "đánh giá năng lực",
  "lớp học đảo ngược",
  "văn hoá đọc thư viện",
  "trò chơi phân số lớp 6",
  "đổi mới phương pháp dạy học",
  "tủ sách lớp học tiểu học",
  "bạo lực học đường trung học",
  "sổ điểm điện tử quản lý",
  "giáo dục STEM robot lớp 8",
  "kỹ năng nghe tiếng Anh lớp 10",
  "định luật Ôm Vật lí lớp 11",
];

const ms = (t0: number) => performance.now() - t0;
const pick = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const name = `library_bench_${Date.now()}`;
let database: DatabaseHandle;
if (values.pglite) database = await createDatabase({ kind: "pglite-memory" });
else {
  await runOnServer(SERVER, `create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  database = await createDatabase({ kind: "postgres", url: url.href });
}
const { db } = database;
try {
  await migrateToLatest(db);
  await new UnitsService(db).importCatalogue(
    readFileSync(new URL("../seed/demo-units.csv", import.meta.url), "utf8"),
  );
  const users = new UsersService(db);
  const reader = await users.identify({ id: 1, first_name: "Reader" });
  const unit = await db.selectFrom("units").select("id").orderBy("id").executeTakeFirstOrThrow();
  await users.register(reader.id, "Người tra cứu", unit.id);

  // Generated on the server: words chosen by g through coprime strides, so the vocabulary's combinations spread;
  // five school years in id order, as a year's recognitions arrive together.
  // The GIN index is dropped first, so its build is timed on its own.
  await sql`drop index library_documents_document`.execute(db);
  const t0 = performance.now();
  const batch = values.pglite ? 50_000 : 200_000;
  for (let from = 1; from <= COUNT; from += batch) {
    const to = Math.min(COUNT, from + batch - 1);
    await sql`insert into submissions (code, kind, status, submitter_id, unit_id, title, search_title, fields,
        school_year, scope_recognised, decision_number, decision_date, submitted_at, decided_at)
      select 'SK-' || g, 'initiative', 'recognised', ${reader.id}::bigint,
        (select id from units order by id offset (g % 47) limit 1), t.title, t.folded,
        jsonb_build_object(
          'field', (array['teaching','management','student_affairs','ict','assessment','extracurricular'])[1 + g % 6],
          'problem', (${SENTENCES}::text[])[1 + g % 4] || ' ' || (${SENTENCES}::text[])[1 + (g / 7) % 30],
          'essence', (${SENTENCES}::text[])[5 + g % 8] || ' ' || (${SENTENCES}::text[])[1 + (g / 3) % 30] || ' ' ||
                     (${SENTENCES}::text[])[1 + (g / 11) % 30] || ' Nội dung: ' || (${TOPICS}::text[])[1 + (g / 13) % 30] ||
                     ', ' || (${TOPICS}::text[])[1 + (g / 17) % 30] || '.',
          'benefits', (${SENTENCES}::text[])[13 + g % 6] || ' ' || (${SENTENCES}::text[])[1 + (g / 19) % 30]),
        (array['2021-2022','2022-2023','2023-2024','2024-2025','2025-2026'])[1 + ((g - 1) * 5) / ${COUNT}],
        (array['unit','unit','unit','province','nation'])[1 + (g / 5) % 5],
        'QĐ-' || (g % 500), date '2026-05-20', now(), now()
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (select
        (${ACTIONS}::text[])[1 + g % 20] || ' ' || (${SUBJECTS}::text[])[1 + (g / 20) % 20] || ': ' ||
        (${TOPICS}::text[])[1 + (g / 400) % 30] || ' ' || (${LEVELS}::text[])[1 + (g / 7) % 14] as title) t0
      cross join lateral (select t0.title, lower(unaccent(t0.title)) as folded) t`.execute(db);
  }
  const generatedS = ms(t0) / 1000;
  const i0 = performance.now();
  await sql`create index library_documents_document on library_documents using gin (document)`.execute(db);
  const indexS = ms(i0) / 1000;
  await sql`vacuum analyze submissions`.execute(db);
  await sql`vacuum analyze library_documents`.execute(db);
  const size = await sql<{ index: string; table: string; heap: string }>`select
      pg_size_pretty(pg_relation_size('library_documents_document')) as index,
      pg_size_pretty(pg_relation_size('library_documents')) as heap,
      pg_size_pretty(pg_total_relation_size('library_documents')) as table`.execute(db);

  const library = new LibraryService(db, "Asia/Ho_Chi_Minh");
  const probes = QUERIES.flatMap((q) => [q, foldForSearch(q)]);
  const rounds: { p50: number; p95: number; max: number; ref50: number; ref95: number }[] = [];
  const perQuery = new Map<string, number[]>();
  const hitsOf = new Map<string, number>();
  let sameResults = true;
  for (let round = 0; round < ROUNDS; round++) {
    const times: number[] = [];
    const refs: number[] = [];
    for (const [i, q] of probes.entries()) {
      const s0 = performance.now();
      const r = await library.search(reader.id, q);
      const took = ms(s0);
      times.push(took);
      perQuery.set(q, [...(perQuery.get(q) ?? []), took]);
      hitsOf.set(q, r.hits.length);
      if (i % 2 === 1) {
        const withMarks = await library.search(reader.id, probes[i - 1] as string);
        if (JSON.stringify(withMarks.hits) !== JSON.stringify(r.hits)) sameResults = false;
      }
      // Reference: the cheapest indexed read there is, a submission by its code.
      const r0 = performance.now();
      await db
        .selectFrom("submissions")
        .select(["id", "title"])
        .where("code", "=", `SK-${1 + ((i * 7919) % COUNT)}`)
        .execute();
      refs.push(ms(r0));
    }
    times.sort((a, b) => a - b);
    refs.sort((a, b) => a - b);
    rounds.push({
      p50: pick(times, 0.5),
      p95: pick(times, 0.95),
      max: times.at(-1) ?? 0,
      ref50: pick(refs, 0.5),
      ref95: pick(refs, 0.95),
    });
  }
  const slowest = [...perQuery.entries()]
    .map(([q, ts]) => [q, median(ts)] as const)
    .sort((a, b) => b[1] - a[1]);

  console.log(
    `\n${COUNT} recognised initiatives on ${database.dialect}, generated in ${generatedS.toFixed(0)} s\n`,
  );
  console.log("| measure | value | target |");
  console.log("|---|---:|---|");
  console.log(`| GIN index on library_documents: build time | ${indexS.toFixed(1)} s | |`);
  console.log(
    `| GIN index size / library_documents heap / with TOAST and indexes | ${size.rows[0]?.index} / ${size.rows[0]?.heap} / ${size.rows[0]?.table} | |`,
  );
  console.log(
    `| ${probes.length} searches a round (${QUERIES.length} queries of 1-5 words, with and without diacritics), ${ROUNDS} rounds | | |`,
  );
  for (const [i, r] of rounds.entries())
    console.log(
      `| round ${i + 1}: library search p50 / p95 / max | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)} ms | p95 < 200 ms |`,
    );
  console.log(
    `| median of the rounds' p95 | ${median(rounds.map((r) => r.p95)).toFixed(1)} ms | p95 < 200 ms |`,
  );
  console.log(
    `| reference, lookup by code (indexed): median p50 / p95 | ${median(rounds.map((r) => r.ref50)).toFixed(2)} / ${median(rounds.map((r) => r.ref95)).toFixed(2)} ms | |`,
  );
  console.log(
    `| same results with and without diacritics, every query | ${sameResults ? "yes" : "NO"} | yes |`,
  );
  console.log("\nSlowest queries (median over rounds, first-page hits):");
  for (const [q, t] of slowest.slice(0, 6))
    console.log(`  ${t.toFixed(1)} ms  «${q}» (${hitsOf.get(q)} hits)`);
  const worst = slowest[0]?.[0] ?? "";
  const q = sql`to_tsquery('vn_fold', ${toTsQuery(worst)})`;
  // The newest year's slice, as searchLibrary reads it first.
  const plan = await sql<{ "QUERY PLAN": string }>`explain (analyze, buffers) with hits as (
      select d.submission_id as id from library_documents d
      where d.document @@ (${q} && quote_literal('#' || (select max(school_year) from library_documents))::tsquery)
      order by d.submission_id + 0 desc limit 1000)
    select hits.id, ts_rank(d.document, ${q}) r
    from hits join library_documents d on d.submission_id = hits.id order by r desc, hits.id desc limit 9`.execute(
    db,
  );
  console.log(`\nEXPLAIN ANALYZE of «${worst}»:`);
  for (const row of plan.rows) console.log(`  ${row["QUERY PLAN"]}`);
} finally {
  await database.close();
  if (!values.pglite) await runOnServer(SERVER, `drop database if exists ${name} with (force)`);
}
