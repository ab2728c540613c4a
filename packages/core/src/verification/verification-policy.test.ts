import { describe, expect, it } from "vitest";
import { InvalidVerificationPolicyError, needsVerification, parseVerificationPolicy } from "./verification-policy";

describe("the verification policy", () => {
  it("always includes access and portability and adds the configured types", () => {
    expect([...parseVerificationPolicy(undefined)].sort()).toEqual(["access", "portability"]);
    expect([...parseVerificationPolicy("erasure")].sort()).toEqual(["access", "erasure", "portability"]);
    expect([...parseVerificationPolicy(" rectification , access ,")].sort()).toEqual(["access", "portability", "rectification"]);
    expect(() => parseVerificationPolicy("access,deletion")).toThrow(InvalidVerificationPolicyError);
  });

  it("access and portability need verification whatever the policy; others only when listed", () => {
    expect(needsVerification("access", undefined)).toBe(true);
    expect(needsVerification("portability", new Set())).toBe(true);
    expect(needsVerification("erasure", undefined)).toBe(false);
    expect(needsVerification("erasure", parseVerificationPolicy("erasure"))).toBe(true);
    expect(needsVerification("restriction", parseVerificationPolicy("erasure"))).toBe(false);
  });
});
