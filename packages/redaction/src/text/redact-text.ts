import { resolveOverlaps } from "./detect-pii";
import type { PiiSpan } from "./pii-span";

/** Replaces each span with `[REDACTED:<type>]`; overlapping spans are merged first. */
export function redactText(text: string, spans: readonly Pick<PiiSpan, "type" | "start" | "end">[]): string {
  const resolved = resolveOverlaps(spans.map((span) => ({ ...span, confidence: 1, detector: "given" })));
  let result = "";
  let cursor = 0;
  for (const span of resolved) {
    const start = Math.max(cursor, Math.min(span.start, text.length));
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    result += `${text.slice(cursor, start)}[REDACTED:${span.type}]`;
    cursor = end;
  }
  return result + text.slice(cursor);
}
