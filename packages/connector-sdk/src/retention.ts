import type { Identifier } from "./identifiers";
import type { RecordFacts, RecordRef, VendorHold } from "./records";

/*
 * Retention schedules (docs/retention-schedules.md): a connector declaring `capabilities.retention`
 * finds the records of a type that are past a cut-off, so the runtime can erase them through the
 * connector's own `erase` outside any request. The connector only finds; what is kept (legal holds,
 * consent tags) and what is erased is the runtime's decision.
 */

/** What a connector can find by age: the record types `findExpired` answers for. */
export interface RetentionCapability {
  recordTypes: string[];
}

export interface FindExpiredInput {
  /** One of `capabilities.retention.recordTypes`. */
  recordType: string;
  /** ISO 8601 instant with a zone: records whose retention clock (e.g. the call's end) is before it. */
  before: string;
  /**
   * Tags the schedule keeps records for (e.g. `consent:quality-training`): a connector that has to
   * spend extra calls to learn whether a record carries one of these does so only when asked.
   */
  keepTags?: string[];
  /** Where an interrupted search stopped: the cursor of the next page. */
  cursor?: string | null;
}

/** One record past its period, as the vendor reports it. */
export interface ExpiredRecord {
  ref: RecordRef;
  /** A short, non-identifying label for the preview, e.g. `Call recording of 2025-01-02 (14 s)`. */
  label?: string;
  /** `occurredAt`: when its retention period started counting; `tags`: what holds and keep-tags match. */
  facts: RecordFacts;
  /** The vendor's own hold on it: it is kept, not sent to `erase`. */
  vendorHold?: VendorHold;
  /** The people it is about, as the vendor reports them: what person-level legal holds are matched by. */
  identifiers: Identifier[];
}

export interface ExpiredPage {
  records: ExpiredRecord[];
  /** Resume here: the cursor of the next page, null when this page was the last. */
  cursor: string | null;
}
