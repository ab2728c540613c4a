import type { ExportPart } from "@lethe/connector-sdk";
import type { ConsentRecord, RecordingRecord, TranscriptRecord } from "./vendor/records";

/*
 * Whose each part of an exported call is (GDPR Art. 15(4)). The call is the person's conversation
 * with our agent, so the agent's side stays; a third party on the line (a conference, a transfer to
 * someone outside) is another person: their entry among the participants, what they said and
 * their consent events are left out of the person's copy.
 */

function thirdParties(recording: RecordingRecord): Set<string> {
  return new Set(recording.participants.filter((p) => p.role === "third-party").map((p) => p.participantId));
}

export function recordingParts(recording: RecordingRecord): ExportPart[] {
  return recording.participants.flatMap((participant, index) =>
    participant.role === "third-party" ? [{ path: ["participants", index], about: "other" as const, label: "another person on the call" }] : [],
  );
}

export function transcriptParts(transcript: TranscriptRecord, recording: RecordingRecord | undefined): ExportPart[] {
  if (!recording) return [];
  const others = thirdParties(recording);
  return transcript.utterances.flatMap((utterance, index) =>
    others.has(utterance.participantId) ? [{ path: ["utterances", index], about: "other" as const, label: "what another person on the call said" }] : [],
  );
}

export function consentParts(consent: ConsentRecord, recording: RecordingRecord | undefined): ExportPart[] {
  if (!recording) return [];
  const others = thirdParties(recording);
  return consent.events.flatMap((event, index) =>
    others.has(event.participantId) ? [{ path: ["events", index], about: "other" as const, label: "another person's consent" }] : [],
  );
}
