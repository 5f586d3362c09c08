import type { User } from "grammy/types";

export type DemoRole = "newcomer" | "teacher" | "unit_head" | "reviewer" | "admin";

/** Someone the visitor can be on the page: a Telegram user, and how the page introduces them. */
export interface DemoPerson {
  user: User;
  role: DemoRole;
  /** The role as the page's switcher says it (Vietnamese, as the department's staff read it). */
  roleLabel: string;
  /** The unit's code in seed/demo-units.csv; none for the newcomer, who picks one while registering. */
  unitCode?: string;
  /** The name registered with the bot. */
  fullName?: string;
}

const user = (id: number, first_name: string, last_name: string): User => ({
  id,
  is_bot: false,
  first_name,
  last_name,
  language_code: "vi",
});

/** The people the page offers, in the switcher's order. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    user: user(710001, "Lan", "Nguyễn Thị"),
    role: "teacher",
    roleLabel: "Giáo viên",
    unitCode: "LS-THPT-02",
    fullName: "Nguyễn Thị Lan",
  },
  {
    user: user(710002, "Minh", "Trần Văn"),
    role: "unit_head",
    roleLabel: "Thủ trưởng đơn vị",
    unitCode: "LS-THPT-02",
    fullName: "Trần Văn Minh",
  },
  {
    user: user(710003, "Hoa", "Lê Thị"),
    role: "reviewer",
    roleLabel: "Thành viên hội đồng",
    unitCode: "LS-THPT-03",
    fullName: "Lê Thị Hoa",
  },
  {
    user: user(710004, "Hùng", "Phạm Quốc"),
    role: "admin",
    roleLabel: "Quản trị viên",
    unitCode: "SGD-VP",
    fullName: "Phạm Quốc Hùng",
  },
  { user: user(710005, "Trang", "Đỗ Thu"), role: "newcomer", roleLabel: "Giáo viên mới" },
];

/**
 * People of the demo year the visitor cannot be: the other authors, a second council member (so the council can
 * spread its work without giving anyone a submission from their own unit), the heads of the other authors' units.
 */
export const BACKGROUND_PEOPLE: DemoPerson[] = (
  [
    { user: user(710011, "Bình", "Trần Văn"), role: "teacher", roleLabel: "", unitCode: "LS-THPT-02" },
    { user: user(710012, "Cường", "Hoàng Mạnh"), role: "teacher", roleLabel: "", unitCode: "LS-THCS-01" },
    { user: user(710013, "Dung", "Vũ Thị"), role: "teacher", roleLabel: "", unitCode: "LS-THPT-01" },
    { user: user(710014, "Giang", "Bùi Hương"), role: "teacher", roleLabel: "", unitCode: "LS-THPT-03" },
    { user: user(710015, "Anh", "Võ Đức"), role: "reviewer", roleLabel: "", unitCode: "LS-THPT-01" },
    { user: user(710021, "Sơn", "Đặng Hồng"), role: "unit_head", roleLabel: "", unitCode: "LS-THCS-01" },
    { user: user(710022, "Phương", "Ngô Thanh"), role: "unit_head", roleLabel: "", unitCode: "LS-THPT-01" },
    { user: user(710023, "Tâm", "Lý Minh"), role: "unit_head", roleLabel: "", unitCode: "LS-THPT-03" },
  ] satisfies DemoPerson[]
).map((p) => ({ ...p, fullName: `${p.user.last_name} ${p.user.first_name}` }));

export function personById(telegramId: number): DemoPerson | undefined {
  return [...DEMO_PEOPLE, ...BACKGROUND_PEOPLE].find((p) => p.user.id === telegramId);
}
