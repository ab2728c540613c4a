import { defaultEnginePolicy, parseEnginePolicy } from "@lethe/core";
import { describe, expect, it } from "vitest";
import { enginePolicy } from "./engine-policy";

describe("the worker's engine policy", () => {
  it("is the one the worker was started with, else the defaults", () => {
    expect(enginePolicy({})).toBe(defaultEnginePolicy);
    const policy = parseEnginePolicy({ autoApprove: "erasure", redactScope: "whole-party", defaultRegion: "US" });
    expect(enginePolicy({ policy })).toBe(policy);
  });
});
