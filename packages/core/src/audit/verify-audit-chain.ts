import { GENESIS_HASH, computeAuditHash, type AuditEntry } from "./audit-chain";

export type AuditChainVerification =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      /** The first entry at which the chain is broken. */
      seq: number;
      reason: "hash_mismatch" | "broken_link" | "sequence_gap" | "not_starting_at_genesis";
    };

/** The entry just before the first one given, for checking the tail of a log verified earlier. */
export interface AuditChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Checks a log given in `seq` order, streaming (entries are not held in memory). Per entry, in
 * this order: its `seq` follows the previous one by exactly 1 (`sequence_gap`: an entry removed, or
 * one inserted under a duplicate number); its `prevHash` is the previous entry's `hash`
 * (`broken_link`: an entry removed or inserted and the rest renumbered, or the previous one
 * rewritten and re-hashed); its `hash` matches its content (`hash_mismatch`: the entry was changed).
 * Without an anchor the first entry must be seq 1 on `GENESIS_HASH` (`not_starting_at_genesis`).
 *
 * Removing entries from the end leaves a valid, shorter chain; compare `headHash` and `count` with
 * a copy kept elsewhere to detect that.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, anchor?: AuditChainAnchor): AuditChainVerification {
  let previous: AuditChainAnchor | null = anchor ?? null;
  let count = 0;
  for (const entry of entries) {
    if (previous === null) {
      if (entry.seq !== 1 || entry.prevHash !== GENESIS_HASH) {
        return { ok: false, seq: entry.seq, reason: "not_starting_at_genesis" };
      }
    } else {
      if (entry.seq !== previous.seq + 1) return { ok: false, seq: entry.seq, reason: "sequence_gap" };
      if (entry.prevHash !== previous.hash) return { ok: false, seq: entry.seq, reason: "broken_link" };
    }
    if (computeAuditHash(entry) !== entry.hash) return { ok: false, seq: entry.seq, reason: "hash_mismatch" };
    previous = { seq: entry.seq, hash: entry.hash };
    count += 1;
  }
  return { ok: true, count, headHash: previous?.hash ?? GENESIS_HASH };
}
