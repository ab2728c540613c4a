import { describe, expect, it } from "vitest";
import { identifierHash } from "./identifier-hash";

const key = new Uint8Array(32).fill(7);
const otherKey = new Uint8Array(32).fill(8);

describe("identifierHash", () => {
  it("is stable for one key, kind and value, and differs across keys and kinds", () => {
    const once = identifierHash(key, "email", "ada@example.com");
    expect(identifierHash(key, "email", "ada@example.com")).toBe(once);
    expect(once).toMatch(/^[0-9a-f]{64}$/);
    expect(identifierHash(otherKey, "email", "ada@example.com")).not.toBe(once);
    expect(identifierHash(key, "customer_id", "ada@example.com")).not.toBe(once);
    expect(once).not.toContain("ada");
  });

  it("refuses a short key", () => {
    expect(() => identifierHash(new Uint8Array(16), "phone", "+441632960001")).toThrow(/32 bytes/);
  });
});
