import type { VendorCall } from "./vendor-call";

/** One conformance check as the report shows it. */
export interface CheckOutcome {
  /** The conformance group, e.g. "3. Locate". */
  group: string;
  /** The check's sentence, without its id. */
  title: string;
  /** The stable id in brackets, e.g. `locate.finds-every-record`. */
  id?: string;
  state: "passed" | "failed" | "skipped";
  /** For a skipped check, the written reason; for a failed one, the check's message. */
  reason?: string;
  vendorCalls?: VendorCall[];
  durationMs?: number;
}

const titled = /^(?<title>.*?) \[(?<id>[a-z-]+\.[a-z-]+)\](?: — skipped: (?<reason>.*))?$/s;

/** Splits a conformance test's name, `title [id]` or `title [id] — skipped: reason`, into its parts. */
export function parseCheckName(name: string): { title: string; id?: string; skipReason?: string } {
  const match = titled.exec(name);
  if (!match?.groups) return { title: name };
  const { title = name, id, reason } = match.groups;
  return { title, ...(id ? { id } : {}), ...(reason ? { skipReason: reason } : {}) };
}
