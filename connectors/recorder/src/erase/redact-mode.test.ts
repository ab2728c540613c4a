import type { ErasePlan, ErasureReceipt, OraclePerson, RecordRef } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { collect, type OracleRecording, useSeededRecorder } from "../../test/recorder-context";
import { bytesPerSample, channels, headerBytes, redactRange } from "../sandbox/audio/wav";
import { readTranscript } from "../vendor/read-transcript";
import type { TranscriptRecord } from "../vendor/records";
import { eraseRecordings } from "./erase-recordings";
import { personalDataMergeGapMs, personalDataPaddingMs } from "./subject-speech-spans";

const seeded = useSeededRecorder();

const ctx = () => seeded.ctx();
const value = (person: OraclePerson, kind: string) => person.identifiers.find((i) => i.kind === kind)?.value ?? "";
const refsOf = (id: string): RecordRef[] => [
  { type: "recording", id },
  { type: "transcript", id },
  { type: "consent", id },
];
const redacted = /^\[REDACTED:[a-z-]+\]$/;

function redactPlan(person: OraclePerson, scope: "personal-data" | "whole-party"): ErasePlan {
  return { action: "redact", scope, identifiers: person.identifiers };
}

async function transcriptOf(id: string): Promise<TranscriptRecord> {
  const transcript = await readTranscript(ctx(), id);
  if (!transcript) throw new Error(`no transcript for ${id}`);
  return transcript;
}

interface Call {
  recording: OracleRecording;
  transcript: TranscriptRecord;
  media: Buffer;
  /** The subject's participant on the call (the caller) and its channel. */
  participantId: string;
  channel: number;
}

async function callState(recording: OracleRecording, personId: string): Promise<Call> {
  const participant = recording.participants.find((p) => p.personId === personId);
  const media = await seeded.truth.media(recording.id);
  if (!participant || participant.channel === null || !media) throw new Error(`${recording.id} has no voice of ${personId}`);
  return { recording, transcript: await transcriptOf(recording.id), media, participantId: participant.participantId, channel: participant.channel };
}

/** The subject's calls as the oracle knows them: the seeded person on the customer side. */
async function callsOf(person: OraclePerson): Promise<OracleRecording[]> {
  return (await seeded.truth.recordings()).filter((r) => r.fileState === "AVAILABLE" && r.participants.some((p) => p.personId === person.id && p.role === "customer"));
}

async function subjects(): Promise<OraclePerson[]> {
  return (await seeded.oracle.people()).filter((p) => p.role === "subject");
}

/**
 * Ground truth, independent of the detectors: the subject's words that are personal data — the
 * card number they read out (the oracle's card mentions), their e-mail address, and their name
 * said when the agent asked for it. `${utterance}:${word}`.
 */
function personalDataWords(call: Call, person: OraclePerson): Set<string> {
  const words = new Set<string>();
  for (const mention of call.recording.cardMentions.filter((m) => m.speaker === "customer")) {
    for (let w = mention.firstWord; w <= mention.lastWord; w++) words.add(`${mention.utteranceIndex}:${w}`);
  }
  call.transcript.utterances.forEach((utterance, u) => {
    if (utterance.participantId !== call.participantId) return;
    const isName = utterance.text === value(person, "name");
    utterance.words.forEach((word, w) => {
      if (isName || word.word.toLowerCase() === value(person, "email").toLowerCase()) words.add(`${u}:${w}`);
    });
  });
  return words;
}

/** Where those words were said, padded and joined as the connector documents, on the subject's channel. */
function spokenRanges(call: Call, words: Set<string>): { startMs: number; endMs: number }[] {
  const raw = call.transcript.utterances.flatMap((utterance, u) =>
    utterance.words.flatMap((word, w) => (words.has(`${u}:${w}`) ? [{ startMs: Math.max(0, word.startMs - personalDataPaddingMs), endMs: word.endMs + personalDataPaddingMs }] : [])),
  );
  raw.sort((a, b) => a.startMs - b.startMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const range of raw) {
    const last = merged.at(-1);
    if (last && range.startMs <= last.endMs + personalDataMergeGapMs) last.endMs = Math.max(last.endMs, range.endMs);
    else merged.push({ ...range });
  }
  return merged;
}

/** The 16-bit samples of one channel of a stereo WAV. */
function channelSamples(wav: Buffer, channel: number): Int16Array {
  const frames = (wav.length - headerBytes) / (channels * bytesPerSample);
  const samples = new Int16Array(frames);
  for (let frame = 0; frame < frames; frame++) samples[frame] = wav.readInt16LE(headerBytes + (frame * channels + channel) * bytesPerSample);
  return samples;
}

