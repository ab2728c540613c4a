import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * Phone fields in Salesforce are free text (`(977) 625-2661`, `+44 (0)20 7946 0123`), so numbers
 * are compared in E.164 after normalising the stored text too, with the org's default region for
 * numbers typed without a country code. Validity is not required: agents type numbers that the
 * numbering plan does not know, and they still identify the caller.
 */
export function toE164(text: string | null | undefined, defaultRegion: string): string | undefined {
  if (!text) return undefined;
  const parsed = parsePhoneNumberFromString(text, { ...(isSupportedCountry(defaultRegion) ? { defaultCountry: defaultRegion } : {}), extract: false });
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The national significant digits of an E.164 number: what a SOSL phone search looks for. */
export function nationalDigits(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.nationalNumber;
}
