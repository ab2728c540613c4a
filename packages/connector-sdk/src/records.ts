import type { Identifier, IdentifierMatch } from "./identifiers";

/** A stable handle on one record in a connected system: an object type and its id there. */
export interface RecordRef {
  type: string;
  id: string;
}

export function recordKey(ref: RecordRef): string {
  return `${ref.type}/${ref.id}`;
}

export interface LocatedRecord {
  ref: RecordRef;
  /** Which of the subject's identifiers matched, and how strongly. Never empty. */
  matchedBy: IdentifierMatch[];
  /** Identifiers found on the record that the query did not contain (feed further locate rounds). */
  discovered: Identifier[];
  /** A short, non-identifying label for reviewers, e.g. `Ticket #4411 (closed)`. */
  label?: string;
}

export type LocateQuery = {
  /** The subject's identifiers, restricted to the kinds the connector declares. */
  identifiers: Identifier[];
};

export type ExportItem =
  | { kind: "record"; ref: RecordRef; data: Record<string, unknown> }
  | {
      kind: "binary";
      ref: RecordRef;
      /** File name inside the export bundle, e.g. `recording-123.wav`. */
      name: string;
      contentType: string;
      /** Size in bytes as the vendor reports it; the runtime checks it against what was streamed. */
      size: number;
      /** Must be fully consumed (or abandoned) before the next item is requested. */
      content(): AsyncIterable<Uint8Array>;
    };

/** What one erase call is asked to do for all refs it is given. */
export interface ErasePlan {
  action: "erase" | "anonymise";
}

export type ErasureOutcome =
  | "erased"
  | "anonymised"
  | "redacted"
  | "already-absent"
  | "retained"
  | "pending";

export interface ErasureReceipt {
  ref: RecordRef;
  outcome: ErasureOutcome;
  /** Human-readable detail: which store was purged, which hold retained it, which fields were blanked. */
  detail?: string;
  /** For `pending`: the vendor's asynchronous job to confirm later. */
  pending?: { jobId: string };
  /** For `retained`: the vendor-side hold that refused deletion. */
  hold?: { id?: string; basis?: string };
}

export type RedactionSpan =
  | { kind: "text"; field: string; start: number; end: number; label: string }
  | { kind: "audio"; channel: number; startMs: number; endMs: number; label: string };
