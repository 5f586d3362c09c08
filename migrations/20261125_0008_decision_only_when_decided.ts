import { type Kysely, sql } from "kysely";

// A decision's fields belong to a decided submission only: a withdrawal racing a decision once left a withdrawn row
// carrying decision number 12/QĐ. The services move every status under a row lock now; the schema refuses the
// mixture as well. NOT VALID: enforced on every write from now on without failing an upgrade over a row the old
// race may have left (found with: select id, status from submissions where status not in ('recognised',
// 'refused') and decision_number is not null).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table submissions add constraint submissions_decision_only_when_decided check (
      status in ('recognised', 'refused')
      or (decision_number is null and decision_date is null and scope_recognised is null and decided_at is null)
    ) not valid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table submissions drop constraint submissions_decision_only_when_decided`.execute(db);
}
