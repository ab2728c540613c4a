import { redactionMarker } from "./redaction-marker";

/** Replaces every occurrence of known values in a text. */
export type Scrubber = (text: string) => string;

/**
 * Values shorter than this are not scrubbed: replacing every "42" or "ab" in a log line would
 * destroy it while protecting nothing a reader could identify anyone by.
 */
export const minimumScrubbedLength = 3;

/**
 * A scrubber for known secret and identifier values. Matching ignores case, because the same
 * e-mail address comes back from vendors as `Ada@Example.com` and `ada@example.com`. Longer
 * values are replaced first so that a value containing another is removed whole.
 */
export function createSecretScrubber(values: Iterable<string>): Scrubber {
  const distinct = [...new Set([...values].filter((value) => value.length >= minimumScrubbedLength))];
  if (distinct.length === 0) return (text) => text;
  distinct.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(distinct.map(escapeRegExp).join("|"), "giu");
  return (text) => text.replace(pattern, redactionMarker);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
