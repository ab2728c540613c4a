import type { ErasureReceipt } from "./records";

/*
 * The card sweep (PCI DSS 3.3.1): a connector declaring `capabilities.cardSweep` searches the
 * records of an interval for payment card numbers and removes each one, held records included.
 * It belongs to no request, so the runtime runs it as its own task.
 */

export interface CardSweepInput {
  /** Records created inside `start/end` (ISO 8601 instants with a zone). */
  interval: string;
  /** Where an earlier sweep of the same interval stopped: the cursor of the next page. */
  cursor?: string | null;
}

/** What one swept record came to: how many card numbers were removed from it, and how. */
export interface SweptRecord {
  recordId: string;
  cardsFound: number;
  /** The redaction's receipt; absent when the record held no card number. */
  receipt?: ErasureReceipt;
  /** The record is under legal hold: redacted all the same (PCI DSS forbids keeping the number). */
  heldBy?: string;
}

export interface CardSweepPage {
  records: SweptRecord[];
  /** Resume here: the cursor of the next page, null when this page was the last. */
  nextCursor: string | null;
}
