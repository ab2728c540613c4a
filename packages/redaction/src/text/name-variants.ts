import { foldCharacters } from "./folded-text";

export interface NameVariant {
  /** e.g. `given-family`, `family-comma-given`, `initial-family`. */
  form: string;
  /** Matches in folded text (see `foldText`). */
  pattern: RegExp;
  confidence: number;
}

const honorifics = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"]);
const separator = "[\\s.,]+";
const boundary = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "gu");
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The ways a name is written about its bearer, as folded patterns: in order with or without
 * middle names, family name first (`Szász Janka`, `Szász, Janka`), initials with the family name
 * (`J. Szász`, `J M Szász`), the family name after an honorific (`Ms Szász`), and the given or
 * family name alone (weaker: a first name alone is often someone else's).
 */
export function nameVariants(fullName: string): NameVariant[] {
  const tokens = foldCharacters(fullName)
    .split(/[\s,]+/)
    .map((token) => token.replace(/\.$/, ""))
    .filter((token) => token.length > 0 && !honorifics.has(token));
  const family = tokens.at(-1);
  const given = tokens[0];
  if (!family || !given) return [];
  const variants: NameVariant[] = [];
  const add = (form: string, body: string, confidence: number) => variants.push({ form, pattern: boundary(body), confidence });
  const middles = tokens.slice(1, -1);
  const f = escape(family);
  const g = escape(given);
  if (tokens.length === 1) {
    if (family.length >= 3) add("single", f, 0.75);
    return variants;
  }
  // Middle names optional, as a full word or an initial.
  const middle = middles.map((name) => `(?:(?:${escape(name)}|${escape(name[0] ?? "")})${separator})?`).join("");
  add("given-family", `${g}${separator}${middle}${f}`, 0.95);
  add("family-given", `${f}${separator}${g}`, 0.9);
  add("initial-family", `${escape(given[0] ?? "")}${separator}${middle}${f}`, 0.85);
  add("honorific-family", `(?:${[...honorifics].join("|")})${separator}${f}`, 0.85);
  if (family.length >= 3) add("family", f, 0.7);
  if (given.length >= 3) add("given", g, 0.6);
  return variants;
}
