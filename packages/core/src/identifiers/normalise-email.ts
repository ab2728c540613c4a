import { domainToASCII } from "./domain-to-ascii";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";

// RFC 5321 §4.5.3.1: local part ≤ 64 octets, a path ≤ 256 octets including "<" and ">", so an
// address ≤ 254; a DNS name ≤ 253 characters in text form and each label ≤ 63 (RFC 1035 §2.3.4).
const MAX_LOCAL_PART_OCTETS = 64;
const MAX_ADDRESS_OCTETS = 254;
const MAX_DOMAIN_OCTETS = 253;
const MAX_LABEL_OCTETS = 63;

// Spaces and tabs around a pasted address are noise. Line breaks are not trimmed: an identifier
// with a CR or LF in it came from a multi-line paste or an injection attempt, and is refused below.
const EDGE_SPACE = /^[\p{Zs}\t\uFEFF]+|[\p{Zs}\t\uFEFF]+$/gu;
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;
const SPACE = /[\p{Z}]/u;
// RFC 5322 §3.2.3 atext; code points above U+007F are allowed as RFC 6531 (SMTPUTF8) permits.
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]$/;
const ASCII_DOMAIN_CHARACTER = /^[A-Za-z0-9.-]$/;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;

const utf8 = new TextEncoder();

function refuse(reason: InvalidIdentifierReason, message: string, input: string): never {
  throw new InvalidIdentifierError("email", reason, `Invalid e-mail address: ${message}.`, input);
}

function isAscii(character: string): boolean {
  return (character.codePointAt(0) ?? 0) < 0x80;
}

// An all-numeric last label reads as an IPv4 address (RFC 3696 §2), never as a mail domain; the
// WHATWG host parser would even turn `0x7f.1` into `127.0.0.1`, so this is checked before and after.
function refuseNumericTopLevelDomain(raw: string): never {
  return refuse("email.numeric_tld", "the domain ends in a number, which no top-level domain does", raw);
}

function describeCodePoint(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * The canonical form of an e-mail address, used for storage and for every connector query.
 * Rules (README "E-mail addresses"): trimmed; dot-atom local part only (no quoted strings, no
 * comments), lowercased, `+tags` and dots kept; domain lowercased and converted to ASCII (IDNA);
 * RFC 5321 length limits. Anything else is an `InvalidIdentifierError` naming the problem.
 */
export function normaliseEmail(raw: string): string {
  const address = raw.replace(EDGE_SPACE, "").normalize("NFC");
  if (address === "") refuse("email.empty", "it is empty", raw);

  const control = CONTROL_OR_FORMAT.exec(address);
  if (control && control[0] !== "\t") {
    refuse("email.control_character", `it contains an invisible control character (${describeCodePoint(control[0])})`, raw);
  }
  if (address.startsWith('"')) {
    refuse("email.quoted_local_part", 'quoted local parts ("…"@example.com) are not accepted', raw);
  }
  if (address.includes("\t") || SPACE.test(address)) refuse("email.whitespace", "it contains a space or tab", raw);

  const at = address.indexOf("@");
  if (at === -1) refuse("email.missing_at", 'it has no "@"', raw);
  if (address.indexOf("@", at + 1) !== -1) refuse("email.multiple_at", 'it has more than one "@"', raw);

  const localPart = checkLocalPart(address.slice(0, at), raw);
  const domain = checkDomain(address.slice(at + 1), raw);

  const normalised = `${localPart}@${domain}`;
  const octets = utf8.encode(normalised).length;
  if (octets > MAX_ADDRESS_OCTETS) {
    refuse("email.too_long", `it is ${octets} characters long; the limit is ${MAX_ADDRESS_OCTETS}`, raw);
  }
  return normalised;
}

function checkLocalPart(localPart: string, raw: string): string {
  if (localPart === "") refuse("email.empty_local_part", 'nothing comes before the "@"', raw);
  for (const character of localPart) {
    if (character === ".") continue;
    if (isAscii(character) && !ATEXT.test(character)) {
      refuse("email.invalid_local_part", `the part before "@" contains "${character}", which is not allowed there`, raw);
    }
  }
  if (localPart.split(".").some((atom) => atom === "")) {
    refuse(
      "email.invalid_local_part",
      'the part before "@" must not start or end with a dot or have two dots in a row',
      raw,
    );
  }
  // Almost every mailbox provider treats the local part case-insensitively, so case is folded to
  // find the person in systems that stored it differently. Tags and dots are kept: a `+tag` address
  // may belong to someone else, and a bystander must never match the subject.
  const folded = localPart.toLowerCase();
  const octets = utf8.encode(folded).length;
  if (octets > MAX_LOCAL_PART_OCTETS) {
    refuse(
      "email.local_part_too_long",
      `the part before "@" is ${octets} characters long; the limit is ${MAX_LOCAL_PART_OCTETS}`,
      raw,
    );
  }
  return folded;
}

function checkDomain(domain: string, raw: string): string {
  if (domain === "") refuse("email.empty_domain", 'nothing comes after the "@"', raw);
  if (domain.startsWith("[")) {
    refuse("email.domain_literal", "a domain in brackets ([…]) is not accepted; give the domain name", raw);
  }
  for (const character of domain) {
    if (isAscii(character) && !ASCII_DOMAIN_CHARACTER.test(character)) {
      refuse("email.invalid_domain", `the domain contains "${character}", which is not allowed in a domain`, raw);
    }
  }
  if (ALL_DIGITS.test(domain.split(".").at(-1) ?? "")) refuseNumericTopLevelDomain(raw);
  // WHATWG host parsing (UTS #46) lowercases, maps full-width dots and converts Unicode labels to
  // punycode; it returns "" for labels it cannot convert.
  const ascii = domainToASCII(domain);
  if (ascii === "") refuse("email.invalid_domain", "the domain is not a valid domain name", raw);

  const labels = ascii.split(".");
  for (const label of labels) {
    if (label === "") {
      refuse("email.invalid_domain", "the domain must not start or end with a dot or have two dots in a row", raw);
    }
    if (label.length > MAX_LABEL_OCTETS) {
      refuse(
        "email.label_too_long",
        `a part of the domain is ${label.length} characters long; the limit is ${MAX_LABEL_OCTETS}`,
        raw,
      );
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      refuse("email.invalid_domain", "a part of the domain starts or ends with a hyphen", raw);
    }
    if (!LDH_LABEL.test(label)) {
      refuse("email.invalid_domain", "the domain contains a character not allowed in a domain", raw);
    }
  }
  if (ALL_DIGITS.test(labels.at(-1) ?? "")) refuseNumericTopLevelDomain(raw);
  if (ascii.length > MAX_DOMAIN_OCTETS) {
    refuse("email.domain_too_long", `the domain is ${ascii.length} characters long; the limit is ${MAX_DOMAIN_OCTETS}`, raw);
  }
  return ascii;
}
