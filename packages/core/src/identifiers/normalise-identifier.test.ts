import { describe, expect, it } from "vitest";
import { InvalidIdentifierError, type InvalidIdentifierReason } from "./invalid-identifier-error";
import { normaliseIdentifier, type IdentifierInput } from "./normalise-identifier";

const options = { defaultRegion: "GB" } as const;

function reasonFor(input: IdentifierInput): InvalidIdentifierReason | "accepted" {
  try {
    normaliseIdentifier(input, options);
    return "accepted";
  } catch (error) {
    if (error instanceof InvalidIdentifierError) return error.reason;
    throw error;
  }
}

describe("normaliseIdentifier", () => {
  it("normalises an e-mail address and a phone number with their own rules", () => {
    expect(normaliseIdentifier({ kind: "email", value: " Jane@Example.com " }, options)).toEqual({
      kind: "email",
      value: "jane@example.com",
    });
    expect(normaliseIdentifier({ kind: "phone", value: "020 7946 0958" }, options)).toEqual({
      kind: "phone",
      value: "+442079460958",
    });
  });

  it("trims a name, collapses its inner whitespace and composes it (NFC), keeping its case", () => {
    expect(normaliseIdentifier({ kind: "name", value: "  Zoe\u0308   van\tder  Berg \n" }, options).value).toBe(
      "Zoë van der Berg",
    );
  });

  it("keeps the lines of a postal address and tidies each one", () => {
    const value = "  10  Example Street \r\n\r\n London\u00a0 \n EC1A 1AA ";
    expect(normaliseIdentifier({ kind: "postal_address", value }, options).value).toBe(
      "10 Example Street\nLondon\nEC1A 1AA",
    );
  });

  it("trims a customer id but keeps its case", () => {
    expect(normaliseIdentifier({ kind: "customer_id", value: " Cust-00042 " }, options)).toEqual({
      kind: "customer_id",
      value: "Cust-00042",
    });
  });

  it("keeps the system of a native id and of a customer id that names one", () => {
    expect(normaliseIdentifier({ kind: "native_id", value: " 4411 ", system: " zendesk " }, options)).toEqual({
      kind: "native_id",
      value: "4411",
      system: "zendesk",
    });
    expect(normaliseIdentifier({ kind: "customer_id", value: "A-1", system: "billing" }, options).system).toBe("billing");
  });

  it("lowercases a SIP address", () => {
    expect(normaliseIdentifier({ kind: "sip", value: " SIP:Agent.7@PBX.Example.com " }, options).value).toBe(
      "sip:agent.7@pbx.example.com",
    );
    expect(normaliseIdentifier({ kind: "sip", value: "sips:alice@example.com;transport=tls" }, options).value).toBe(
      "sips:alice@example.com;transport=tls",
    );
  });

  it("treats an empty system like no system", () => {
    expect(normaliseIdentifier({ kind: "email", value: "jane@example.com", system: " " }, options)).toEqual({
      kind: "email",
      value: "jane@example.com",
    });
  });

  it.each<[string, IdentifierInput, InvalidIdentifierReason]>([
    ["an unknown kind", { kind: "passport" as never, value: "X" }, "identifier.unknown_kind"],
    ["a system on an e-mail address", { kind: "email", value: "jane@example.com", system: "zendesk" }, "identifier.unexpected_system"],
    ["a native id without its system", { kind: "native_id", value: "4411" }, "native_id.missing_system"],
    ["an empty native id", { kind: "native_id", value: " ", system: "zendesk" }, "native_id.empty"],
    ["an empty customer id", { kind: "customer_id", value: "\t" }, "customer_id.empty"],
    ["a customer id with a line break", { kind: "customer_id", value: "A-1\nA-2" }, "customer_id.control_character"],
    ["an empty name", { kind: "name", value: " \n " }, "name.empty"],
    ["a name with a control character", { kind: "name", value: "Jane\u0007Doe" }, "name.control_character"],
    ["an empty postal address", { kind: "postal_address", value: "\n \n" }, "postal_address.empty"],
    ["a SIP address without the sip: scheme", { kind: "sip", value: "alice@example.com" }, "sip.invalid_uri"],
    ["a SIP address without a user", { kind: "sip", value: "sip:pbx.example.com" }, "sip.invalid_uri"],
    ["a SIP address with a space", { kind: "sip", value: "sip:alice smith@example.com" }, "sip.invalid_uri"],
    ["an invalid e-mail address", { kind: "email", value: "jane" }, "email.missing_at"],
    ["an invalid phone number", { kind: "phone", value: "12" }, "phone.too_short"],
  ])("rejects %s", (_, input, reason) => {
    expect(reasonFor(input)).toBe(reason);
  });
});
