import {
  ParseError,
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from "libphonenumber-js/max";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";

export type { CountryCode } from "libphonenumber-js/max";

/** The organisation's default region is not one libphonenumber knows: a configuration mistake. */
export class UnsupportedRegionError extends Error {
  constructor(readonly region: string) {
    super(`"${region}" is not a supported ISO 3166-1 alpha-2 region for phone numbers.`);
    this.name = "UnsupportedRegionError";
  }
}

const EDGE_SPACE = /^[\p{Zs}\t\uFEFF]+|[\p{Zs}\t\uFEFF]+$/gu;

interface Explanation {
  reason: InvalidIdentifierReason;
  message: string;
}

const notANumber: Explanation = { reason: "phone.not_a_number", message: "it is not a phone number" };

// Keyed by libphonenumber's ParseError messages and validatePhoneNumberLength results.
const explanations: Record<string, Explanation> = {
  NOT_A_NUMBER: notANumber,
  INVALID_COUNTRY: {
    reason: "phone.invalid_country",
    message: "its country calling code is unknown; write it in international form, e.g. +44 20 7946 0958",
  },
  TOO_SHORT: { reason: "phone.too_short", message: "it has too few digits" },
  TOO_LONG: { reason: "phone.too_long", message: "it has too many digits" },
  INVALID_LENGTH: { reason: "phone.invalid_length", message: "its number of digits is not valid for its country" },
};

function refuse(reason: InvalidIdentifierReason, message: string, input: string): never {
  throw new InvalidIdentifierError("phone", reason, `Invalid phone number: ${message}.`, input);
}

function refuseFor(code: string, raw: string): never {
  const explanation = explanations[code] ?? notANumber;
  return refuse(explanation.reason, explanation.message, raw);
}

/**
 * A phone number in E.164 (`+442079460958`). National numbers are read in `defaultRegion` (the
 * organisation's region); a leading `+` or international prefix overrides it. The whole input must be
 * the number (no surrounding text), and it must be a number that can exist — valid per the full
 * ("max") libphonenumber metadata, not only of a plausible length.
 */
export function normalisePhone(raw: string, defaultRegion: CountryCode): string {
  if (!isSupportedCountry(defaultRegion)) throw new UnsupportedRegionError(defaultRegion);
  const text = raw.replace(EDGE_SPACE, "");
  if (text === "") refuse("phone.empty", "it is empty", raw);

  let parsed: PhoneNumber;
  try {
    parsed = parsePhoneNumberWithError(text, { defaultCountry: defaultRegion, extract: false });
  } catch (error) {
    if (error instanceof ParseError) refuseFor(error.message, raw);
    throw error;
  }

  // E.164 has no extensions; an extension reaches a desk, not a person, and dropping it silently
  // would widen the match to everyone behind the switchboard.
  if (parsed.ext) refuse("phone.extension_not_supported", "extensions cannot be used; give the number without one", raw);
  if (!parsed.isValid()) {
    const lengthProblem = validatePhoneNumberLength(text, { defaultCountry: defaultRegion });
    if (lengthProblem) refuseFor(lengthProblem, raw);
    refuse(
      "phone.invalid_number",
      `no such number exists in the numbering plan of ${parsed.country ?? `+${parsed.countryCallingCode}`}`,
      raw,
    );
  }
  return parsed.number;
}
