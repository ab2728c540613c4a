import { describe, expect, it } from "vitest";
import { consentParts, recordingParts, transcriptParts } from "./export-parts";
import type { ConsentRecord, RecordingRecord, TranscriptRecord } from "./vendor/records";

const participant = (participantId: string, role: "customer" | "agent" | "third-party") => ({
  participantId,
  aor: `tel:+4420794600${participantId}`,
  name: null,
  role,
  channel: 0,
  externalContactId: null,
  email: null,
});

const recording = {
  participants: [participant("01", "customer"), participant("02", "agent"), participant("03", "third-party")],
} as unknown as RecordingRecord;

describe("whose parts of an exported call are", () => {
  it("marks a third party's participant entry, utterances and consent events as another person's; the agent's side stays", () => {
    expect(recordingParts(recording)).toEqual([{ path: ["participants", 2], about: "other", label: "another person on the call" }]);
    const transcript = {
      recordingId: "r",
      language: "en",
      utterances: [{ participantId: "01" }, { participantId: "03" }, { participantId: "02" }, { participantId: "03" }],
    } as unknown as TranscriptRecord;
    expect(transcriptParts(transcript, recording).map((part) => part.path)).toEqual([
      ["utterances", 1],
      ["utterances", 3],
    ]);
    const consent = { recordingId: "r", events: [{ participantId: "03" }, { participantId: "01" }] } as unknown as ConsentRecord;
    expect(consentParts(consent, recording).map((part) => part.path)).toEqual([["events", 0]]);
  });

  it("marks nothing when the recording is gone and the parties cannot be told apart", () => {
    const transcript = { recordingId: "r", language: "en", utterances: [{ participantId: "03" }] } as unknown as TranscriptRecord;
    expect(transcriptParts(transcript, undefined)).toEqual([]);
  });
});
