import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { connectorInstances } from "./connector-instances";

/**
 * The consent ledger: one row per participant (leg) of a recorded call, filled from the
 * connectors' consent evidence and judged by `@lethe/core`'s `judgeConsent`. Minimised like a
 * closed request from the start: the participant is kept only as keyed hashes of their
 * identifiers (matched against a subject's for access exports) and masked hints for the officer
 * (`+44 •••• 123`), never in plaintext. `facts` are offsets and capture methods only.
 */
export const consentLedger = pgTable(
  "consent_ledger",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    participantId: text("participant_id").notNull(),
    role: text("role").notNull(),
    identifierHashes: text("identifier_hashes").array().notNull(),
    /** `[{ kind, masked }]`. */
    identifierHints: jsonb("identifier_hints").notNull(),
    channel: integer("channel"),
    callStartedAt: timestamp("call_started_at", { withTimezone: true }).notNull(),
    callDurationMs: integer("call_duration_ms").notNull(),
    joinedAtMs: integer("joined_at_ms").notNull(),
    leftAtMs: integer("left_at_ms"),
    /** The vendor's facts: `[{ kind, atMs, capture? }]`. */
    facts: jsonb("facts").notNull(),
    region: text("region").notNull(),
    rule: text("rule").notNull(),
    disclosedAtMs: integer("disclosed_at_ms"),
    consentedAtMs: integer("consented_at_ms"),
    capture: text("capture"),
    withdrawnAtMs: integer("withdrawn_at_ms"),
    consented: boolean("consented").notNull(),
    /** `[{ fromMs, toMs }]`: the stretches of their recording that lack consent. */
    unconsented: jsonb("unconsented").notNull(),
    reason: text("reason").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("consent_ledger_participant_unique").on(t.instanceId, t.recordId, t.participantId),
    index("consent_ledger_gaps_idx").on(t.instanceId, t.callStartedAt).where(sql`not ${t.consented}`),
    index("consent_ledger_hashes_idx").using("gin", t.identifierHashes),
  ],
);

/**
 * A plan to put right a call that lacks a participant's consent: mute their channel over the
 * unconsented stretches (`redact-party`, through the connector's redaction) or delete the
 * recording (`delete-recording`, through its erasure). Drafted, approved by a second step, then
 * carried out by a job that stores the connector's receipt; a call a legal hold keeps is retained
 * and says which hold.
 */
export const consentRemediations = pgTable(
  "consent_remediations",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    ledgerEntryId: uuid("ledger_entry_id")
      .notNull()
      .references(() => consentLedger.id, { onDelete: "cascade" }),
    instanceId: uuid("instance_id")
      .notNull()
      .references(() => connectorInstances.id, { onDelete: "cascade" }),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    action: text("action").notNull(),
    /** For `redact-party`: `[{ channel, startMs, endMs }]`. */
    spans: jsonb("spans").notNull(),
    /** draft | approved | running | completed | retained | failed */
    status: text("status").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** The connector's receipt: `{ outcome, detail }`. */
    receipt: jsonb("receipt"),
    heldBy: text("held_by"),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("consent_remediations_ledger_idx").on(t.ledgerEntryId)],
);
