import type { Identifier } from "@lethe/connector-sdk";

/** Which listings can hold an address: calls have SIP and client legs, messages only numbers. */
export type Listing = "calls" | "messages";

/** One exact value Twilio's `To`/`From` filters are asked with, and the identifier it stands for. */
export interface LegAddress {
  identifier: Identifier;
  address: string;
  listings: readonly Listing[];
}

/**
 * The values a subject's identifier appears as on Twilio legs. Twilio's `To` and `From` filters
 * match exactly, so each form is its own query:
 * - a phone number (E.164) as itself, on calls and messages, and as `sip:{number}@{domain}` on
 *   calls for each of the account's SIP domains (settings), which is how Twilio writes a SIP leg
 *   dialled by number;
 * - a SIP address as given, on calls;
 * - a Twilio Client identity (`native_id` of system `twilio`, `client:alice` or `alice`) as
 *   `client:{identity}`, on calls.
 * Other kinds (an e-mail address, a name) appear on no Twilio leg and are not searched.
 */
export function legAddresses(identifier: Identifier, sipDomains: readonly string[]): LegAddress[] {
  switch (identifier.kind) {
    case "phone": {
      if (!isE164(identifier.value)) return [];
      return [
        { identifier, address: identifier.value, listings: ["calls", "messages"] },
        ...sipDomains.map((domain) => ({ identifier, address: `sip:${identifier.value}@${domain.toLowerCase()}`, listings: ["calls"] as const })),
      ];
    }
    case "sip": {
      const address = sipAddress(identifier.value);
      return address ? [{ identifier, address, listings: ["calls"] }] : [];
    }
    case "native_id": {
      if (identifier.system !== "twilio") return [];
      const identity = identifier.value.replace(/^client:/i, "");
      return identity.length > 0 ? [{ identifier, address: `client:${identity}`, listings: ["calls"] }] : [];
    }
    default:
      return [];
  }
}

/** Whether a leg Twilio reports (`to`, `from`) is this address: SIP URIs compare without case. */
export function isLeg(leg: string | null, address: string): boolean {
  if (leg === null) return false;
  return address.startsWith("sip:") ? leg.toLowerCase() === address : leg === address;
}

function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

function sipAddress(value: string): string | undefined {
  const trimmed = value.trim();
  const withScheme = /^sips?:/i.test(trimmed) ? trimmed : `sip:${trimmed}`;
  return /^sips?:[^@\s]+@[^@\s]+$/i.test(withScheme) ? withScheme.replace(/^sips?:/i, "sip:").toLowerCase() : undefined;
}
