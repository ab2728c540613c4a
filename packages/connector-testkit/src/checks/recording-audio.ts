import { recordKey, type RecordingAudio, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/* Group 8: a declared recording audio opens the located recordings and streams as declared. */

function playableType(h: ConformanceHarness): string {
  const declared = h.connector.capabilities.recordingAudio;
  if (!declared || !h.connector.openRecordingAudio) fail(`${h.connector.id} declares or implements no recording audio`);
  return declared.recordType;
}

async function open(h: ConformanceHarness, ref: RecordRef): Promise<RecordingAudio | undefined> {
  const openAudio = h.connector.openRecordingAudio?.bind(h.connector);
  if (!openAudio) fail(`${h.connector.id} implements no openRecordingAudio`);
  return openAudio(h.context(), ref);
}

async function streamedBytes(audio: RecordingAudio): Promise<number> {
  let bytes = 0;
  for await (const chunk of audio.content) bytes += chunk.byteLength;
  return bytes;
}

export async function recordingAudioStreamsAsDeclared(h: ConformanceHarness): Promise<void> {
  const recordType = playableType(h);
  const findings = new Findings();
  let played = 0;
  for (const { located } of (await locateEverySubject(h)).locations) {
    for (const { ref } of located.filter((record) => record.ref.type === recordType)) {
      const audio = await open(h, ref);
      if (!audio) continue;
      played += 1;
      const key = recordKey(ref);
      findings.expect(/^audio\/[\w.+-]+/.test(audio.contentType), () => `${key}: content type "${audio.contentType}" is not an audio media type`);
      const bytes = await streamedBytes(audio);
      findings.expect(bytes === audio.size, () => `${key}: declared ${audio.size} bytes but streamed ${bytes}`);
    }
  }
  findings.expect(played > 0, () => `no located ${recordType} record of any subject opened any audio`);
  findings.throwIfAny("recording audio does not stream as declared");
}

export async function unknownRecordingHasNoAudio(h: ConformanceHarness): Promise<void> {
  const recordType = playableType(h);
  await h.reset();
  const audio = await open(h, { type: recordType, id: "lethe-conformance-no-such-record" });
  if (audio !== undefined) fail(`an unknown ${recordType} record opened audio (${audio.contentType}, ${audio.size} bytes) instead of none`);
}
