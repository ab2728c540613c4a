import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/** An outbound webhook: events are POSTed as JSON signed with HMAC-SHA-256 of the body. */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  url: text("url").notNull(),
  /** The signing secret, encrypted at rest like connector secrets. */
  secretCiphertext: text("secret_ciphertext").notNull(),
  /** Event names it receives, e.g. ["deadline.due_soon", "deadline.overdue"]. */
  events: jsonb("events").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Every delivery attempt series, so nothing is lost when the receiver is down. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    /** Non-identifying: ids, types, dates. */
    payload: jsonb("payload").notNull(),
    /** pending | delivered | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id)],
);

/** One alert per request and kind (due_soon | overdue), so a sweep never alerts twice. */
export const deadlineAlerts = pgTable(
  "deadline_alerts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** The due date the alert was raised against (an extension re-arms the alerts). */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("deadline_alerts_unique").on(t.requestId, t.kind, t.dueAt)],
);
