import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/*
 * SIPREC participant addresses (RFC 7865 nameID/@aor) come in many forms for one phone number:
 * `tel:+12015550123`, `sip:+12015550123@carrier;user=phone`, `sip:2015550123@pbx` (national
 * digits, the PBX's country implied), `tel:(201) 555-0123`. Matching a subject needs them in E.164.
 */

/** A phone number in any format as E.164, or undefined when it is not a possible number. */
export function toE164(raw: string, defaultRegion: string): string | undefined {
  const trimmed = raw.trim();
  if (!/\d/.test(trimmed)) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode);
  return parsed?.isPossible() ? parsed.number : undefined;
}

/** The phone number a `tel:` or `sip:` address dials, as E.164; undefined for a named SIP user. */
export function addressPhone(aor: string, defaultRegion: string): string | undefined {
  const match = /^(tel|sips?):([^@;?]+)/i.exec(aor.trim());
  if (!match) return undefined;
  const [, scheme = "", user = ""] = match;
  const userPart = decodeURIComponent(user);
  // A SIP user part is a phone number only when it is made of dialling characters.
  if (scheme.toLowerCase() !== "tel" && !/^\+?[\d\-.() ]+$/.test(userPart)) return undefined;
  return toE164(userPart, defaultRegion);
}

/**
 * A SIP address as the recorder compares them: `sip:user@host`, scheme and host lower-cased,
 * `sips:` as `sip:`, display name, angle brackets, port-less parameters and headers dropped.
 * Undefined for anything that is not a SIP URI.
 */
export function normaliseSipAddress(raw: string): string | undefined {
  const unwrapped = /<([^>]+)>/.exec(raw)?.[1] ?? raw.trim();
  const match = /^sips?:([^@;?]+)@([^;?>]+)/i.exec(unwrapped);
  if (!match) return undefined;
  const [, user = "", host = ""] = match;
  return `sip:${user}@${host.toLowerCase()}`;
}
