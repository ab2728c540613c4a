import { identifierKinds } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { identifierProvenances, identifierStrength } from "./identifier-strength";

describe("identifierStrength", () => {
  it("treats a name or a postal address as weak whoever supplied it", () => {
    for (const provenance of identifierProvenances) {
      expect(identifierStrength("name", provenance)).toBe("weak");
      expect(identifierStrength("postal_address", provenance)).toBe("weak");
    }
  });

  it("treats e-mail, phone, customer id, SIP address and native id as strong when given or verified", () => {
    for (const kind of ["email", "phone", "customer_id", "sip", "native_id"] as const) {
      expect(identifierStrength(kind, "given")).toBe("strong");
      expect(identifierStrength(kind, "verified")).toBe("strong");
    }
  });

  it("treats a discovered e-mail, phone, customer id or SIP address as weak, since it may be shared", () => {
    for (const kind of ["email", "phone", "customer_id", "sip"] as const) {
      expect(identifierStrength(kind, "discovered")).toBe("weak");
    }
  });

  it("treats a discovered native id as strong, since a system's own id names one record", () => {
    expect(identifierStrength("native_id", "discovered")).toBe("strong");
  });

  it("has a rule for every identifier kind and provenance", () => {
    for (const kind of identifierKinds) {
      for (const provenance of identifierProvenances) {
        expect(["strong", "weak"]).toContain(identifierStrength(kind, provenance));
      }
    }
  });
});
