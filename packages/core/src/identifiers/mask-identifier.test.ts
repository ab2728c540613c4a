import { describe, expect, it } from "vitest";
import { maskIdentifier } from "./mask-identifier";

describe("maskIdentifier", () => {
  it("keeps the first two characters of an e-mail's local part and its domain", () => {
    expect(maskIdentifier("email", "alice.smith@example.com")).toBe("al•••@example.com");
  });

  it("never shows the whole local part of a short e-mail address", () => {
    expect(maskIdentifier("email", "al@example.com")).toBe("a•••@example.com");
    expect(maskIdentifier("email", "a@example.com")).toBe("•••@example.com");
  });

  it("keeps only the last four digits of a phone number", () => {
    expect(maskIdentifier("phone", "+447700900123")).toBe("••••••••0123");
  });

  it("masks the middle of other identifiers and all of a short one", () => {
    expect(maskIdentifier("customer_id", "CUST-000123")).toBe("CU•••••••23");
    expect(maskIdentifier("customer_id", "42")).toBe("•••");
  });
});
