import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import type { Identifier } from "@lethe/connector-sdk";
import { foldCharacters, foldText, originalSpan, type FoldedText } from "./folded-text";
import { nameVariants } from "./name-variants";
import type { PiiSpan, PiiType } from "./pii-span";

/** What is known about the data subject: identifiers as the engine normalised them, and names. */
export interface SubjectProfile {
  identifiers?: readonly Identifier[];
  /** Full names as "given [middle …] family"; `name` identifiers are added to these. */
  names?: readonly string[];
}

function escapeForPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function findFolded(folded: FoldedText, pattern: RegExp, type: PiiType, confidence: number, detector: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of folded.folded.matchAll(pattern)) {
    const { start, end } = originalSpan(folded, match.index, match.index + match[0].length);
    spans.push({ type, start, end, confidence, subject: true, detector });
  }
  return spans;
}

function literalPattern(value: string): RegExp {
  // Whitespace in a stored value matches any run of whitespace in the text.
  const body = foldCharacters(value.trim()).split(/\s+/).map(escapeForPattern).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu");
}

/**
 * Digit runs (digits separated by spaces, dashes, dots or brackets, as a transcript or a form
 * writes them) that end with the subject's national number: `+44 7700 900123`, `07700-900-123`,
 * `0 7 7 0 0 9 0 0 1 2 3`.
 */
function findPhone(text: string, e164: string, regions: readonly CountryCode[]): PiiSpan[] {
  const parsed = parsePhoneNumberFromString(e164, regions[0]);
  const national = parsed?.nationalNumber ?? e164.replace(/\D/g, "");
  if (national.length < 6) return [];
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(/\+?\(?\d(?:[\s.()-]{0,3}\d)*/g)) {
    const digits = match[0].replace(/\D/g, "");
    if (!digits.endsWith(national) || digits.length > national.length + 5) continue;
    spans.push({ type: "phone", start: match.index, end: match.index + match[0].length, confidence: 0.97, subject: true, detector: "subject-phone" });
  }
  return spans;
}

function identifierType(kind: Identifier["kind"]): PiiType {
  if (kind === "email") return "email";
  if (kind === "phone") return "phone";
  if (kind === "name") return "person";
  if (kind === "postal_address") return "address";
  return "identifier";
}

/** The subject's own identifiers and name variants in `text`, each marked `subject: true`. */
export function detectSubjectIdentifiers(text: string, subject: SubjectProfile, options: { regions?: readonly CountryCode[] } = {}): PiiSpan[] {
  const folded = foldText(text);
  const regions = options.regions ?? ["US", "GB"];
  const spans: PiiSpan[] = [];
  const names = [...(subject.names ?? [])];
  for (const identifier of subject.identifiers ?? []) {
    if (identifier.kind === "name") {
      names.push(identifier.value);
    } else if (identifier.kind === "phone") {
      spans.push(...findPhone(text, identifier.value, regions));
    } else {
      const values = identifier.kind === "sip" ? [identifier.value, identifier.value.replace(/^sips?:/i, "")] : [identifier.value];
      for (const value of values) {
        if (value.trim().length < 3) continue;
        spans.push(...findFolded(folded, literalPattern(value), identifierType(identifier.kind), 0.97, `subject-${identifier.kind}`));
      }
    }
  }
  for (const name of names) {
    for (const variant of nameVariants(name)) {
      spans.push(...findFolded(folded, variant.pattern, "person", variant.confidence, `subject-name-${variant.form}`));
    }
  }
  return spans;
}
