import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";
import { requests } from "./requests";

/** Progress of one request on one connector instance, phase by phase. */
export const requestTasks = pgTable(
  "request_tasks",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id),
    connectorId: text("connector_id").notNull(),
    connectorVersion: text("connector_version").notNull(),
    /** locate | export | erase | confirm | verify */
    phase: text("phase").notNull(),
    /** pending | running | done | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Counts for progress display (records located, exported, erased …). */
    progress: jsonb("progress").notNull().default(sql`'{}'::jsonb`),
    lastError: text("last_error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.instanceId, t.phase] })],
);

/** A job's resumable state (page cursor, refs done), saved before side effects are acknowledged. */
export const jobCheckpoints = pgTable("job_checkpoints", {
  key: text("key").primaryKey(),
  state: jsonb("state").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
