import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { siprecDocument } from "./siprec-document";
import { seedWorld } from "./seed-world";

/*
 * RFC 7865's model (vendor-apis.md §3.1), as structure: `recording` in urn:ietf:params:xml:ns:recording:1 holds, in
 * this order, datamode (complete|partial), group*, session*, participant*, stream*,
 * sessionrecordingassoc*, participantsessionassoc*, participantstreamassoc*; ids are base64 of
 * 128 bits; session needs session_id, participant participant_id with nameID@aor (an anyURI),
 * stream stream_id and session_id, participantstreamassoc participant_id with any number of send and recv stream
 * ids; associate-time is an xs:dateTime. The XSD validation of the served documents is in
 * ../siprec-schema.test.ts; these checks add what that schema does not check (ids are 128 bits, references
 * resolve, label N is channel N-1). See FIDELITY.md.
 */

const order = ["datamode", "group", "session", "participant", "stream", "sessionrecordingassoc", "participantsessionassoc", "participantstreamassoc"];
const base64Id128 = /^[A-Za-z0-9+/]{22}==$/;
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });
const plain = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true });

function children(ordered: Node[]): string[] {
  return ordered.flatMap((node) => Object.keys(node).filter((key) => key !== ":@" && key !== "#text"));
}

describe("the sandbox's SIPREC metadata documents", () => {
  const world = seedWorld(1);

  it("are well-formed XML in the RFC 7865 namespace with the schema's element order", () => {
    for (const recording of world.recordings) {
      const xml = siprecDocument(recording);
      expect(XMLValidator.validate(xml)).toBe(true);
      const document = parser.parse(xml) as Node[];
      const root = document.find((node) => "recording" in node);
      expect(root?.[":@"]).toEqual({ "@xmlns": "urn:ietf:params:xml:ns:recording:1" });
      const names = children(root?.recording as Node[]);
      const ranks = names.map((name) => order.indexOf(name));
      expect(ranks.every((rank) => rank >= 0)).toBe(true);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
  });

  it("carry required attributes, 128-bit base64 ids, dateTimes, and references that resolve", () => {
    for (const recording of world.recordings) {
      const root = (plain.parse(siprecDocument(recording)) as { recording: Node[] }).recording[0] as Record<string, Node[]>;
      expect(root.datamode).toEqual(["complete"]);
      const sessions = (root.session ?? []).map((s) => String(s["@session_id"]));
      const streams = (root.stream ?? []).map((s) => String(s["@stream_id"]));
      const participants = (root.participant ?? []).map((p) => String(p["@participant_id"]));
      for (const id of [...sessions, ...streams, ...participants, ...(root.group ?? []).map((g) => String(g["@group_id"]))]) {
        expect(id).toMatch(base64Id128);
      }
      for (const participant of root.participant ?? []) {
        const nameIds = participant.nameID as Node[];
        expect(nameIds).toHaveLength(1);
        expect(String(nameIds[0]?.["@aor"])).toMatch(/^(tel|sips?):/);
      }
      for (const stream of root.stream ?? []) {
        expect(sessions).toContain(String(stream["@session_id"]));
        expect(stream.label).toHaveLength(1);
      }
      for (const assoc of [...(root.sessionrecordingassoc ?? []), ...(root.participantsessionassoc ?? [])]) {
        expect(sessions).toContain(String(assoc["@session_id"]));
        for (const time of (assoc["associate-time"] as string[] | undefined) ?? []) expect(time).toMatch(dateTime);
      }
      for (const assoc of root.participantstreamassoc ?? []) {
        expect(participants).toContain(String(assoc["@participant_id"]));
        for (const ref of [...((assoc.send as string[] | undefined) ?? []), ...((assoc.recv as string[] | undefined) ?? [])]) {
          expect(streams).toContain(ref);
        }
      }
    }
  });

  it("map each party's voice to the channel the metadata API names: stream label N is channel N-1", () => {
    const recording = world.recordings[0];
    if (!recording) throw new Error("no recordings seeded");
    const root = (plain.parse(siprecDocument(recording)) as { recording: Node[] }).recording[0] as Record<string, Node[]>;
    const labelOf = new Map((root.stream ?? []).map((s) => [String(s["@stream_id"]), Number((s.label as unknown[])[0])]));
    for (const participant of recording.participants) {
      const assoc = (root.participantstreamassoc ?? []).find((a) => String(a["@participant_id"]) === participant.participantId);
      const sent = (assoc?.send as string[] | undefined)?.[0] ?? "";
      expect(labelOf.get(sent)).toBe((participant.channel ?? -1) + 1);
    }
  });
});
