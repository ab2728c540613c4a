import { describe, expect, it } from "vitest";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";
import { UnsupportedRegionError, normalisePhone, type CountryCode } from "./normalise-phone";

// Numbers from ranges reserved for fiction: Ofcom's 020 7946 0xxx (London) and NANP 555-01xx.
function reasonFor(raw: string, region: CountryCode = "GB"): InvalidIdentifierReason | "accepted" {
  try {
    normalisePhone(raw, region);
    return "accepted";
  } catch (error) {
    if (error instanceof InvalidIdentifierError) return error.reason;
    throw error;
  }
}

describe("normalisePhone", () => {
  it("reads a national number in the default region and writes E.164", () => {
    expect(normalisePhone("020 7946 0958", "GB")).toBe("+442079460958");
    expect(normalisePhone("(202) 555-0123", "US")).toBe("+12025550123");
  });

  it("lets an international prefix override the default region", () => {
    expect(normalisePhone("+44 (0)20 7946 0958", "US")).toBe("+442079460958");
    expect(normalisePhone("0044 20 7946 0958", "GB")).toBe("+442079460958");
  });

  it("gives one form for every way of writing the same number", () => {
    const spellings = ["020 7946 0958", "+44 20 7946 0958", "+442079460958", " 020-7946-0958 "];
    expect(new Set(spellings.map((raw) => normalisePhone(raw, "GB"))).size).toBe(1);
  });

  it.each<[string, string, InvalidIdentifierReason]>([
    ["an empty string", "  ", "phone.empty"],
    ["letters", "call me", "phone.not_a_number"],
    ["a number inside other text", "call 020 7946 0958 now", "phone.not_a_number"],
    ["an unknown country calling code", "+999 1234 5678", "phone.invalid_country"],
    ["too few digits", "+44 1234", "phone.too_short"],
    ["too many digits", "+44 20 7946 0958 1234", "phone.too_long"],
    ["a number of the right length that no operator can hold", "+1 555 555 5555", "phone.invalid_number"],
    ["an extension", "+44 20 7946 0958 ext. 12", "phone.extension_not_supported"],
  ])("rejects %s", (_, raw, reason) => {
    expect(reasonFor(raw)).toBe(reason);
  });

  it("explains the problem in words", () => {
    expect(() => normalisePhone("+44 1234", "GB")).toThrow("Invalid phone number: it has too few digits.");
  });

  it("refuses an unsupported default region as a configuration error", () => {
    expect(() => normalisePhone("020 7946 0958", "XX" as CountryCode)).toThrow(UnsupportedRegionError);
  });
});
