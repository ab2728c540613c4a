import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { legalHolds } from "./holds";
import { locatedRecords } from "./records";
import { requests } from "./requests";

/**
 * What the engine will do to one located record (issue 4, "Plans"): one row per located record,
 * rebuilt after every locate round. `action` is the current proposal; `approvedAction` is what
 * the approver saw — a re-locate after approval shows the difference (rows where they differ or
 * `approvedAction` is null) and the request waits for a new approval before acting on it.
 *
 * Actions: export | erase | anonymise | redact | retain | skip | rectify | restrict.
 */
export const planItems = pgTable(
  "plan_items",
  {
    locatedRecordId: uuid("located_record_id")
      .primaryKey()
      .references(() => locatedRecords.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    action: text("action").notNull(),
    /** Why this action: "strong match by email", "held: MiFID II Art. 16(7)", "excluded in review". */
    reason: text("reason").notNull(),
    /** The hold that makes this record `retain` (or `redact` under a hold that allows it). */
    holdId: uuid("hold_id").references(() => legalHolds.id),
    /** For `retain` under a rule hold: when the retention runs out and the erasure may proceed. */
    retainUntil: timestamp("retain_until", { withTimezone: true }),
    /** For `rectify`: the proposed field updates [{ field, value }] (personal data: minimised). */
    fieldUpdates: jsonb("field_updates"),
    /** Weak matches need a person's decision before any action: pending | include | exclude. */
    review: text("review").notNull().default("none"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    approvedAction: text("approved_action"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_items_request_idx").on(t.requestId),
    index("plan_items_hold_idx").on(t.holdId).where(sql`${t.holdId} is not null`),
  ],
);
