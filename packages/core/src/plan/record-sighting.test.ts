import type { IdentifierMatch } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { mergeSighting, type Sighting } from "./record-sighting";

const byEmail: IdentifierMatch = { identifier: { kind: "email", value: "ada@example.com" }, strength: "strong", field: "email" };
const byPhone: IdentifierMatch = { identifier: { kind: "phone", value: "+12015550147" }, strength: "weak", field: "phone", reason: "shared" };
const byId: IdentifierMatch = { identifier: { kind: "native_id", value: "p1", system: "crm" }, strength: "strong", field: "id" };

const sighting = (strength: Sighting["strength"], matchedBy: IdentifierMatch[], facts: Record<string, unknown> = {}): Sighting => ({ strength, matchedBy, facts });

describe("a record found again in a later locate round", () => {
  it("writes nothing when the new sighting adds no match, strength or relation", () => {
    expect(mergeSighting(sighting("strong", [byEmail]), sighting("strong", [{ ...byEmail, identifier: { kind: "email", value: "ADA@example.com" } }]))).toBeUndefined();
  });

  it("adds the new match and keeps a strong record strong when the new match is weak", () => {
    expect(mergeSighting(sighting("strong", [byEmail], { tags: ["vip"] }), sighting("weak", [byPhone]))).toEqual(sighting("strong", [byEmail, byPhone], { tags: ["vip"] }));
  });

  it("turns a weak record strong when the new match is strong for the request, never the other way", () => {
    expect(mergeSighting(sighting("weak", [byPhone]), sighting("strong", [byId]))?.strength).toBe("strong");
    expect(mergeSighting(sighting("weak", [byPhone]), sighting("weak", [byId]))?.strength).toBe("weak");
  });

  it("keeps the first sighting's facts, and a record found as the subject's own is no longer a mere mention", () => {
    const mention = { relation: "mentions", mentionFields: ["body"], tags: ["t"] };
    expect(mergeSighting(sighting("strong", [byEmail], mention), sighting("weak", [byPhone], { relation: "mentions", mentionFields: ["subject"] }))?.facts).toEqual({
      ...mention,
      mentionFields: ["body", "subject"],
    });
    expect(mergeSighting(sighting("strong", [byEmail], mention), sighting("weak", [byPhone], { tags: ["other"] }))?.facts).toEqual({ tags: ["t"] });
    expect(mergeSighting(sighting("strong", [byEmail], { tags: ["t"] }), sighting("weak", [byPhone], mention))?.facts).toEqual({ tags: ["t"] });
  });
});
