import type { ExportPart } from "./export-declarations";
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
  /** What legal holds are matched against (record-level, case and rule holds). */
  facts?: RecordFacts;
  /**
   * Whether the vendor marks the record restricted from processing (GDPR Art. 18). Reported by
   * connectors declaring `capabilities.restrict`; the runtime verifies a restriction by it.
   */
  restricted?: boolean;
  /**
   * How the record stands to the subject. Absent: it is the subject's (theirs, about them, filed
   * under them). `mentions`: it belongs to someone else and only mentions the subject — a
   * bystander's case whose description quotes the subject's e-mail, a message with the subject in
   * Cc. The engine then plans `redact`, never `erase`: the subject's identifiers are removed from
   * `mentionFields` and the rest of the record, which is the other person's, is kept.
   */
  relation?: RecordRelation;
  /** With `relation: "mentions"`: the fields that hold the mention (e.g. `Description`, `CcAddress`). */
  mentionFields?: string[];
  /**
   * The vendor's own hold on the record, when locating it already shows one (a recording under
   * legal hold): the vendor will refuse to delete it, so the plan says `retain` with this basis
   * before anything runs, rather than promising an erasure the vendor will not carry out.
   */
  vendorHold?: VendorHold;
}

/** A hold the vendor itself keeps on a record: its basis in the vendor's words, and its id there. */
export interface VendorHold {
  basis: string;
  id?: string;
}

export type RecordRelation = "mentions";

/**
 * Facts about a record that decide whether a legal hold covers it: the vendor's tags (e.g. a
 * call tagged `transaction`), the case or dispute ids it belongs to, and when the interaction
 * happened (a rule hold such as "5 years from the call" counts from here). Never personal data.
 */
export interface RecordFacts {
  tags?: string[];
  caseIds?: string[];
  /** ISO 8601. */
  occurredAt?: string;
}

/** Whether the vendor still holds a record (`readBack`), and where, in words for the officer. */
export interface RecordPresence {
  ref: RecordRef;
  present: boolean;
  /**
   * Only for a record read back with the subject's identifiers (`ReadBackQuery`) and still
   * present: whether any of them still appears in the record's fields (e-mail compared
   * case-insensitively, phone as E.164 digits). A record the plan redacted must answer false —
   * the proof that only the subject's identifiers were removed and the record kept.
   */
  mentionsSubject?: boolean;
  /** What was found, e.g. "the transcript is still served although the recording is purged". */
  detail?: string;
}

/**
 * What `readBack` is asked with besides the refs: the subject's identifiers, so a connector can
 * tell whether a record another person owns (one the plan redacted) still mentions them.
 */
export interface ReadBackQuery {
  identifiers: Identifier[];
}

export type LocateQuery = {
  /**
   * The identifiers to search with, restricted to the kinds the connector declares. In a later
   * locate round only the identifiers new in that round: the earlier ones were searched already.
   */
  identifiers: Identifier[];
  /**
   * The subject's other identifiers (of the connector's kinds), which earlier rounds searched with:
   * not to be searched again, but part of the subject when judging a match (a phone-only match
   * corroborated by the record's e-mail being the subject's) and not reported as `discovered`.
   * Absent or empty in round 0.
   */
  known?: Identifier[];
};

export type ExportItem =
  | {
      kind: "record";
      ref: RecordRef;
      data: Record<string, unknown>;
      /**
       * Whose the parts of a shared record are (a ticket with other people's comments, an e-mail
       * with other recipients). Parts about `other` people are left out of the person's copy and
       * counted in the bundle's manifest (GDPR Art. 15(4)); anything not listed is kept.
       */
      parts?: ExportPart[];
    }
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

/**
 * What one erase call is asked to do for all refs it is given. `redact` keeps the record and
 * removes the subject's personal data from it (a held recording: the subject's channel muted
 * where they speak personal data, or the whole channel when `scope` says so; the transcript
 * redacted there); only for connectors declaring `capabilities.redact`.
 */
export type ErasePlan =
  | { action: "erase" | "anonymise" }
  | {
      action: "redact";
      scope: "personal-data" | "whole-party";
      /** The subject's identifiers, normalised: what to find and redact. */
      identifiers: Identifier[];
    };

/** A proposed change to one field of a record (rectification, GDPR Art. 16). */
export interface FieldUpdate {
  field: string;
  value: string;
}

export type ErasureOutcome =
  | "erased"
  | "anonymised"
  | "redacted"
  | "already-absent"
  | "retained"
  | "pending"
  | "rectified"
  | "restricted"
  | "unrestricted";

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

/**
 * What to remove from a record: a `text` span of a field; an `audio` range of one channel; or
 * `speech`, everything said on one channel within a range — the audio muted and, where the record
 * has a transcript, the words spoken there redacted (a party recorded without consent).
 */
export type RedactionSpan =
  | { kind: "text"; field: string; start: number; end: number; label: string }
  | { kind: "audio"; channel: number; startMs: number; endMs: number; label: string }
  | { kind: "speech"; channel: number; startMs: number; endMs: number; label: string };
