import { describe, expect, it } from "vitest";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";
import { normaliseEmail } from "./normalise-email";

function reasonFor(raw: string): InvalidIdentifierReason | "accepted" {
  try {
    normaliseEmail(raw);
    return "accepted";
  } catch (error) {
    if (error instanceof InvalidIdentifierError) return error.reason;
    throw error;
  }
}

describe("normaliseEmail", () => {
  it("trims surrounding spaces, tabs and no-break spaces", () => {
    expect(normaliseEmail("  \tjane.doe@example.com\u00a0 ")).toBe("jane.doe@example.com");
  });

  it("lowercases the local part and the domain", () => {
    expect(normaliseEmail("Jane.Doe@Example.COM")).toBe("jane.doe@example.com");
  });

  it("keeps +tags and dots, so a tagged address never matches the untagged one", () => {
    expect(normaliseEmail("jane+billing@example.com")).toBe("jane+billing@example.com");
    expect(normaliseEmail("j.a.n.e@example.com")).toBe("j.a.n.e@example.com");
    expect(normaliseEmail("jane+billing@example.com")).not.toBe(normaliseEmail("jane@example.com"));
  });

  it("converts an internationalised domain to its ASCII (punycode) form", () => {
    expect(normaliseEmail("kunde@Bücher.example")).toBe("kunde@xn--bcher-kva.example");
    expect(normaliseEmail("user@例子。广告")).toBe("user@xn--fsqu00a.xn--4rr70v");
  });

  it("keeps a Unicode local part, composed (NFC) and lowercased", () => {
    expect(normaliseEmail("Jose\u0301@example.com")).toBe("josé@example.com");
    expect(normaliseEmail("ÜSER@example.com")).toBe("üser@example.com");
  });

  it("gives the same form for every spelling of one address", () => {
    const spellings = [" JANE@EXAMPLE.COM", "jane@example.com", "Jane@Example.Com\t"];
    expect(new Set(spellings.map(normaliseEmail)).size).toBe(1);
  });

  it.each<[string, string, InvalidIdentifierReason]>([
    ["an empty string", "   ", "email.empty"],
    ["an address without @", "jane.example.com", "email.missing_at"],
    ["an address with two @", "jane@doe@example.com", "email.multiple_at"],
    ["a missing local part", "@example.com", "email.empty_local_part"],
    ["a missing domain", "jane@", "email.empty_domain"],
    ["a space inside", "jane doe@example.com", "email.whitespace"],
    ["a line break", "jane@example.com\n", "email.control_character"],
    ["a zero-width character", "ja\u200bne@example.com", "email.control_character"],
    ["a quoted local part", '"jane doe"@example.com', "email.quoted_local_part"],
    ["a comment", "(work)jane@example.com", "email.invalid_local_part"],
    ["a leading dot", ".jane@example.com", "email.invalid_local_part"],
    ["two dots in a row", "jane..doe@example.com", "email.invalid_local_part"],
    ["a 65-octet local part", `${"a".repeat(65)}@example.com`, "email.local_part_too_long"],
    ["a local part over 64 octets in UTF-8", `${"é".repeat(33)}@example.com`, "email.local_part_too_long"],
    ["an IP address literal", "jane@[192.0.2.1]", "email.domain_literal"],
    ["an underscore in the domain", "jane@ex_ample.com", "email.invalid_domain"],
    ["a percent-encoded domain", "jane@ex%61mple.com", "email.invalid_domain"],
    ["a label starting with a hyphen", "jane@-example.com", "email.invalid_domain"],
    ["a trailing dot", "jane@example.com.", "email.invalid_domain"],
    ["undecodable punycode", "jane@xn--zz.example", "email.invalid_domain"],
    ["a 64-character label", `jane@${"a".repeat(64)}.com`, "email.label_too_long"],
    ["a numeric top-level domain", "jane@192.0.2.1", "email.numeric_tld"],
    ["a hexadecimal IPv4 host", "jane@0x7f.1", "email.numeric_tld"],
    ["an address over 254 octets", `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(62)}`, "email.too_long"],
  ])("rejects %s", (_, raw, reason) => {
    expect(reasonFor(raw)).toBe(reason);
  });

  it("accepts an address of exactly 254 octets", () => {
    const address = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    expect(address).toHaveLength(254);
    expect(normaliseEmail(address)).toBe(address);
  });

  it("says what is wrong without repeating the address, and keeps the input off enumerable properties", () => {
    const error = (() => {
      try {
        normaliseEmail("jane.doe.example.com");
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidIdentifierError);
    const invalid = error as InvalidIdentifierError;
    expect(invalid.kind).toBe("email");
    expect(invalid.message).toBe('Invalid e-mail address: it has no "@".');
    expect(invalid.input).toBe("jane.doe.example.com");
    expect(JSON.stringify({ ...invalid })).not.toContain("jane.doe");
  });
});
