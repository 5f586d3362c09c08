import type { Kysely } from "kysely";
import {
  type Database,
  type Scope,
  SUBMISSION_STATUSES,
  type SubmissionKind,
  type SubmissionStatus,
} from "../db/types.js";
import { requireRole } from "../users/permissions.js";
import {
  appliedInitiatives,
  countGroups,
  listUnitGroups,
  type StatsScope,
  unitCounts,
} from "./stats.repository.js";

export interface GroupCount {
  name: string;
  received: number;
  recognised: number;
}

export interface Statistics {
  /** Submitted (not withdrawn): what the council received. */
  received: number;
  withdrawn: number;
  recognised: number;
  refused: number;
  /** Received and not yet decided. */
  inProgress: number;
  byStatus: Record<SubmissionStatus, number>;
  byKind: Record<SubmissionKind, number>;
  recognisedByScope: Record<Scope, number>;
  byUnit: GroupCount[];
  byCluster: GroupCount[];
  byBlock: GroupCount[];
  /** Spreading: recognised initiatives applied elsewhere, the units and districts applying them, the most applied. */
  applied: {
    initiatives: number;
    units: number;
    districts: number;
    top: { code: string | null; title: string | null; units: number; districts: number }[];
  };
}

const zero = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
/** The statuses /stats counts: every one a submission can have once sent. */
export const RECEIVED_STATUSES = SUBMISSION_STATUSES.filter((s) => s !== "draft");

/** The department's figures for a school year or a campaign, as the year-end report phrases them. */
export class StatsService {
  constructor(private readonly db: Kysely<Database>) {}

  async compute(actorId: number, scope: StatsScope): Promise<Statistics> {
    await requireRole(this.db, actorId, "admin");
    const [rows, unitList, applied] = await Promise.all([
      countGroups(this.db, scope),
      listUnitGroups(this.db),
      appliedInitiatives(this.db, scope),
    ]);
    const units = unitCounts(rows, unitList);
    const byStatus = zero<SubmissionStatus>(SUBMISSION_STATUSES);
    const byKind = zero<SubmissionKind>(["initiative", "nomination"]);
    const recognisedByScope = zero<Scope>(["unit", "province", "nation"]);
    for (const r of rows) {
      byStatus[r.status] += r.n;
      if (r.status !== "withdrawn") byKind[r.kind] += r.n;
      if (r.status === "recognised" && r.scope_recognised) recognisedByScope[r.scope_recognised] += r.n;
    }
    const received = rows.filter((r) => r.status !== "withdrawn").reduce((a, r) => a + r.n, 0);
    const sum = (key: (u: (typeof units)[number]) => string): GroupCount[] => {
      const groups = new Map<string, GroupCount>();
      for (const u of units) {
        const g = groups.get(key(u)) ?? { name: key(u), received: 0, recognised: 0 };
        g.received += u.received;
        g.recognised += u.recognised;
        groups.set(key(u), g);
      }
      return [...groups.values()].sort(
        (a, b) => b.received - a.received || a.name.localeCompare(b.name, "vi"),
      );
    };
    return {
      received,
      withdrawn: byStatus.withdrawn,
      recognised: byStatus.recognised,
      refused: byStatus.refused,
      inProgress: received - byStatus.recognised - byStatus.refused,
      byStatus,
      byKind,
      recognisedByScope,
      byUnit: sum((u) => u.name),
      byCluster: sum((u) => u.cluster),
      byBlock: sum((u) => u.block),
      applied: {
        initiatives: applied.initiatives.length,
        units: applied.units,
        districts: applied.districts,
        top: applied.initiatives.slice(0, 5),
      },
    };
  }
}
