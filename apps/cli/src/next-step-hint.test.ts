import { describe, expect, it } from "vitest";
import { nextStepHint } from "./next-step-hint";

describe("nextStepHint", () => {
  const env = { commandPrefix: "LETHE_HOME=/srv/lethe " };

  it("names the command a request waits for from a person, with a non-default LETHE_HOME", () => {
    expect(nextStepHint(env, "review", "0b6f")).toBe("Next: review its plan: LETHE_HOME=/srv/lethe pnpm lethe request plan 0b6f");
    expect(nextStepHint(env, "verifying", "0b6f")).toBe(
      "Next: attest the requester's identity: LETHE_HOME=/srv/lethe pnpm lethe request verify 0b6f --attest <how it was checked>",
    );
  });

  it("says nothing for a request that moves on by itself or has ended", () => {
    expect(nextStepHint(env, "executing", "0b6f")).toBeUndefined();
    expect(nextStepHint(env, "completed", "0b6f")).toBeUndefined();
  });
});
