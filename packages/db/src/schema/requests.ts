import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid, bigserial } from "drizzle-orm/pg-core";

/** One data subject request. `status` moves only along @lethe/core's lifecycle transitions. */
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("requests_status_idx").on(t.status), index("requests_due_idx").on(t.dueAt)],
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
