import type { PiiSpan } from "./pii-span";

// Local part of dot-atoms (RFC 5322 §3.4.1, without quoted strings), a domain with a TLD of letters.
const emailPattern = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}@])/gu;

/** E-mail addresses, also with internationalised local parts and domains. */
export function detectEmails(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(emailPattern)) {
    let value = match[0];
    // A sentence's full stop is not part of the local part's first character.
    while (value.startsWith(".")) value = value.slice(1);
    const start = match.index + (match[0].length - value.length);
    spans.push({ type: "email", start, end: start + value.length, confidence: 0.95, detector: "email-pattern" });
  }
  return spans;
}
