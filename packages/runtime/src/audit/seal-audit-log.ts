import { chainAuditEntry, type AuditEntry } from "@lethe/core";
import { readAuditSealingRound, sealAuditRecords, type AuditSeal, type DrizzleDatabase, type UnsealedAuditRecord } from "@lethe/db";

/** Entries sealed per round (one short transaction each); a backlog takes several rounds. */
const roundSize = 1_000;

/**
 * Gives every committed unsealed audit entry its place in the hash chain, in commit-visibility
 * order: each round, in its own short transaction under the sealer's advisory lock, reads the head
 * and the committed unsealed entries (by insertion number), chains and hashes them with core's
 * rules, and stores seq/prev_hash/hash in one statement. An entry whose transaction commits after
 * a round read is sealed by the next one. Returns how many entries were sealed.
 *
 * Call it before reading the chain (verification, checkpoints, the API's audit views); writers'
 * processes also run it shortly after their commits (`createAuditSealer`).
 */
export async function sealAuditLog(db: DrizzleDatabase): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const round = await readAuditSealingRound(tx, roundSize);
      const seals = chainUnsealed(round.head, round.unsealed);
      await sealAuditRecords(tx, seals);
      return seals.length;
    });
    sealed += count;
    if (count < roundSize) return sealed;
  }
}

/** The chain positions of `unsealed`, in the order given, after `head` (null: an empty log). Pure. */
export function chainUnsealed(head: Pick<AuditEntry, "seq" | "hash"> | null, unsealed: readonly UnsealedAuditRecord[]): AuditSeal[] {
  const seals: AuditSeal[] = [];
  let previous = head;
  for (const entry of unsealed) {
    const chained = chainAuditEntry(previous, entry);
    seals.push({ id: entry.id, seq: chained.seq, prevHash: chained.prevHash, hash: chained.hash });
    previous = chained;
  }
  return seals;
}
