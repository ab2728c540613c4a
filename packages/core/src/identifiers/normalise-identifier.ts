import { identifierKinds, type Identifier, type IdentifierKind } from "@lethe/connector-sdk/identifiers";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";
import { normaliseEmail } from "./normalise-email";
import { normalisePhone, type CountryCode } from "./normalise-phone";

export interface IdentifierInput {
  kind: IdentifierKind;
  value: string;
  /** The namespace of a `native_id` (a connector id such as `zendesk`) or, optionally, of a `customer_id`. */
  system?: string | undefined;
}

export interface NormaliseIdentifierOptions {
  /** The organisation's region, used to read phone numbers written without a country code. */
  defaultRegion: CountryCode;
}

const WHITESPACE_RUN = /[\s\p{Z}\uFEFF]+/gu;
const CONTROL = /\p{Cc}/u;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/;
const SIP_URI = /^sips?:[^@]+@[^@]+$/;
const knownKinds: ReadonlySet<string> = new Set(identifierKinds);
const kindsWithSystem: ReadonlySet<IdentifierKind> = new Set(["native_id", "customer_id"]);

function refuse(kind: IdentifierKind, reason: InvalidIdentifierReason, message: string, input: string): never {
  throw new InvalidIdentifierError(kind, reason, message, input);
}

function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, " ").trim();
}

/** Trimmed, non-empty, no control characters; case kept because ids are often case-sensitive. */
function normaliseOpaqueId(kind: "customer_id" | "native_id", value: string, label: string): string {
  const trimmed = value.trim().normalize("NFC");
  if (trimmed === "") refuse(kind, `${kind}.empty`, `Invalid ${label}: it is empty.`, value);
  if (CONTROL.test(trimmed)) {
    refuse(kind, `${kind}.control_character`, `Invalid ${label}: it contains a control character or line break.`, value);
  }
  return trimmed;
}

function normaliseName(value: string): string {
  const name = collapseWhitespace(value.normalize("NFC"));
  if (name === "") refuse("name", "name.empty", "Invalid name: it is empty.", value);
  if (CONTROL.test(name)) refuse("name", "name.control_character", "Invalid name: it contains a control character.", value);
  return name;
}

/** Lines kept (they carry meaning in an address), each with its whitespace collapsed; blank lines dropped. */
function normalisePostalAddress(value: string): string {
  const lines = value
    .normalize("NFC")
    .split(LINE_BREAK)
    .map(collapseWhitespace)
    .filter((line) => line !== "");
  if (lines.length === 0) refuse("postal_address", "postal_address.empty", "Invalid postal address: it is empty.", value);
  const address = lines.join("\n");
  if (CONTROL.test(address.replaceAll("\n", ""))) {
    refuse("postal_address", "postal_address.control_character", "Invalid postal address: it contains a control character.", value);
  }
  return address;
}

/**
 * SIP addresses compare case-insensitively here, as e-mail addresses do: RFC 3261 §19.1.4 keeps the
 * user part case-sensitive, but no contact-centre platform issues two users differing only in case,
 * and recorders store whatever case the signalling carried.
 */
function normaliseSip(value: string): string {
  const uri = value.trim().normalize("NFC").toLowerCase();
  if (uri === "") refuse("sip", "sip.empty", "Invalid SIP address: it is empty.", value);
  if (!SIP_URI.test(uri) || CONTROL.test(uri) || /[\s\p{Z}]/u.test(uri)) {
    refuse("sip", "sip.invalid_uri", 'Invalid SIP address: write it as "sip:user@host".', value);
  }
  return uri;
}

function normaliseSystem(input: IdentifierInput): string | undefined {
  const system = input.system?.trim() ?? "";
  if (system === "") {
    if (input.kind === "native_id") {
      refuse("native_id", "native_id.missing_system", "Invalid system id: it does not say which system it belongs to.", input.value);
    }
    return undefined;
  }
  if (!kindsWithSystem.has(input.kind)) {
    throw new InvalidIdentifierError(
      input.kind,
      "identifier.unexpected_system",
      `Invalid identifier: ${input.kind} identifiers are not tied to one system; leave "system" empty.`,
      input.value,
    );
  }
  return system;
}

/**
 * The canonical form of one identifier, as stored and as handed to connectors. Every kind has its
 * rule (README "Identifiers"); a value that breaks it is an `InvalidIdentifierError`.
 */
export function normaliseIdentifier(input: IdentifierInput, options: NormaliseIdentifierOptions): Identifier {
  if (!knownKinds.has(input.kind)) {
    throw new InvalidIdentifierError(
      "unknown",
      "identifier.unknown_kind",
      `Invalid identifier: "${String(input.kind)}" is not a kind of identifier (expected one of ${identifierKinds.join(", ")}).`,
      input.value,
    );
  }
  const system = normaliseSystem(input);
  const value = normaliseValue(input.kind, input.value, options);
  return system === undefined ? { kind: input.kind, value } : { kind: input.kind, value, system };
}

function normaliseValue(kind: IdentifierKind, value: string, options: NormaliseIdentifierOptions): string {
  switch (kind) {
    case "email":
      return normaliseEmail(value);
    case "phone":
      return normalisePhone(value, options.defaultRegion);
    case "name":
      return normaliseName(value);
    case "postal_address":
      return normalisePostalAddress(value);
    case "sip":
      return normaliseSip(value);
    case "customer_id":
      return normaliseOpaqueId(kind, value, "customer id");
    case "native_id":
      return normaliseOpaqueId(kind, value, "system id");
  }
}
