/** What a detected span is. `identifier`: one of the subject's known identifiers other than those below (customer id, SIP address …). */
export const piiTypes = ["email", "phone", "card", "iban", "person", "address", "identifier"] as const;
export type PiiType = (typeof piiTypes)[number];

export interface PiiSpan {
  type: PiiType;
  /** UTF-16 offsets into the text, `end` exclusive (as `String.prototype.slice`). */
  start: number;
  end: number;
  /** The matched text; left out when the caller asks for offsets only (e.g. to keep it out of logs). */
  text?: string;
  /** 0–1: how sure the detector is (a checksum-valid card ≈ 0.95, a name after "my name is" ≈ 0.7). */
  confidence: number;
  /** True when the span is one of the subject's own known identifiers or name variants. */
  subject?: boolean;
  /** Which detector found it, for measurement and review. */
  detector: string;
}
