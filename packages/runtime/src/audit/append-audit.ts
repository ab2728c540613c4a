import { auditEntryContent, type AuditEntryInput } from "@lethe/core";
import { appendAuditRecord, appendAuditRecords, type Executor, type UnsealedAuditRecord } from "@lethe/db";

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
 * Appends one entry to the audit log, inside the caller's transaction so that the entry exists if
 * and only if the change it describes does. One INSERT, no lock: the entry is checked by core now
 * (so it can always be hashed) and given its place in the hash chain after commit by the sealer
 * (`sealAuditLog`), which runs soon after and before anything reads or verifies the chain.
 */
export async function appendAudit(tx: Executor, input: AuditInput): Promise<UnsealedAuditRecord> {
  return appendAuditRecord(tx, contentOf(input, new Date()));
}

/** `appendAudit` for several entries at once: one multi-row INSERT, ids in the order given. */
export async function appendAudits(tx: Executor, inputs: readonly AuditInput[]): Promise<UnsealedAuditRecord[]> {
  const at = new Date();
  return appendAuditRecords(tx, inputs.map((input) => contentOf(input, at)));
}

function contentOf(input: AuditInput, at: Date) {
  return auditEntryContent({ at, actor: input.actor, action: input.action, requestId: input.requestId ?? null, payload: input.payload });
}
