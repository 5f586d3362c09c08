import { type Kysely, sql } from "kysely";

// Campaign announcements and deadline reminders over the durable broadcast queue.
export async function up(db: Kysely<any>): Promise<void> {
  // Reminders are named ("7d", "3d", "1d", "morning": 07:00 on the deadline's day) rather than minutes, so that
  // "7 days before" means 7 calendar days in the department's time zone.
  await sql`update campaigns set reminder_offsets = '["7d","3d","1d","morning"]'::jsonb`.execute(db);
  await db.schema
    .alterTable("campaigns")
    .alterColumn("reminder_offsets", (c) => c.setDefault(sql`'["7d","3d","1d","morning"]'::jsonb`))
    .execute();
  // deadline_changed_at: reminders planned before an extension are not sent after it.
  await db.schema
    .alterTable("campaigns")
    .addColumn("closed_at", "timestamptz")
    .addColumn("deadline_changed_at", "timestamptz")
    .execute();

  await db.schema
    .alterTable("broadcasts")
    .addColumn("total", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("summary_sent_at", "timestamptz")
    .execute();

  // What the recipient's message says beyond the broadcast's own payload, fixed at enqueue time (e.g. that the
  // recipient holds an unfinished draft for the campaign).
  await db.schema.alterTable("broadcast_deliveries").addColumn("variant", "text").execute();
  await db.schema
    .createIndex("broadcast_deliveries_progress_idx")
    .on("broadcast_deliveries")
    .columns(["broadcast_id", "status"])
    .execute();
  await db.schema
    .createIndex("campaigns_status_idx")
    .on("campaigns")
    .columns(["status", "deadline_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("campaigns_status_idx").execute();
  await db.schema.dropIndex("broadcast_deliveries_progress_idx").execute();
  await db.schema.alterTable("broadcast_deliveries").dropColumn("variant").execute();
  await db.schema.alterTable("broadcasts").dropColumn("summary_sent_at").dropColumn("total").execute();
  await db.schema.alterTable("campaigns").dropColumn("deadline_changed_at").dropColumn("closed_at").execute();
  await db.schema
    .alterTable("campaigns")
    .alterColumn("reminder_offsets", (c) => c.setDefault(sql`'[]'::jsonb`))
    .execute();
}
