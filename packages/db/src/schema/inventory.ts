import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";

/*
 * The data inventory's discovery scans (docs/data-inventory.md): how many records of each type
 * each system holds, and nothing else. No record, id or value of personal data is stored; a count
 * is a number per instance, record type and time.
 */

/** One scan over every enabled connector instance. */
export const inventoryScans = pgTable("inventory_scans", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  /** Who started it (a user id, a token id, or `cli`). */
  startedBy: text("started_by").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One instance's part of a scan: `pending` until its job ran, then `completed`, `failed` (with the
 * error, scrubbed of secrets) or `not-countable` (its connector counts nothing). One instance
 * failing fails only its row, never the scan.
 */
export const inventoryScanInstances = pgTable(
  "inventory_scan_instances",
  {
    scanId: uuid("scan_id")
      .notNull()
      .references(() => inventoryScans.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "completed", "failed", "not-countable"] }).notNull(),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.instanceId] })],
);

/** How many records of a type an instance held when the scan counted them. */
export const inventoryCounts = pgTable(
  "inventory_counts",
  {
    scanId: uuid("scan_id")
      .notNull()
      .references(() => inventoryScans.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    /** False when the vendor answered an estimate (a cached or capped count). */
    exact: boolean("exact").notNull(),
    countedAt: timestamp("counted_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scanId, t.instanceId, t.recordType] }), index("inventory_counts_instance_idx").on(t.instanceId, t.countedAt)],
);
