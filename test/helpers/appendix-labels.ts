import type { AppendixLabels } from "../../src/export/export.service.js";

/** Plain labels for the appendix in tests and benchmarks: the words of the kinds, statuses, scopes tagged. */
export const LABELS: AppendixLabels = {
  sheets: { submissions: "Hồ sơ", units: "Theo đơn vị", groups: "Theo cụm, khối" },
  columns: [
    "Mã",
    "Tên",
    "Tác giả",
    "Người được đề cử",
    "Danh hiệu đề nghị",
    "Đơn vị",
    "Cụm",
    "Khối",
    "Loại",
    "Phong trào",
    "Trạng thái",
    "Ngày nhận",
    "Phạm vi",
    "Số QĐ",
    "Ngày QĐ",
    "Điểm",
    "Đơn vị áp dụng",
    "Huyện áp dụng",
  ],
  unitColumns: ["Đơn vị", "Cụm", "Khối", "Tiếp nhận", "Công nhận"],
  groupColumns: ["Nhóm", "Tên", "Tiếp nhận", "Công nhận"],
  kind: (k) => `kind:${k}`,
  status: (s) => `status:${s}`,
  scope: (s) => `scope:${s}`,
  award: (a) => `award:${a}`,
  cluster: "Cụm",
  block: "Khối",
};
