import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";
import { requests } from "./requests";

/** A record a connector located for a request, with how it matched and what it revealed. */
export const locatedRecords = pgTable(
  "located_records",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    /** strong | weak: the strongest of `matchedBy`. Weak records wait for review. */
    strength: text("strength").notNull(),
    matchedBy: jsonb("matched_by").notNull(),
    discovered: jsonb("discovered").notNull(),
    label: text("label"),
    /** The locate round that first found it (0: by the given identifiers). */
    round: integer("round").notNull().default(0),
    /** What holds are matched against: `{ tags?, caseIds?, occurredAt? }` as the connector reported. */
    facts: jsonb("facts").notNull().default(sql`'{}'::jsonb`),
    locatedAt: timestamp("located_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("located_records_unique").on(t.requestId, t.instanceId, t.recordType, t.recordId),
  ],
);

/**
 * What was done to a record and the proof of it: one row per (request, instance, record, phase).
 * Written before the job moves on, so a restarted job knows what it already did.
 */
export const receipts = pgTable(
  "receipts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id),
    connectorId: text("connector_id").notNull(),
    connectorVersion: text("connector_version").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    /** export | erase | confirm | verify | release | rectify | restrict */
    phase: text("phase").notNull(),
    /** erased | anonymised | redacted | already-absent | retained | pending | exported | still-present */
    outcome: text("outcome").notNull(),
    detail: text("detail"),
    pendingJobId: text("pending_job_id"),
    hold: jsonb("hold"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("receipts_unique").on(t.requestId, t.instanceId, t.recordType, t.recordId, t.phase),
    index("receipts_request_idx").on(t.requestId),
  ],
);
