import { describe, expect, it } from "vitest";
import { redactWavStream, type AudioRange } from "./redact-wav-stream";
import { createFillPattern, type FillPattern, type RedactionFill } from "./redaction-fill";
import { syntheticWavStream, type SyntheticRecordingSpec } from "./synthetic-recording";
import { readWavHeader, type WavHeader } from "./wav-header";

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

async function* inPiecesOf(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(offset, offset + size);
    offset += size;
  }
}

/**
 * The redaction as it was first written: every byte of every sample of every frame of a range,
 * one at a time, over the whole file at once. The typed-array fill must give the same bytes.
 */
function redactByteByByte(original: Uint8Array, header: WavHeader, ranges: readonly AudioRange[], pattern: FillPattern): Uint8Array {
  const output = Uint8Array.from(original);
  const { blockAlign, sampleRate, dataOffset } = header;
  const dataEnd = original.length - dataOffset;
  for (const range of ranges) {
    const channels = range.channel === undefined ? Array.from({ length: header.channels }, (_, channel) => channel) : [range.channel];
    const from = Math.floor((range.startMs * sampleRate) / 1000) * blockAlign;
    const to = Math.min(Math.ceil((range.endMs * sampleRate) / 1000) * blockAlign, dataEnd);
    for (let frame = Math.floor(from / blockAlign); frame * blockAlign < to; frame++) {
      const fillOffset = (frame % pattern.periodFrames) * pattern.bytesPerSample;
      for (const channel of channels) {
        for (let b = 0; b < pattern.bytesPerSample; b++) {
          const dataByte = frame * blockAlign + channel * pattern.bytesPerSample + b;
          if (dataByte >= from && dataByte < to) output[dataOffset + dataByte] = pattern.bytes[fillOffset + b] ?? 0;
        }
      }
    }
  }
  return output;
}

/** On a channel, on every channel, overlapping, starting and ending between samples, running past the end. */
const allRanges: AudioRange[] = [
  { channel: 1, startMs: 3.3, endMs: 250.1 },
  { channel: 2, startMs: 200, endMs: 900 },
  { startMs: 600.05, endMs: 777.7 },
  { channel: 0, startMs: 1400, endMs: 5000 },
];

describe("typed-array sample fill", () => {
  const specs: SyntheticRecordingSpec[] = [
    { encoding: "pcm16", channels: 3, sampleRate: 8000, durationMs: 1500, seed: 3 },
    { encoding: "mulaw", channels: 3, sampleRate: 8000, durationMs: 1500, seed: 4 },
    { encoding: "pcm16", channels: 2, sampleRate: 16000, durationMs: 1500, seed: 5 },
  ];
  for (const spec of specs) {
    for (const fill of ["silence", "tone"] as RedactionFill[]) {
      it(`gives the same bytes as the byte-by-byte redaction: ${spec.channels}-channel ${spec.encoding}, ${fill}, any chunking`, async () => {
        const ranges = allRanges.filter((range) => range.channel === undefined || range.channel < spec.channels);
        const original = await collect(syntheticWavStream(spec));
        const header = readWavHeader(original);
        const expected = redactByteByByte(original, header, ranges, createFillPattern(fill, header.encoding, header.sampleRate));
        expect(Buffer.compare(expected, original)).not.toBe(0);
        for (const sizes of [[original.length], [4096], [7, 1, 333, 2], [blockAlignOf(spec) * 101 + 1]]) {
          const redacted = await collect(redactWavStream(inPiecesOf(original, sizes), { ranges, fill }));
          expect(Buffer.compare(redacted, expected), `chunks of ${sizes.join(",")}`).toBe(0);
        }
      });
    }
  }
});

function blockAlignOf(spec: SyntheticRecordingSpec): number {
  return spec.channels * (spec.encoding === "pcm16" ? 2 : 1);
}
