import { describe, expect, it } from "vitest";
import { defaultEnginePolicy, parseEnginePolicy } from "./engine-policy";

describe("engine policy", () => {
  it("defaults to automatic access, portability and erasure, redacting personal data, phone numbers read as GB", () => {
    expect([...defaultEnginePolicy.autoApprove].sort()).toEqual(["access", "erasure", "portability"]);
    expect(defaultEnginePolicy).toMatchObject({ redactScope: "personal-data", defaultRegion: "GB" });
  });

  it("never approves a rectification automatically, whatever the configuration lists", () => {
    const policy = parseEnginePolicy({ autoApprove: " erasure , rectification,restriction ", redactScope: "whole-party", defaultRegion: "US" });
    expect([...policy.autoApprove].sort()).toEqual(["erasure", "restriction"]);
    expect(policy).toMatchObject({ redactScope: "whole-party", defaultRegion: "US" });
  });

  it("an empty list approves nothing automatically; unknown scopes and blank regions fall back", () => {
    expect(parseEnginePolicy({ autoApprove: "" }).autoApprove.size).toBe(0);
    expect(parseEnginePolicy({ redactScope: "everything", defaultRegion: "  " })).toMatchObject({ redactScope: "personal-data", defaultRegion: "GB" });
  });

  it("searches again at verification only where records cannot be read back, unless told to always", () => {
    expect(defaultEnginePolicy.verifySearch).toBe("without-read-back");
    expect(parseEnginePolicy({ verifySearch: "always" }).verifySearch).toBe("always");
    expect(parseEnginePolicy({ verifySearch: "sometimes" }).verifySearch).toBe("without-read-back");
  });
});
