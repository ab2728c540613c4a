import { readAuditLog, type Database } from "@lethe/db";
import { verifyAuditLog, type AuditLogVerification } from "../../audit-verification";
import { checkpointKeyId, checkpointSignatureValid, signCheckpoint, type AuditCheckpoint } from "./audit-checkpoint";
import type { CheckpointKey } from "./checkpoint-key";
import type { AuditCheckpointStore } from "./checkpoint-store";

export interface AuditCheckpointing {
  store: AuditCheckpointStore;
  key: CheckpointKey;
}

/** The chain measured against the latest signed checkpoint kept outside the database. */
export type AuditTrailVerification =
  | { ok: true; count: number; headHash: string; checkpoint: Pick<AuditCheckpoint, "count" | "at"> | null }
  | { ok: false; seq: number | null; reason: string; message: string };

/**
 * Re-hashes the chain (`verifyAuditLog`) and then compares it with the latest checkpoint signed by
 * `key`: a chain that hashes correctly but holds fewer entries than were checkpointed was
 * truncated or lost its tail; a different hash at the checkpointed position means the history up
 * to it was rewritten and re-hashed. Either is "tampered". A checkpoint line of this key whose
 * signature does not verify means the checkpoint file itself was edited.
 */
export async function verifyAuditTrail(database: Database, checkpointing: AuditCheckpointing): Promise<AuditTrailVerification> {
  const chain = await verifyAuditLog(database);
  if (!chain.ok) return { ...chain, message: `audit chain BROKEN at entry ${chain.seq}: ${chain.reason}` };
  const latest = await latestCheckpoint(checkpointing);
  if (latest === "forged") {
    return { ok: false, seq: null, reason: "checkpoint_signature_invalid", message: "tampered: a checkpoint's signature does not verify" };
  }
  return compareWithCheckpoint(database, chain, latest);
}

/**
 * Verifies the trail and, when it is intact, signs and stores a checkpoint of the chain as it is
 * now (unless the latest already says the same). A trail that fails is never checkpointed: that
 * would make the damage the new baseline.
 */
export async function writeAuditCheckpoint(
  database: Database,
  checkpointing: AuditCheckpointing,
  now: Date = new Date(),
): Promise<{ verification: AuditTrailVerification; written: AuditCheckpoint | null }> {
  const verification = await verifyAuditTrail(database, checkpointing);
  if (!verification.ok) return { verification, written: null };
  const latest = verification.checkpoint;
  if (latest && latest.count === verification.count) {
    return { verification, written: null };
  }
  const written = signCheckpoint({ count: verification.count, headHash: verification.headHash, at: now }, checkpointing.key);
  await checkpointing.store.append(written);
  return { verification: { ...verification, checkpoint: { count: written.count, at: written.at } }, written };
}

async function latestCheckpoint(checkpointing: AuditCheckpointing): Promise<AuditCheckpoint | null | "forged"> {
  const all = await checkpointing.store.list();
  for (let index = all.length - 1; index >= 0; index -= 1) {
    const checkpoint = all[index];
    if (!checkpoint) continue;
    if (checkpointSignatureValid(checkpoint, checkpointing.key.publicKey)) return checkpoint;
    // Signed by this key's id but not verifying: edited. Another key's (rotated) lines are passed over.
    if (checkpoint.keyId === checkpointKeyId(checkpointing.key.publicKey)) return "forged";
  }
  return null;
}

async function compareWithCheckpoint(
  database: Database,
  chain: Extract<AuditLogVerification, { ok: true }>,
  checkpoint: AuditCheckpoint | null,
): Promise<AuditTrailVerification> {
  if (!checkpoint) return { ...chain, checkpoint: null };
  if (chain.count < checkpoint.count) {
    const missing = checkpoint.count - chain.count;
    return {
      ok: false,
      seq: chain.count + 1,
      reason: "entries_missing",
      message: `tampered: ${missing} entries missing since checkpoint at ${checkpoint.at} (${checkpoint.count} entries then, ${chain.count} now)`,
    };
  }
  if (checkpoint.count > 0) {
    const [entry] = await readAuditLog(database.db, { fromSeq: checkpoint.count, limit: 1 });
    if (!entry || entry.seq !== checkpoint.count || entry.hash !== checkpoint.headHash) {
      return {
        ok: false,
        seq: checkpoint.count,
        reason: "checkpoint_mismatch",
        message: `tampered: entry ${checkpoint.count} is not the one checkpointed at ${checkpoint.at}`,
      };
    }
  }
  return { ...chain, checkpoint: { count: checkpoint.count, at: checkpoint.at } };
}
