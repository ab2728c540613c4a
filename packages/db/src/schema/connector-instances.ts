import { sql } from "drizzle-orm";
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * A configured connection to one system. Secrets are stored only as AES-256-GCM ciphertext
 * (see ../crypto/secret-box.ts); settings are plain JSON and must never hold a secret.
 */
export const connectorInstances = pgTable(
  "connector_instances",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    connectorId: text("connector_id").notNull(),
    name: text("name").notNull(),
    settings: jsonb("settings").notNull(),
    secretsCiphertext: text("secrets_ciphertext").notNull(),
    /** Admin-configured ceiling; null means the connector's declared vendor default. */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("connector_instances_name_unique").on(t.name)],
);

/**
 * Shared rate-limit state of an instance, so that all workers together respect the vendor's limit:
 * a token bucket refilled at `rate_limit_per_minute`, and a pause set by any worker that saw a 429.
 */
export const instanceRateLimits = pgTable("instance_rate_limits", {
  instanceId: uuid("instance_id")
    .primaryKey()
    .references(() => connectorInstances.id, { onDelete: "cascade" }),
  tokens: integer("tokens").notNull(),
  refilledAt: timestamp("refilled_at", { withTimezone: true, precision: 3 }).notNull(),
  pausedUntil: timestamp("paused_until", { withTimezone: true, precision: 3 }),
});
