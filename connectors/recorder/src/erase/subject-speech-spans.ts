import type { AudioRange, DataSubjectProfile, Identifier, PersonalDataService, RedactionSpan } from "@lethe/connector-sdk";
import { cardPaddingMs } from "../pci-sweep/card-number-spans";
import type { ParticipantRecord, RecordingRecord, TranscriptRecord } from "../vendor/records";

export type RedactScope = "personal-data" | "whole-party";

/** Around each word of personal data, as around a card number's digits: the onset and tail, not the next word. */
export const personalDataPaddingMs = cardPaddingMs;
/**
 * Words of one item (a name, an e-mail read out in pieces, a number's digit groups) follow each
 * other within this gap and are muted as one range; a pause between turns is far longer.
 */
export const personalDataMergeGapMs = 100;

/**
 * The types looked for in the subject's speech besides their own identifiers and name variants
 * (which the service finds whatever the types): e-mail addresses, phone numbers, card numbers and
 * IBANs (checksummed, digits spoken as words too). Not other people's names or street addresses in
 * general: those detectors guess, and a guess here mutes evidence.
 */
const detectedTypes = ["email", "phone", "card", "iban"] as const;
const redactedWord = /^\[REDACTED:[^\]]*\]$/;

export interface SubjectSpeechRedaction {
  spans: RedactionSpan[];
  /** The channels that carry only the subject's voice: the only ones redact mode may mute. */
  channels: number[];
  /** Why no audio is muted although the subject spoke (media deleted, no own channel). */
  audioWithheld?: string;
}

interface SubjectSpeechInput {
  recording: RecordingRecord;
  transcript: TranscriptRecord;
  subject: readonly ParticipantRecord[];
  scope: RedactScope;
  identifiers: readonly Identifier[];
  region: string;
  /** The context's `personalData`: the detectors. */
  personalData: PersonalDataService;
}

/**
 * What to redact of the subject's part of a call, as spans for the redaction endpoint: in their
 * utterances only, the personal data they spoke (or, for `whole-party`, every word), and the audio
 * where they said it on their own channel (or that whole channel). Another party's words and
 * channel are never in the result. Words already `[REDACTED:…]` are not redacted again, so a
 * repeated run gives no spans.
 */
export function subjectSpeechRedaction(input: SubjectSpeechInput): SubjectSpeechRedaction {
  const { recording, transcript, subject, scope, personalData } = input;
  const { channels, withheld } = subjectChannels(recording, subject);
  const ids = new Set(subject.map((participant) => participant.participantId));
  const profile: DataSubjectProfile = {
    identifiers: input.identifiers,
    names: subject.flatMap((participant) => (participant.name ? [participant.name] : [])),
  };
  const regions = [input.region];

  const spans: RedactionSpan[] = [];
  const ranges: AudioRange[] = [];
  transcript.utterances.forEach((utterance, index) => {
    if (!ids.has(utterance.participantId)) return;
    const field = `utterances[${index}].text`;
    if (scope === "whole-party") {
      for (const run of unredactedRuns(utterance.words.map((word) => word.word))) spans.push({ kind: "text", field, ...run, label: "party" });
      return;
    }
    const found = personalData.find(utterance.text, { types: detectedTypes, subject: profile, regions });
    for (const span of found) spans.push({ kind: "text", field, start: span.start, end: span.end, label: span.type });
    if (found.length === 0 || !channels.includes(utterance.channel)) return;
    const words = utterance.words.map((word) => ({ text: word.word, startMs: word.startMs, endMs: word.endMs, channel: utterance.channel }));
    ranges.push(...personalData.audioRanges(words, found, { paddingMs: personalDataPaddingMs, channels: [utterance.channel] }));
  });

  if (scope === "whole-party") {
    for (const channel of channels) {
      const muted = recording.redactions.some((r) => r.channel === channel && r.startMs === 0 && r.endMs >= recording.durationMs);
      if (!muted) ranges.push({ channel, startMs: 0, endMs: recording.durationMs });
    }
  }
  const label = scope === "whole-party" ? "party" : "personal-data";
  for (const range of personalData.mergeAudioRanges(ranges, personalDataMergeGapMs)) {
    const endMs = Math.min(range.endMs, recording.durationMs);
    if (range.channel === undefined || endMs <= range.startMs) continue;
    spans.push({ kind: "audio", channel: range.channel, startMs: range.startMs, endMs, label });
  }
  return { spans, channels, ...(withheld ? { audioWithheld: withheld } : {}) };
}

/** The channels to mute: each subject's own, unless the media is gone or another party is on it too. */
function subjectChannels(recording: RecordingRecord, subject: readonly ParticipantRecord[]): { channels: number[]; withheld?: string } {
  if (recording.fileState === "DELETED") return { channels: [], withheld: "the media is already deleted; the transcript only" };
  const ids = new Set(subject.map((participant) => participant.participantId));
  const channels: number[] = [];
  const reasons: string[] = [];
  for (const participant of subject) {
    const channel = participant.channel;
    if (channel === null) {
      reasons.push("the subject's voice has no channel of its own in the recording");
      continue;
    }
    const shared = recording.participants.some((other) => !ids.has(other.participantId) && other.channel === channel);
    if (shared) reasons.push(`channel ${channel} also carries another party, so it is not muted`);
    else if (!channels.includes(channel)) channels.push(channel);
  }
  return reasons.length > 0 ? { channels, withheld: reasons.join("; ") } : { channels };
}

/** Character ranges of `words.join(" ")` covering each run of words not yet redacted. */
function unredactedRuns(words: readonly string[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let offset = 0;
  for (const word of words) {
    const start = offset;
    const end = offset + word.length;
    offset = end + 1;
    if (redactedWord.test(word)) continue;
    const last = runs.at(-1);
    if (last && last.end === start - 1) last.end = end;
    else runs.push({ start, end });
  }
  return runs;
}
