import type { StatsChartLabels } from "../../src/stats/stats-chart.js";

/** The /stats chart's Vietnamese words, for tests and benchmarks that draw it without a bot. */
export const CHART_LABELS: StatsChartLabels = {
  title: "Thống kê năm học 2025-2026: tiếp nhận 828, công nhận 771",
  outcomes: "Kết quả",
  nation: "Công nhận, toàn quốc",
  province: "Công nhận, toàn tỉnh",
  unit: "Công nhận, cấp cơ sở",
  refused: "Không công nhận",
  inProgress: "Đang xử lý",
  received: "Tiếp nhận",
  recognised: "Công nhận",
  byBlock: "Theo khối thi đua",
  byCluster: "Theo cụm thi đua",
};
