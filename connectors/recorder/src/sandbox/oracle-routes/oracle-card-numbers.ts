import type { OracleCardNumber } from "@lethe/connector-sdk";
import type { RequestHandler } from "express";
import type { SandboxState } from "../sandbox-state";
import type { CardMention, RecordingRow } from "../world/world";

const redactedWord = /^\[REDACTED:[^\]]*\]$/;

/**
 * `GET /__sandbox/card-numbers` → `{ cardNumbers }` (the SDK's `OracleCardNumber`): each seeded
 * card number still readable, against the ground truth of where it was spoken — in the transcript
 * while any of its words is not `[REDACTED:…]`, in the audio while its stretch on the speaker's
 * channel is not wholly covered by redactions (unless the media is deleted). The conformance
 * suite's card-sweep checks read it.
 */
export function getOracleCardNumbers(state: SandboxState): RequestHandler {
  return (_req, res) => {
    const cardNumbers: OracleCardNumber[] = [];
    const ordered = [...state.store.recordings.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const recording of ordered) {
      const ref = { type: "recording", id: recording.id };
      for (const mention of recording.cardMentions) {
        if (spokenWordsReadable(recording, mention)) cardNumbers.push({ ref, location: `transcript.utterances[${mention.utteranceIndex}].text` });
        if (recording.fileState !== "DELETED" && !audioCovered(recording, mention)) cardNumbers.push({ ref, location: `audio:${mention.channel}` });
      }
    }
    res.status(200).json({ cardNumbers });
  };
}

function spokenWordsReadable(recording: RecordingRow, mention: CardMention): boolean {
  const words = recording.utterances[mention.utteranceIndex]?.words ?? [];
  return words.slice(mention.firstWord, mention.lastWord + 1).some((word) => !redactedWord.test(word.word));
}

/* Redactions on the mention's channel, joined, must span startMs..endMs without a gap. */
function audioCovered(recording: RecordingRow, mention: CardMention): boolean {
  const ranges = recording.redactions.filter((r) => r.channel === mention.channel).sort((a, b) => a.startMs - b.startMs);
  let coveredTo = mention.startMs;
  for (const range of ranges) {
    if (range.startMs > coveredTo) break;
    coveredTo = Math.max(coveredTo, range.endMs);
  }
  return coveredTo >= mention.endMs;
}
