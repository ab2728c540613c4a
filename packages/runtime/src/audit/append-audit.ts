import { chainAuditEntry, type AuditEntry, type AuditEntryInput } from "@lethe/core";
import { appendAuditRecord, type Executor } from "@lethe/db";

export interface AuditInput {
  /** Who did it: a user id, `system`, `worker`, `cli`. */
  actor: string;
  /** What happened, dotted: `request.filed`, `erase.completed`, `connector_instance.created`. */
  action: string;
  requestId?: string | null;
  /** Ids and counts only — never a subject's plaintext identifiers or any secret. */
  payload: AuditEntryInput["payload"];
}

/**
 * Appends one entry to the audit log's hash chain, inside the caller's transaction so that the
 * entry exists if and only if the change it describes does. Core chains and hashes the entry onto
 * the head; the database serialises writers and stores it (`appendAuditRecord`: take it last in a
 * transaction, after any row locks).
 */
export async function appendAudit(tx: Executor, input: AuditInput): Promise<AuditEntry> {
  return appendAuditRecord(tx, (head) =>
    chainAuditEntry(head, {
      at: new Date(),
      actor: input.actor,
      action: input.action,
      requestId: input.requestId ?? null,
      payload: input.payload,
    }),
  );
}
