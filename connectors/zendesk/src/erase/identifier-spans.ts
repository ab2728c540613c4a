import type { Identifier } from "@lethe/connector-sdk";
import { mentionsOf } from "../vendor/mentions";
import type { TextSpan } from "./redaction-markup";

/*
 * Where a text writes one of the subject's identifiers, for a redact plan. E-mail addresses and
 * phone numbers are read the way locate reads mentions (a whole address, compared
 * case-insensitively; a number in any spacing, compared as E.164), so a bystander's `+tag` address
 * or the same digits under another country code never match. Names, customer ids, SIP and postal
 * addresses are matched literally, case-insensitively, as whole words. A Zendesk user id
 * (`native_id`) is not text a comment writes: it decides authorship, not spans.
 */

const literalKinds = new Set<Identifier["kind"]>(["name", "customer_id", "sip", "postal_address"]);

/** Shorter values would redact parts of ordinary words. */
const shortestLiteral = 3;

export function identifierSpans(text: string, identifiers: readonly Identifier[]): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const identifier of identifiers) {
    if (identifier.kind === "email" || identifier.kind === "phone") {
      spans.push(...mentionsOf(text, identifier).map(({ start, end }) => ({ start, end })));
    } else if (literalKinds.has(identifier.kind)) {
      spans.push(...literalSpans(text, identifier.value.trim()));
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function literalSpans(text: string, value: string): TextSpan[] {
  if (value.length < shortestLiteral) return [];
  // Matched on the text itself (not a lower-cased copy, whose offsets can differ), any case.
  const pattern = new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
  const spans: TextSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (isWordCharacter(text[match.index - 1]) || isWordCharacter(text[end])) continue;
    spans.push({ start: match.index, end });
  }
  return spans;
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}_]/u.test(character);
}
