import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";

/**
 * Retention schedules as code (docs/retention-schedules.md): records of one type on one connector
 * instance are erased once `period` (ISO 8601 duration) has passed, unless a legal hold, the
 * vendor's hold or one of `keepWhenTagged` keeps them. `source` `file`: written by the checked-in
 * `lethe.retention.json`, which wins — the console and API cannot change such a schedule.
 */
export const retentionSchedules = pgTable("retention_schedules", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  name: text("name").notNull().unique(),
  instanceId: uuid("instance_id")
    .notNull()
    .references(() => connectorInstances.id, { onDelete: "cascade" }),
  recordType: text("record_type").notNull(),
  period: text("period").notNull(),
  /** erase (the only action so far). */
  action: text("action").notNull(),
  keepWhenTagged: jsonb("keep_when_tagged").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  /** console | file */
  source: text("source").notNull(),
  /** SHA-256 of the terms (core's `retentionFingerprint`): what an approval covers. */
  fingerprint: text("fingerprint").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who approved which terms of a schedule, after which preview. A changed schedule needs a new one. */
export const retentionApprovals = pgTable(
  "retention_approvals",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => retentionSchedules.id, { onDelete: "cascade" }),
    fingerprint: text("fingerprint").notNull(),
    previewRunId: uuid("preview_run_id").notNull(),
    approvedBy: text("approved_by").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("retention_approvals_schedule_fingerprint").on(t.scheduleId, t.fingerprint)],
);

/**
 * One pass of a schedule: a `preview` (dry run: found and decided, nothing changed) or a `sweep`
 * (the same, then erased). `cutoff`: records whose retention clock is before it were past their
 * period. `counts`: found, erase, kept, and per receipt outcome.
 */
export const retentionRuns = pgTable(
  "retention_runs",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => retentionSchedules.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** queued | running | confirming | completed | failed */
    status: text("status").notNull(),
    cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
    connectorId: text("connector_id").notNull(),
    connectorVersion: text("connector_version").notNull(),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** Sweeps: how many times pending receipts were confirmed again. */
    confirmRounds: integer("confirm_rounds").notNull().default(0),
    error: text("error"),
    startedBy: text("started_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("retention_runs_schedule").on(t.scheduleId, t.startedAt)],
);

/**
 * One record a run found past its period: what it decided (`erase`, or `keep` with the reason) and,
 * for a sweep, the receipt (outcome, detail, the vendor job a pending one waits on). `label` is the
 * connector's non-identifying label; no identifier is stored.
 */
export const retentionRunItems = pgTable(
  "retention_run_items",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => retentionRuns.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    label: text("label"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    /** erase | keep */
    action: text("action").notNull(),
    keepReason: text("keep_reason"),
    holdId: uuid("hold_id"),
    /** erased | pending | retained | already-absent | failed …; null until erased (and always for a preview). */
    outcome: text("outcome"),
    detail: text("detail"),
    pending: jsonb("pending"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("retention_run_items_record").on(t.runId, t.recordType, t.recordId)],
);
