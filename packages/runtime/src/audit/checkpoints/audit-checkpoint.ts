import { createHash, sign, verify, type KeyObject } from "node:crypto";
import { z } from "zod";

/**
 * A signed statement of how long the audit chain was and what its head was at a moment. Kept
 * outside the database (a file, a webhook receiver), it is what a truncated or shortened chain
 * — which still hashes correctly — is measured against.
 */
export const auditCheckpointSchema = z
  .object({
    count: z.number().int().min(0),
    headHash: z.string(),
    at: z.iso.datetime({ offset: true }),
    /** SHA-256 of the signing public key (SPKI DER), hex: which key to check with. */
    keyId: z.string(),
    /** Ed25519 signature over `checkpointMessage`, base64. */
    signature: z.string(),
  })
  .strict();
export type AuditCheckpoint = z.infer<typeof auditCheckpointSchema>;

/** The exact bytes signed: a versioned, unambiguous line per field. */
export function checkpointMessage(checkpoint: Pick<AuditCheckpoint, "count" | "headHash" | "at">): Buffer {
  return Buffer.from(`lethe-audit-checkpoint:v1\n${checkpoint.count}\n${checkpoint.headHash}\n${checkpoint.at}`, "utf8");
}

export function checkpointKeyId(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex");
}

export function signCheckpoint(
  state: { count: number; headHash: string; at: Date },
  key: { privateKey: KeyObject; publicKey: KeyObject },
): AuditCheckpoint {
  const unsigned = { count: state.count, headHash: state.headHash, at: state.at.toISOString() };
  const signature = sign(null, checkpointMessage(unsigned), key.privateKey).toString("base64");
  return { ...unsigned, keyId: checkpointKeyId(key.publicKey), signature };
}

/** Whether `checkpoint` was signed by `publicKey` and not changed since. */
export function checkpointSignatureValid(checkpoint: AuditCheckpoint, publicKey: KeyObject): boolean {
  if (checkpoint.keyId !== checkpointKeyId(publicKey)) return false;
  return verify(null, checkpointMessage(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
}
