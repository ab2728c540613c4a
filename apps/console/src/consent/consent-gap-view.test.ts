import type { ConsentEntry } from "@lethe/contracts";
import { describe, expect, it } from "vitest";
import { knownAsText, remediationChoice, remediationText, roleName, unconsentedText } from "./consent-gap-view";

const entry = (over: Partial<ConsentEntry>): Pick<ConsentEntry, "unconsented" | "callDurationMs" | "remediation" | "knownAs"> => ({
  unconsented: [],
  callDurationMs: 24_100,
  remediation: null,
  knownAs: [],
  ...over,
});

describe("the Consent screen's wording", () => {
  it("says which stretch lacks consent, marking the end of the call", () => {
    expect(unconsentedText(entry({ unconsented: [{ fromMs: 3000, toMs: 24_100 }] }))).toBe("from 3.0 s to 24.1 s (end)");
    expect(unconsentedText(entry({ unconsented: [{ fromMs: 0, toMs: 9000 }, { fromMs: 12_000, toMs: 24_100 }] }))).toBe("from 0.0 s to 9.0 s; from 12.0 s to 24.1 s (end)");
  });

  it("names the party by role and masked identifiers only", () => {
    expect(roleName("conference")).toBe("Conference party");
    expect(knownAsText(entry({ knownAs: [{ kind: "phone", masked: "••••••••0202" }] }))).toBe("••••••••0202");
    expect(knownAsText(entry({}))).toBe("no identifier");
  });

  it("offers a plan, an approval or nothing, by the newest remediation", () => {
    const id = "00000000-0000-4000-8000-000000000001";
    expect(remediationChoice(entry({}))).toBe("plan");
    expect(remediationChoice(entry({ remediation: { id, status: "draft" } }))).toBe("approve");
    expect(remediationChoice(entry({ remediation: { id, status: "running" } }))).toBe("in-progress");
    expect(remediationChoice(entry({ remediation: { id, status: "failed" } }))).toBe("plan");
    expect(remediationText(entry({ remediation: { id, status: "retained" } }))).toBe("retained (held)");
  });
});
