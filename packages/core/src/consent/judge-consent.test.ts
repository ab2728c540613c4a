import type { CallParticipantConsent, ConsentFact } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { judgeConsent } from "./judge-consent";
import { jurisdictionOf } from "./recording-rule";

const party = (over: Partial<CallParticipantConsent> & { facts: ConsentFact[] }): CallParticipantConsent => ({
  participantId: "p1",
  role: "caller",
  identifiers: [{ kind: "phone", value: "+447700900123" }],
  channel: 0,
  joinedAtMs: 0,
  ...over,
});

describe("jurisdictionOf", () => {
  it("reads the country, and the all-party US state from the area code", () => {
    expect(jurisdictionOf({ phone: "+447700900123" })).toMatchObject({ region: "GB", rule: "all-party" });
    expect(jurisdictionOf({ phone: "+14155550123" })).toMatchObject({ region: "US-CA", rule: "all-party" });
    expect(jurisdictionOf({ phone: "+12015550123" })).toMatchObject({ region: "US", rule: "one-party" });
    expect(jurisdictionOf({ phone: "+16135550123" })).toMatchObject({ region: "CA", rule: "one-party" });
  });

  it("applies the strictest rule where it cannot tell", () => {
    expect(jurisdictionOf({})).toMatchObject({ region: "unknown", rule: "all-party" });
    expect(jurisdictionOf({ phone: "not a number" })).toMatchObject({ rule: "all-party" });
  });

  it("prefers the region the vendor reported", () => {
    expect(jurisdictionOf({ region: "us-wa", phone: "+12015550123" })).toMatchObject({ region: "US-WA", rule: "all-party" });
  });
});

describe("judgeConsent", () => {
  it("holds a caller consented from the notice their answer followed", () => {
    const judged = judgeConsent(party({ facts: [{ kind: "disclosed", atMs: 0, capture: "ivr-prompt" }, { kind: "given", atMs: 400, capture: "dtmf" }] }), 60_000);
    expect(judged).toMatchObject({ consented: true, unconsented: [], disclosedAtMs: 0, consentedAtMs: 400, capture: "dtmf", rule: "all-party" });
  });

  it("lists an all-party participant without consent as unconsented from joining to leaving", () => {
    const judged = judgeConsent(party({ role: "conference", joinedAtMs: 12_000, leftAtMs: 50_000, facts: [] }), 60_000);
    expect(judged.consented).toBe(false);
    expect(judged.unconsented).toEqual([{ fromMs: 12_000, toMs: 50_000 }]);
    expect(judged.reason).toContain("no consent was captured and no notice played");
  });

  it("treats a refusal as no consent, even after an earlier notice", () => {
    const judged = judgeConsent(party({ facts: [{ kind: "disclosed", atMs: 0 }, { kind: "declined", atMs: 500 }] }), 30_000);
    expect(judged.unconsented).toEqual([{ fromMs: 0, toMs: 30_000 }]);
  });

  it("ends consent at a withdrawal mid-call", () => {
    const facts: ConsentFact[] = [{ kind: "disclosed", atMs: 0 }, { kind: "given", atMs: 400 }, { kind: "withdrawn", atMs: 21_000, capture: "verbal" }];
    const judged = judgeConsent(party({ facts }), 45_000);
    expect(judged).toMatchObject({ consented: false, unconsented: [{ fromMs: 21_000, toMs: 45_000 }], withdrawnAtMs: 21_000 });
  });

  it("counts the stretch before a late notice as unconsented, within a grace for the notice itself", () => {
    const late = judgeConsent(party({ facts: [{ kind: "disclosed", atMs: 9000 }, { kind: "given", atMs: 9500 }] }), 20_000);
    expect(late.unconsented).toEqual([{ fromMs: 0, toMs: 9000 }]);
    const prompt = judgeConsent(party({ joinedAtMs: 3000, facts: [{ kind: "disclosed", atMs: 4500 }, { kind: "given", atMs: 5000 }] }), 20_000);
    expect(prompt.consented).toBe(true);
  });

  it("needs no answer from a one-party participant or an agent, but honours their objection", () => {
    const us = party({ identifiers: [{ kind: "phone", value: "+12015550123" }], facts: [] });
    expect(judgeConsent(us, 10_000)).toMatchObject({ consented: true, rule: "one-party" });
    const agent = party({ role: "agent", identifiers: [], facts: [] });
    expect(judgeConsent(agent, 10_000)).toMatchObject({ consented: true, rule: "staff-notice" });
    const objecting = party({ role: "agent", identifiers: [], facts: [{ kind: "declined", atMs: 2000 }] });
    expect(judgeConsent(objecting, 10_000).unconsented).toEqual([{ fromMs: 2000, toMs: 10_000 }]);
  });

  it("ignores a withdrawal that came before any consent was given", () => {
    const judged = judgeConsent(party({ facts: [{ kind: "withdrawn", atMs: 100 }, { kind: "disclosed", atMs: 200 }, { kind: "given", atMs: 600 }] }), 10_000);
    expect(judged.consented).toBe(true);
  });
});

describe("the rule's wording", () => {
  it("names the GDPR for EU, EEA and UK numbers, and says when Lethe does not know a country's law", () => {
    expect(jurisdictionOf({ phone: "+33612345678" }).basis).toBe("FR (GDPR): every party must be told and agree");
    expect(jurisdictionOf({ phone: "+819012345678" }).basis).toBe("JP: Lethe does not know this law, so every party must be told and agree");
  });
});
