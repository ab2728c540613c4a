import type { Identifier } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import type { ParticipantRecord, RecordingRecord } from "../vendor/records";
import { matchesOf } from "./match-strength";
import type { IdentifierSearch } from "./search-recordings";

/* Only what matchesOf reads of a hit: the participant (the recording is carried along). */
const recording = { id: "rec-1" } as RecordingRecord;

function participant(id: string, fields: Partial<ParticipantRecord>): ParticipantRecord {
  return { participantId: id, aor: "tel:+442079460123", name: null, role: "customer", channel: 0, externalContactId: null, email: null, ...fields };
}

function search(identifier: Identifier, participants: ParticipantRecord[]): IdentifierSearch {
  return { identifier, hits: participants.map((p) => ({ recording, participant: p })) };
}

const strengths = (result: ReturnType<typeof matchesOf>) => [...result.values()].map((match) => [match.strength, match.reason]);

describe("match strength: one identifier, one person", () => {
  it("takes callers holding one e-mail address in different case, one with a CRM id and one without, for one person: strong", () => {
    const email: Identifier = { kind: "email", value: "ada.king@example.com" };
    const result = matchesOf(search(email, [
      participant("p1", { email: "Ada.King@Example.com", externalContactId: "C-1", name: "Ada King" }),
      participant("p2", { email: "ada.king@example.com", name: "A. King" }),
    ]), "GB");
    expect(strengths(result)).toEqual([["strong", undefined], ["strong", undefined]]);
  });

  it("keeps an e-mail address shared when the CRM ids attached to its callers tell two people apart", () => {
    const email: Identifier = { kind: "email", value: "family@example.com" };
    const result = matchesOf(search(email, [
      participant("p1", { email: "Family@example.com", externalContactId: "C-1" }),
      participant("p2", { email: "family@example.com", externalContactId: "C-2" }),
    ]), "GB");
    expect(strengths(result).every(([strength, reason]) => strength === "weak" && reason?.startsWith("shared: 2 callers"))).toBe(true);
  });

  it("takes one number spelt two ways by anonymous callers for one caller (E.164), and two numbers' callers apart", () => {
    const phone: Identifier = { kind: "phone", value: "+442079460123" };
    const same = matchesOf(search(phone, [participant("p1", { aor: "tel:+442079460123" }), participant("p2", { aor: "sip:02079460123@pbx.example.com" })]), "GB");
    expect(strengths(same)).toEqual([["strong", undefined], ["strong", undefined]]);
    const household = matchesOf(search(phone, [participant("p1", { name: "Ada King" }), participant("p2", { name: "Bob King" })]), "GB");
    expect(strengths(household).every(([strength]) => strength === "weak")).toBe(true);
  });
});
