import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One data subject request. `status` moves only along the lifecycle the runtime enforces. */
export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    type: text("type").notNull(),
    regime: text("regime").notNull(),
    status: text("status").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** IANA zone the deadline was computed in (the organisation's). */
    timeZone: text("time_zone").notNull(),
    /** Where the access/portability bundle was written; null until it exists or after it is deleted. */
    exportPath: text("export_path"),
    exportSha256: text("export_sha256"),
    /** Free-form, non-identifying details of the outcome (counts, failures). */
    outcome: jsonb("outcome"),
    /**
     * Type-specific input: rectification `{ changes: [{ field, value }] }`, restriction
     * `{ lift?: boolean }`. Personal data: cleared by minimisation.
     */
    parameters: jsonb("parameters"),
    /** Locate runs in rounds: identifiers discovered in round n are searched for in round n+1. */
    locateRound: integer("locate_round").notNull().default(0),
    /** The last round (issue 4: bounded depth, default 2). */
    locateDepth: integer("locate_depth").notNull().default(2),
    /** none | draft | approved. The plan is approved before any destructive step. */
    planStatus: text("plan_status").notNull().default("none"),
    planApprovedBy: text("plan_approved_by"),
    planApprovedAt: timestamp("plan_approved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** After this, minimisation replaces the subject's identifiers with keyed hashes. */
    retainUntil: timestamp("retain_until", { withTimezone: true }),
    minimisedAt: timestamp("minimised_at", { withTimezone: true }),
    /** Set when an identifier of this request is on the suppression list (a person erased before). */
    suppressionMatches: integer("suppression_matches").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The request list's keyset pages order by (received_at, id) or (due_at, id), either way.
  (t) => [
    index("requests_status_idx").on(t.status),
    index("requests_due_idx").on(t.dueAt, t.id),
    index("requests_received_idx").on(t.receivedAt, t.id),
  ],
);

/** Every lifecycle transition, in order. */
export const requestStatusHistory = pgTable(
  "request_status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actor: text("actor").notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("request_status_history_request_idx").on(t.requestId, t.id)],
);
