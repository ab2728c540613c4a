import { parsePhoneNumberFromString } from "libphonenumber-js";
import { allPartyStateOfAreaCode } from "./all-party-states";

/**
 * Whose consent recording a participant needs, by where they are:
 * - `all-party`: the participant's own (EU/EEA, the UK and Switzerland under the GDPR's
 *   transparency and lawfulness rules; US all-party states; anywhere not known to be one-party);
 * - `one-party`: one party's, which the organisation recording the call is (US federal law and the
 *   other states, Canada);
 * - `staff-notice`: the organisation's own agents, told by their employment's recording notice.
 */
export type RecordingRule = "all-party" | "one-party" | "staff-notice";

/** The EU and EEA member states, the UK and Switzerland: the GDPR (or its UK and Swiss twins) applies. */
const gdprRegions = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH GG JE IM".split(" "),
);

/** Regions where one party's consent suffices, besides US states not in the all-party list. */
const onePartyRegions = new Set(["CA"]);

export interface Jurisdiction {
  /** ISO 3166 (US states as `US-CA`), or `unknown`. */
  region: string;
  rule: RecordingRule;
  /** In words for the report: why this rule. */
  basis: string;
}

/**
 * The rule for a caller-side participant: from the region the vendor reported, else from their
 * phone number (country, and the US area code), else the strictest.
 */
export function jurisdictionOf(input: { region?: string; phone?: string }): Jurisdiction {
  const region = input.region?.toUpperCase() ?? regionOfPhone(input.phone);
  if (!region) return { region: "unknown", rule: "all-party", basis: "where the participant was is unknown, so every party's consent is required" };
  if (region.startsWith("US-")) {
    const allParty = isAllPartyState(region);
    return allParty
      ? { region, rule: "all-party", basis: `${region} requires every party's consent to record` }
      : { region, rule: "one-party", basis: `${region} requires one party's consent, which the organisation gives` };
  }
  if (region === "US") return { region, rule: "one-party", basis: "US federal law requires one party's consent, which the organisation gives" };
  if (onePartyRegions.has(region)) return { region, rule: "one-party", basis: `${region} requires one party's consent, which the organisation gives` };
  if (gdprRegions.has(region)) return { region, rule: "all-party", basis: `${region} (GDPR): every party must be told and agree` };
  return { region, rule: "all-party", basis: `${region}: Lethe does not know this law, so every party must be told and agree` };
}

const allPartyStates = new Set(["US-CA", "US-CT", "US-DE", "US-FL", "US-IL", "US-MD", "US-MA", "US-MI", "US-MT", "US-NV", "US-NH", "US-PA", "US-WA"]);

function isAllPartyState(region: string): boolean {
  return allPartyStates.has(region);
}

/** `GB`, `DE`, or `US-CA` from an area code in an all-party state, `US` for any other US number. */
function regionOfPhone(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const parsed = parsePhoneNumberFromString(phone);
  // A number outside the allocated ranges (a drama number, a new range) still names its country
  // code's main country, which is where the law is looked up.
  const country = parsed?.country ?? parsed?.getPossibleCountries()[0];
  if (!parsed || !country) return undefined;
  if (country !== "US") return country;
  const areaCode = Number(parsed.nationalNumber.slice(0, 3));
  return allPartyStateOfAreaCode(areaCode) ?? "US";
}
