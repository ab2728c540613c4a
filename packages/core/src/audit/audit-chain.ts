import { createHash } from "node:crypto";
import type { JsonValue } from "@lethe/connector-sdk";
import { canonicalJson } from "./canonical-json";

/** The `prevHash` of the first entry of every chain. */
export const GENESIS_HASH = "0".repeat(64);

/**
 * One entry of the append-only audit log. Each entry's `hash` covers its content and the previous
 * entry's hash, so changing, removing or inserting an entry breaks the chain from that point on.
 * Payloads hold ids and counts, never plaintext identifiers of a subject.
 */
export interface AuditEntry {
  /** 1 for the first entry, then consecutive. */
  seq: number;
  /** ISO 8601 in UTC with milliseconds, as `Date#toISOString` writes it. */
  at: string;
  actor: string;
  action: string;
  requestId: string | null;
  payload: JsonValue;
  prevHash: string;
  hash: string;
}

export interface AuditEntryInput {
  /** A Date, or a string already in `Date#toISOString` form. */
  at: Date | string;
  actor: string;
  action: string;
  requestId: string | null;
  payload: JsonValue;
}

export class InvalidAuditEntryError extends Error {
  constructor(problem: string) {
    super(`Cannot append to the audit log: ${problem}.`);
    this.name = "InvalidAuditEntryError";
  }
}

/** sha256 (hex) over the canonical JSON of every field but `hash` itself. */
export function computeAuditHash(entry: Omit<AuditEntry, "hash">): string {
  const { seq, at, actor, action, requestId, payload, prevHash } = entry;
  const content = canonicalJson({ seq, at, actor, action, requestId, payload, prevHash });
  return createHash("sha256").update(content, "utf8").digest("hex");
}

// The database keeps `at` with millisecond precision in UTC; any other spelling of the same
// instant would come back different and no longer match its hash.
function canonicalTime(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new InvalidAuditEntryError("`at` is not a valid time");
  const iso = date.toISOString();
  if (typeof at === "string" && at !== iso) {
    throw new InvalidAuditEntryError(`\`at\` must be written as ${iso} (ISO 8601, UTC, milliseconds)`);
  }
  return iso;
}

/** What an entry says, before it has a place in the chain. */
export type AuditEntryContent = Omit<AuditEntry, "seq" | "prevHash" | "hash">;

/**
 * Checks and normalises an entry's content as it will be stored and hashed: time in
 * `Date#toISOString` form, request id in lowercase, payload plain JSON. Writers call it before
 * inserting an unsealed entry, so that an entry the sealer could not hash never reaches the log.
 */
export function auditEntryContent(input: AuditEntryInput): AuditEntryContent {
  if (input.actor.trim() === "") throw new InvalidAuditEntryError("`actor` is empty");
  if (input.action.trim() === "") throw new InvalidAuditEntryError("`action` is empty");
  // Throws CanonicalJsonError for anything jsonb would store differently from what is hashed.
  canonicalJson(input.payload);
  return {
    at: canonicalTime(input.at),
    actor: input.actor,
    action: input.action,
    // Stored in a uuid column, which reads back in lowercase; hash what will be read.
    requestId: input.requestId === null ? null : input.requestId.toLowerCase(),
    payload: input.payload,
  };
}

/** The entry that follows `previous` (or starts the chain when `previous` is null), hashed. */
export function chainAuditEntry(previous: Pick<AuditEntry, "seq" | "hash"> | null, input: AuditEntryInput): AuditEntry {
  const unhashed = {
    seq: previous ? previous.seq + 1 : 1,
    ...auditEntryContent(input),
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unhashed, hash: computeAuditHash(unhashed) };
}
