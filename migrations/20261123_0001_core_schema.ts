import { type Kysely, sql } from "kysely";

// Frozen in time: this file must keep describing the schema as it was when written. Later changes go in new files.

export async function up(db: Kysely<any>): Promise<void> {
  const id = "id";
  const now = sql`now()`;

  await db.schema
    .createTable("units")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("search_name", "text", (c) => c.notNull())
    .addColumn("district", "text", (c) => c.notNull())
    .addColumn("school_level", "text", (c) => c.notNull())
    .addColumn("cluster", "text", (c) => c.notNull())
    .addColumn("block", "text", (c) => c.notNull())
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("units_district_idx").on("units").columns(["district", "name"]).execute();

  await db.schema
    .createTable("users")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("telegram_id", "bigint", (c) => c.notNull().unique())
    .addColumn("full_name", "text")
    .addColumn("telegram_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("username", "text")
    .addColumn("unit_id", "bigint", (c) => c.references("units.id"))
    .addColumn("locale", "text")
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("users_unit_idx").on("users").column("unit_id").execute();

  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('unit_head', 'reviewer', 'admin')`))
    .addColumn("unit_id", "bigint", (c) => c.references("units.id"))
    .addColumn("granted_by", "bigint", (c) => c.references("users.id"))
    .addColumn("granted_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("actor_id", "bigint", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("campaigns")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("school_year", "text", (c) => c.notNull())
    .addColumn("accepts_initiatives", "boolean", (c) => c.notNull())
    .addColumn("accepts_nominations", "boolean", (c) => c.notNull())
    .addColumn("requires_endorsement", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("audience", "jsonb", (c) =>
      c.notNull().defaultTo(sql`'{"clusters":[],"blocks":[],"unitIds":[]}'::jsonb`),
    )
    .addColumn("opens_at", "timestamptz", (c) => c.notNull())
    .addColumn("deadline_at", "timestamptz", (c) => c.notNull())
    .addColumn("announce_at", "timestamptz")
    .addColumn("reminder_offsets", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft', 'scheduled', 'open', 'closed')`),
    )
    .addColumn("created_by", "bigint", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("campaigns_window_check", sql`deadline_at > opens_at`)
    .execute();

  await db.schema
    .createTable("submissions")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('initiative', 'nomination')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(
          sql`status in ('draft', 'submitted', 'returned', 'endorsed', 'under_review', 'recognised', 'refused', 'withdrawn')`,
        ),
    )
    .addColumn("campaign_id", "bigint", (c) => c.references("campaigns.id"))
    .addColumn("submitter_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("unit_id", "bigint", (c) => c.references("units.id"))
    .addColumn("title", "text")
    .addColumn("fields", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("draft_step", "text")
    .addColumn("scope_proposed", "text", (c) =>
      c.check(sql`scope_proposed in ('unit', 'province', 'nation')`),
    )
    .addColumn("scope_recognised", "text", (c) =>
      c.check(sql`scope_recognised in ('unit', 'province', 'nation')`),
    )
    .addColumn("decision_number", "text")
    .addColumn("decision_date", "date")
    .addColumn("school_year", "text")
    .addColumn("submitted_at", "timestamptz")
    .addColumn("decision_due_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("submissions_submitter_idx")
    .on("submissions")
    .columns(["submitter_id", "status"])
    .execute();
  await db.schema
    .createIndex("submissions_campaign_idx")
    .on("submissions")
    .columns(["campaign_id", "status"])
    .execute();
  await db.schema
    .createIndex("submissions_unit_idx")
    .on("submissions")
    .columns(["unit_id", "status"])
    .execute();

  // Human codes (SK-2026-00042) come from a counter row per prefix and year, bumped with UPDATE ... RETURNING:
  // gapless and unique under concurrent submits, unlike a sequence shared across years.
  await db.schema
    .createTable("submission_counters")
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last_value", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("submission_counters_pk", ["prefix", "year"])
    .execute();

  await db.schema
    .createTable("submission_authors")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("user_id", "bigint", (c) => c.references("users.id"))
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("unit_name", "text")
    .addColumn("share", "numeric(5, 2)", (c) => c.notNull().check(sql`share > 0 and share <= 100`))
    .addUniqueConstraint("submission_authors_position_uq", ["submission_id", "position"])
    .execute();

  await db.schema
    .createTable("attachments")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('document', 'photo')`))
    .addColumn("telegram_file_id", "text", (c) => c.notNull())
    .addColumn("telegram_file_unique_id", "text", (c) => c.notNull())
    .addColumn("file_name", "text")
    .addColumn("mime_type", "text")
    .addColumn("size_bytes", "bigint")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("attachments_file_uq", ["submission_id", "telegram_file_unique_id"])
    .execute();

  await db.schema
    .createTable("submission_events")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("submission_id", "bigint", (c) => c.notNull().references("submissions.id").onDelete("cascade"))
    .addColumn("actor_id", "bigint", (c) => c.references("users.id"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("submission_events_submission_idx")
    .on("submission_events")
    .columns(["submission_id", "created_at"])
    .execute();

  await db.schema
    .createTable("broadcasts")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("campaign_id", "bigint", (c) => c.references("campaigns.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'done', 'cancelled')`),
    )
    .addColumn("created_by", "bigint", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("finished_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("broadcast_deliveries")
    .addColumn(id, "bigint", (c) => c.generatedAlwaysAsIdentity().primaryKey())
    .addColumn("broadcast_id", "bigint", (c) => c.notNull().references("broadcasts.id").onDelete("cascade"))
    .addColumn("user_id", "bigint", (c) => c.notNull().references("users.id"))
    .addColumn("chat_id", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sent', 'failed', 'blocked')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("lease_until", "timestamptz")
    .addColumn("telegram_message_id", "bigint")
    .addColumn("error", "text")
    .addColumn("sent_at", "timestamptz")
    .addUniqueConstraint("broadcast_deliveries_recipient_uq", ["broadcast_id", "user_id"])
    .execute();
  await db.schema
    .createIndex("broadcast_deliveries_due_idx")
    .on("broadcast_deliveries")
    .columns(["next_attempt_at", "id"])
    .where(sql.ref("status"), "=", "pending")
    .execute();

  await db.schema
    .createTable("conversation_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("state", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("cron_fires")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("fire_at", "timestamptz", (c) => c.notNull())
    .addColumn("instance", "text", (c) => c.notNull())
    .addColumn("fired_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("cron_fires_pk", ["job", "fire_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "cron_fires",
    "conversation_state",
    "broadcast_deliveries",
    "broadcasts",
    "submission_events",
    "attachments",
    "submission_authors",
    "submission_counters",
    "submissions",
    "campaigns",
    "audit_log",
    "user_roles",
    "users",
    "units",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
