import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";

/** The latest connection test of each instance (its health as the console shows it). */
export const connectorInstanceChecks = pgTable("connector_instance_checks", {
  instanceId: uuid("instance_id")
    .primaryKey()
    .references(() => connectorInstances.id, { onDelete: "cascade" }),
  ok: boolean("ok").notNull(),
  /** The failure class (`auth`, `transient` …); null when ok. */
  code: text("code"),
  /** Scrubbed of secrets before it is stored. */
  message: text("message"),
  durationMs: integer("duration_ms").notNull(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
});