/* Compared as bytes, not with toEqual: a failing deep diff of 100 000 samples takes minutes to print. */
function sameChannel(a: Buffer | undefined, b: Buffer, channel: number): boolean {
  if (!a) return false;
  return Buffer.from(channelSamples(a, channel).buffer).equals(Buffer.from(channelSamples(b, channel).buffer));
}

function receiptOf(receipts: ErasureReceipt[], type: string): ErasureReceipt | undefined {
  return receipts.find((receipt) => receipt.ref.type === type);
}

async function expectUntouched(call: Call): Promise<void> {
  const now = (await seeded.truth.recordings()).find((r) => r.id === call.recording.id);
  expect(now?.redactions).toEqual(call.recording.redactions);
  expect((await transcriptOf(call.recording.id)).utterances).toEqual(call.transcript.utterances);
  expect((await seeded.truth.media(call.recording.id))?.equals(call.media)).toBe(true);
}

describe("erase with a redact plan (redact mode)", () => {
  it("personal-data: silent on the subject's channel exactly where they spoke personal data, bit-identical elsewhere, the transcript redacted there only", async () => {
    let found: { person: OraclePerson; call: Call } | undefined;
    for (const person of await subjects()) {
      for (const recording of await callsOf(person)) {
        if (found || recording.legalHold || !recording.cardMentions.some((m) => m.speaker === "customer")) continue;
        const caller = recording.participants.find((p) => p.personId === person.id)?.participantId;
        const { utterances } = await transcriptOf(recording.id);
        if (utterances.some((u) => u.participantId === caller && u.text.includes(value(person, "email")))) found = { person, call: await callState(recording, person.id) };
      }
    }
    if (!found) throw new Error("the seeded world has a subject's call with a card number and their e-mail spoken");
    const { person, call } = found;
    const words = personalDataWords(call, person);
    const ranges = spokenRanges(call, words);
    expect(ranges.length).toBeGreaterThanOrEqual(3); // name, e-mail, card number
    const agentChannel = 1 - call.channel;
    const before = channelSamples(call.media, call.channel);
    // Each range holds speech before: muting it is a change the check can see.
    for (const range of ranges) expect(before.slice(Math.floor(range.startMs * 8), Math.ceil(range.endMs * 8)).some((s) => s !== 0)).toBe(true);

    const receipts = await collect(eraseRecordings(ctx(), refsOf(call.recording.id), redactPlan(person, "personal-data")));
    expect(receiptOf(receipts, "recording")).toMatchObject({ outcome: "redacted" });
    expect(receiptOf(receipts, "recording")?.detail).toContain(`muted channel ${call.channel} at ${ranges.map((r) => `${r.startMs}–${r.endMs} ms`).join(", ")}`);
    expect(receiptOf(receipts, "transcript")?.outcome).toBe("redacted");
    expect(receiptOf(receipts, "consent")?.outcome).toBe("retained");

    // Audio: the expected file is the old one muted in exactly those ranges on the subject's channel.
    const expected = Buffer.from(call.media);
    for (const range of ranges) redactRange(expected, call.channel, range.startMs, range.endMs, "silence");
    const media = await seeded.truth.media(call.recording.id);
    expect(media?.equals(expected)).toBe(true);
    expect(sameChannel(media, call.media, agentChannel)).toBe(true);
    const now = (await seeded.truth.recordings()).find((r) => r.id === call.recording.id);
    expect(now?.redactions.map(({ channel, startMs, endMs }) => ({ channel, startMs, endMs }))).toEqual(ranges.map((r) => ({ channel: call.channel, ...r })));

    // Transcript: exactly those words replaced, every other word (the agent's all) as it was.
    const transcript = await transcriptOf(call.recording.id);
    transcript.utterances.forEach((utterance, u) => {
      utterance.words.forEach((word, w) => {
        const was = call.transcript.utterances[u]?.words[w];
        expect(word.startMs).toBe(was?.startMs);
        if (words.has(`${u}:${w}`)) expect(word.word, `${u}:${w}`).toMatch(redacted);
        else expect(word.word, `${u}:${w}`).toBe(was?.word);
      });
    });

    // Repeated: nothing more changes, the receipt still says redacted.
    const again = await collect(eraseRecordings(ctx(), refsOf(call.recording.id), redactPlan(person, "personal-data")));
    expect(receiptOf(again, "recording")?.outcome).toBe("redacted");
    expect((await seeded.truth.media(call.recording.id))?.equals(expected)).toBe(true);
    expect((await seeded.truth.recordings()).find((r) => r.id === call.recording.id)?.redactions).toEqual(now?.redactions);
    expect((await transcriptOf(call.recording.id)).utterances).toEqual(transcript.utterances);
  });

  it("whole-party: mutes the subject's whole channel and redacts all their words, the agent's side untouched", async () => {
    const person = (await subjects())[1];
    if (!person) throw new Error("no second subject");
    const recording = (await callsOf(person)).find((r) => !r.legalHold);
    if (!recording) throw new Error("no unheld call of the second subject");
    const call = await callState(recording, person.id);
    const agentChannel = 1 - call.channel;

    const receipts = await collect(eraseRecordings(ctx(), refsOf(recording.id), redactPlan(person, "whole-party")));
    expect(receiptOf(receipts, "recording")?.outcome).toBe("redacted");
    expect(receiptOf(receipts, "recording")?.detail).toContain(`muted channel ${call.channel} at 0–${recording.durationMs} ms`);

    const media = await seeded.truth.media(recording.id);
    if (!media) throw new Error("media gone");
    expect(channelSamples(media, call.channel).every((s) => s === 0)).toBe(true);
    expect(sameChannel(media, call.media, agentChannel)).toBe(true);
    expect(media.subarray(0, headerBytes).equals(call.media.subarray(0, headerBytes))).toBe(true);
    const transcript = await transcriptOf(recording.id);
    transcript.utterances.forEach((utterance, u) => {
      const was = call.transcript.utterances[u];
      if (utterance.participantId === call.participantId) expect(utterance.words.every((w) => redacted.test(w.word))).toBe(true);
      else expect(utterance).toEqual(was);
    });

    const now = (await seeded.truth.recordings()).find((r) => r.id === recording.id);
    await collect(eraseRecordings(ctx(), refsOf(recording.id), redactPlan(person, "whole-party")));
    expect((await seeded.truth.recordings()).find((r) => r.id === recording.id)?.redactions).toEqual(now?.redactions);
    expect((await seeded.truth.media(recording.id))?.equals(media)).toBe(true);
  });

  it("redacts a call under legal hold and keeps it, hold on the receipt", async () => {
    let found: { person: OraclePerson; recording: OracleRecording } | undefined;
    for (const person of await subjects()) {
      const recording = (await callsOf(person)).find((r) => r.legalHold && r.cardMentions.some((m) => m.speaker === "customer"));
      if (recording) found ??= { person, recording };
    }
    if (!found) throw new Error("no held call with a card number spoken by a subject");
    const { person, recording } = found;
    const call = await callState(recording, person.id);
    const mention = recording.cardMentions.find((m) => m.speaker === "customer");

    const receipts = await collect(eraseRecordings(ctx(), refsOf(recording.id), redactPlan(person, "personal-data")));
    expect(receiptOf(receipts, "recording")).toMatchObject({ outcome: "redacted", hold: { id: recording.legalHold?.holdId } });

    const now = (await seeded.truth.recordings()).find((r) => r.id === recording.id);
    expect(now).toMatchObject({ fileState: "AVAILABLE", legalHold: { holdId: recording.legalHold?.holdId }, deletion: null });
    expect(now?.redactions.every((r) => r.channel === call.channel)).toBe(true);
    expect(now?.redactions.some((r) => mention && r.startMs <= mention.startMs && r.endMs >= mention.endMs)).toBe(true);
    const words = (await transcriptOf(recording.id)).utterances[mention?.utteranceIndex ?? -1]?.words ?? [];
    expect(words.slice(mention?.firstWord, (mention?.lastWord ?? 0) + 1).every((w) => redacted.test(w.word))).toBe(true);
    const media = await seeded.truth.media(recording.id);
    expect(sameChannel(media, call.media, 1 - call.channel)).toBe(true);
  });

  it("leaves untouched a call on which nobody is the subject: a household member on the same line, a namesake", async () => {
    const people = await seeded.oracle.people();
    const person = (await subjects())[0];
    if (!person) throw new Error("no subject");
    const household = people.find((p) => p.bystanderOf === person.id && value(p, "phone") === value(person, "phone"));
    const namesake = people.find((p) => p.bystanderOf === person.id && value(p, "name") === value(person, "name"));
    for (const bystander of [household, namesake]) {
      if (!bystander) throw new Error("the seeded bystanders are missing");
      const recording = (await callsOf(bystander))[0];
      if (!recording) throw new Error(`no call of ${bystander.id}`);
      const call = await callState(recording, bystander.id);

      const receipts = await collect(eraseRecordings(ctx(), refsOf(recording.id), redactPlan(person, "whole-party")));
      expect(receipts.map((r) => r.outcome)).toEqual(["retained", "retained", "retained"]);
      expect(receiptOf(receipts, "recording")?.detail).toContain("could be attributed to the subject");
      await expectUntouched(call);
    }
  });
});
