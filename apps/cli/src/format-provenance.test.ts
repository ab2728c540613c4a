import { describe, expect, it } from "vitest";
import { formatProvenance } from "./format-provenance";

describe("formatProvenance", () => {
  it("shows each identifier, the records it found and what they revealed, by round", () => {
    const text = formatProvenance({
      rounds: 1,
      depth: 2,
      nodes: [
        { kind: "identifier", id: "i1", identifierKind: "email", value: "ada@example.org", provenance: "given", strength: "strong", round: 0 },
        { kind: "record", id: "r1", instanceId: "00000000-0000-4000-8000-000000000001", instanceName: "CRM", type: "person", recordId: "p1", label: null, strength: "strong", round: 0 },
        { kind: "identifier", id: "i2", identifierKind: "phone", value: "+441632960001", provenance: "discovered", strength: "weak", round: 1 },
        { kind: "record", id: "r2", instanceId: "00000000-0000-4000-8000-000000000002", instanceName: "Recorder", type: "recording", recordId: "c9", label: null, strength: "weak", round: 1 },
      ],
      edges: [
        { from: "i1", to: "r1", kind: "found", strength: "strong" },
        { from: "r1", to: "i2", kind: "revealed" },
        { from: "i2", to: "r2", kind: "found", strength: "weak" },
      ],
    });
    expect(text.split("\n")).toEqual([
      "rounds    1 of at most 2",
      "round 0  email ada@example.org  (given, strong)",
      "    found person/p1 in CRM (strong)",
      "        revealed phone +441632960001 → round 1",
      "round 1  phone +441632960001  (discovered, weak)",
      "    found recording/c9 in Recorder (weak)",
    ]);
  });
});
