import { createOracleClient } from "@lethe/connector-testkit";
import { SandboxWorldError } from "@lethe/sandbox-kit";
import { describe, expect, it } from "vitest";
import { collect, recorderContext, recorderOracle, vendorToken } from "../../test/recorder-context";
import { locate } from "../locate/locate";
import { recordingRecord, transcriptRecord } from "../vendor/records";
import { headerBytes } from "./audio/wav";
import recorderSandbox from "./index";

/* `start({ world })` (`lethe sandbox start recorder --world <file.json>`): the recorder holding a fixture file's calls. */

const fixture = {
  people: [
    { id: "ada", role: "subject", identifiers: [{ kind: "email", value: "ada.quill@example.com" }] },
    { id: "ada-household", role: "bystander", bystanderOf: "ada", identifiers: [{ kind: "customer_id", value: "CUST-9000002" }] },
  ],
  calls: [
    {
      id: "rec_fixture1",
      startTime: "2025-09-01T10:00:00Z",
      queue: "cards-us",
      participants: [
        { aor: "tel:+12015550147", name: "Ada Quill", role: "customer", channel: 0, email: "ada.quill@example.com", externalContactId: "CUST-9000001" },
        { aor: "sip:agent.1042@cc.example.com", name: "Agent 1042", role: "agent", channel: 1 },
      ],
      lines: [
        { participant: 1, text: "good afternoon, how can I help you?" },
        { participant: 0, text: "I want to cancel my card {{credit_card_number}} because I lost it", pan: "4111111111111111" },
        { participant: 1, text: "one moment please" },
      ],
      legalHold: { holdId: "LH-2025-900", basis: "Regulatory inquiry" },
    },
    {
      startTime: "2025-09-02T11:30:00+02:00",
      participants: [
        { aor: "sip:2015550147@pbx.example.com", name: "Ben Quill", role: "customer", channel: 0, externalContactId: "CUST-9000002" },
        { aor: "sip:agent.2210@cc.example.com", role: "agent", channel: 1 },
      ],
      lines: [{ participant: 0, text: "just wanted to check on the status of a refund" }],
      consent: "declined",
    },
  ],
};

describe("a recorder fixture world", () => {
  it("holds the file's calls, their parties matched to the declared people, with synthesised audio and card ground truth; reset comes back to it", async () => {
    expect(recorderSandbox.loadsWorlds).toBe(true);
    const sandbox = await recorderSandbox.start({ world: fixture });
    try {
      const oracle = createOracleClient(sandbox.url);
      const truth = recorderOracle(sandbox);
      const check = async () => {
        expect((await oracle.people()).map((p) => p.id)).toEqual(["ada", "ada-household"]);
        expect((await oracle.records("ada")).map((r) => `${r.ref.type}/${r.ref.id}`).sort()).toEqual(["consent/rec_fixture1", "recording/rec_fixture1", "transcript/rec_fixture1"]);
        const recordings = await truth.recordings();
        expect(recordings).toHaveLength(2);
        const [first, second] = recordings;
        expect(first?.id).toBe("rec_fixture1");
        expect(first?.cardMentions.map((m) => [m.pan, m.channel, m.speaker])).toEqual([["4111111111111111", 0, "customer"]]);
        expect(second?.participants.find((p) => p.role === "customer")?.personId).toBe("ada-household");
      };
      await check();

      const token = await vendorToken(sandbox);
      const get = (path: string) => fetch(`${sandbox.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      const recording = recordingRecord.parse(await (await get("/v1/recordings/rec_fixture1")).json());
      expect(recording).toMatchObject({ startTime: "2025-09-01T10:00:00.000Z", legalHold: { holdId: "LH-2025-900" }, channels: 2, sampleRate: 8000 });
      const transcript = transcriptRecord.parse(await (await get("/v1/recordings/rec_fixture1/transcript")).json());
      expect(transcript.utterances.map((u) => u.text)).toEqual([
        "good afternoon, how can I help you?",
        "I want to cancel my card 4111 1111 1111 1111 because I lost it",
        "one moment please",
      ]);
      // The audio is synthesised from the words: the caller's channel carries sound where they spoke.
      const media = Buffer.from(await (await get("/v1/recordings/rec_fixture1/media")).arrayBuffer());
      expect(media.length).toBe(recording.contentLength);
      const spoken = transcript.utterances[1]?.words[0];
      const loudness = (channel: number) => {
        const from = Math.floor((spoken?.startMs ?? 0) * 8);
        const to = Math.floor((spoken?.endMs ?? 0) * 8);
        let sum = 0;
        for (let frame = from; frame < to; frame++) sum += media.readInt16LE(headerBytes + (frame * 2 + channel) * 2) ** 2;
        return Math.sqrt(sum / Math.max(1, to - from));
      };
      expect(loudness(0)).toBeGreaterThan(500);
      expect(loudness(1)).toBeLessThan(10);

      const located = await collect(locate(recorderContext(sandbox), { identifiers: [{ kind: "phone", value: "+12015550147" }] }));
      // Both calls dial +1 201 555 0147, the second in national digits on a SIP URI.
      expect(new Set(located.map((r) => r.ref.id))).toEqual(new Set((await truth.recordings()).map((r) => r.id)));

      await oracle.reset();
      await check();
    } finally {
      await sandbox.stop();
    }
  });

  it("refuses a bad world with a SandboxWorldError naming each problem's path", async () => {
    const bad = {
      people: [{ id: "x", role: "bystander", bystanderOf: "nobody", identifiers: [{ kind: "email", value: "x@example.com" }] }],
      calls: [
        {
          startTime: "yesterday",
          participants: [{ aor: "0201 555 0147", role: "caller", channel: 9 }],
          lines: [{ participant: 3, text: "hello" }, { participant: 0, text: "my card is {{credit_card_number}}" }],
        },
      ],
    };
    const error: unknown = await recorderSandbox.start({ world: bad }).then(
      async (running) => {
        await running.stop();
        return undefined;
      },
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SandboxWorldError);
    const problems = (error as SandboxWorldError).problems.join("\n");
    for (const path of ["calls[0].startTime", "calls[0].participants[0].aor", "calls[0].participants[0].role", "calls[0].participants[0].channel"]) {
      expect(problems).toContain(`${path}: `);
    }
    // People are checked once the shape is right: an unknown bystanderOf, by its path.
    await expect(recorderSandbox.start({ world: { people: bad.people } })).rejects.toThrow(/people\[0\]: bystanderOf names no known person \(nobody\)/);
    await expect(
      recorderSandbox.start({ world: { calls: [{ ...fixture.calls[1], lines: [{ participant: 3, text: "hello" }, { participant: 0, text: "my card is {{credit_card_number}}" }] }] } }),
    ).rejects.toThrow(/calls\[0\]\.lines\[0\]\.participant: no participant 3[\s\S]*calls\[0\]\.lines\[1\]\.pan/);
  });
});
