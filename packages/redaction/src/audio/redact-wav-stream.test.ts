import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { RedactionRangeError, UnsupportedAudioFormatError, WavFormatError } from "./audio-errors";
import { decodeMuLaw, encodeMuLaw } from "./mu-law";
import { redactWavFile, redactWavStream, type AudioRange } from "./redact-wav-stream";
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

const stereoPcm: SyntheticRecordingSpec = { encoding: "pcm16", channels: 2, sampleRate: 8000, durationMs: 2000, seed: 7 };
const monoMuLaw: SyntheticRecordingSpec = { encoding: "mulaw", channels: 1, sampleRate: 8000, durationMs: 2000, seed: 9 };

/** Which sample bytes a range covers, computed independently of the implementation. */
function isRedactedByte(header: WavHeader, ranges: readonly AudioRange[], fileOffset: number): boolean {
  if (fileOffset < header.dataOffset) return false;
  const dataByte = fileOffset - header.dataOffset;
  const bytesPerSample = header.blockAlign / header.channels;
  const frame = Math.floor(dataByte / header.blockAlign);
  const channel = Math.floor((dataByte % header.blockAlign) / bytesPerSample);
  const timeMs = (frame * 1000) / header.sampleRate;
  const frameEndMs = ((frame + 1) * 1000) / header.sampleRate;
  return ranges.some((range) => (range.channel === undefined || range.channel === channel) && frameEndMs > range.startMs && timeMs < range.endMs);
}

describe("redactWavStream", () => {
  it("silences only the given channel in the given ranges of 16-bit stereo PCM and leaves every other byte identical", async () => {
    const original = await collect(syntheticWavStream(stereoPcm));
    const ranges: AudioRange[] = [
      { channel: 1, startMs: 250, endMs: 500 },
      { channel: 0, startMs: 1200, endMs: 1300.5 },
    ];
    const redacted = await collect(redactWavStream(inPiecesOf(original, [4096]), { ranges, fill: "silence" }));
    const header = readWavHeader(original);
    expect(redacted.length).toBe(original.length);
    let redactedBytes = 0;
    for (let offset = 0; offset < original.length; offset++) {
      if (isRedactedByte(header, ranges, offset)) {
        redactedBytes++;
        expect(redacted[offset]).toBe(0);
      } else if (redacted[offset] !== original[offset]) {
        throw new Error(`byte ${offset} outside the ranges changed`);
      }
    }
    // 250 ms + 100.5 ms of one 2-byte channel at 8 kHz.
    expect(redactedBytes).toBe(2000 * 2 + 804 * 2);
  });

  it("writes μ-law silence as 0xFF on a mono recording and keeps the rest bit-identical", async () => {
    const original = await collect(syntheticWavStream(monoMuLaw));
    const ranges: AudioRange[] = [{ startMs: 0, endMs: 125 }, { startMs: 1900, endMs: 5000 }];
    const redacted = await collect(redactWavStream(inPiecesOf(original, [1000]), { ranges, fill: "silence" }));
    const header = readWavHeader(original);
    expect(header.encoding).toBe("mulaw");
    for (let offset = 0; offset < original.length; offset++) {
      const expected = isRedactedByte(header, ranges, offset) ? 0xff : original[offset];
      if (redacted[offset] !== expected) throw new Error(`byte ${offset}: ${redacted[offset]} instead of ${expected}`);
    }
  });

  it("gives the same bytes however the input is chunked, also when chunks split samples and the header", async () => {
    for (const spec of [stereoPcm, monoMuLaw, { ...monoMuLaw, channels: 2 }]) {
      const original = await collect(syntheticWavStream(spec));
      const ranges: AudioRange[] = [{ channel: 0, startMs: 10, endMs: 700 }, { startMs: 650, endMs: 1001 }];
      const whole = await collect(redactWavStream(inPiecesOf(original, [original.length]), { ranges, fill: "tone" }));
      const odd = await collect(redactWavStream(inPiecesOf(original, [1, 7, 3, 13, 4095, 5]), { ranges, fill: "tone" }));
      expect(Buffer.compare(Buffer.from(odd), Buffer.from(whole))).toBe(0);
      expect(Buffer.compare(Buffer.from(whole), Buffer.from(original))).not.toBe(0);
    }
  });

  it("fills with a 1 kHz tone: eight samples per cycle at 8 kHz, peaking near a quarter of full scale", async () => {
    const original = await collect(syntheticWavStream({ ...stereoPcm, channels: 1 }));
    const redacted = await collect(redactWavStream(inPiecesOf(original, [333]), { ranges: [{ startMs: 1000, endMs: 1010 }], fill: "tone" }));
    const header = readWavHeader(original);
    const view = new DataView(redacted.buffer, redacted.byteOffset + header.dataOffset);
    const samples = Array.from({ length: 80 }, (_, i) => view.getInt16((8000 + i) * 2, true));
    expect(samples.slice(0, 8)).toEqual(samples.slice(8, 16));
    expect(Math.max(...samples)).toBeGreaterThan(7000);
    expect(Math.max(...samples)).toBeLessThan(9000);
    expect(samples[0]).toBe(0);
    expect(samples[2]).toBe(8192);
  });

  it("fills μ-law with the same tone, encoded: it decodes to a 1 kHz sine near a quarter of full scale", async () => {
    const original = await collect(syntheticWavStream(monoMuLaw));
    const redacted = await collect(redactWavStream(inPiecesOf(original, [99]), { ranges: [{ startMs: 500, endMs: 510 }], fill: "tone" }));
    const header = readWavHeader(original);
    const samples = Array.from({ length: 80 }, (_, i) => decodeMuLaw(redacted[header.dataOffset + 4000 + i] ?? 0));
    expect(samples.slice(0, 8)).toEqual(samples.slice(8, 16));
    expect(Math.max(...samples)).toBeGreaterThan(7000);
    expect(Math.max(...samples)).toBeLessThan(9000);
    expect(redacted[header.dataOffset + 4080]).toBe(original[header.dataOffset + 4080]);
  });

  it("passes chunks that touch no range through without copying them", async () => {
    const original = await collect(syntheticWavStream(stereoPcm));
    const pieces: Uint8Array[] = [];
    for await (const piece of inPiecesOf(original, [8000])) pieces.push(piece);
    const output: Uint8Array[] = [];
    for await (const chunk of redactWavStream(Readable.from(pieces), { ranges: [{ startMs: 1500, endMs: 1600 }], fill: "silence" })) output.push(chunk);
    expect(output.length).toBe(pieces.length);
    expect(output[3]).toBe(pieces[3]);
    expect(output.filter((chunk, i) => chunk !== pieces[i]).length).toBeGreaterThan(0);
  });

  it("yields redacted audio while the input is still arriving, holding no more than the chunk in hand", async () => {
    const original = await collect(syntheticWavStream({ ...stereoPcm, durationMs: 60_000 }));
    let pulled = 0;
    async function* counted(): AsyncGenerator<Uint8Array> {
      for await (const piece of inPiecesOf(original, [4096])) {
        pulled++;
        yield piece;
      }
    }
    const output = redactWavStream(counted(), { ranges: [{ startMs: 0, endMs: 60_000 }], fill: "silence" });
    await output.next();
    await output.next();
    expect(pulled).toBe(2);
    let chunks = 2;
    for await (const _chunk of output) chunks++;
    expect(chunks).toBe(pulled);
    expect(pulled).toBe(Math.ceil(original.length / 4096));
  });

  it("redacts a file on disk into another file", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lethe-redaction-"));
    try {
      const original = Buffer.from(await collect(syntheticWavStream(stereoPcm)));
      await writeFile(join(directory, "in.wav"), original);
      await redactWavFile(join(directory, "in.wav"), join(directory, "out.wav"), { ranges: [{ channel: 0, startMs: 0, endMs: 2000 }], fill: "silence" });
      const output = await readFile(join(directory, "out.wav"));
      const header = readWavHeader(output);
      for (let frame = 0; frame < 16000; frame++) {
        expect(output.readInt16LE(header.dataOffset + frame * 4)).toBe(0);
        expect(output.readInt16LE(header.dataOffset + frame * 4 + 2)).toBe(original.readInt16LE(header.dataOffset + frame * 4 + 2));
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("refuses a channel the recording does not have and a backwards range", async () => {
    const original = await collect(syntheticWavStream(stereoPcm));
    await expect(collect(redactWavStream(inPiecesOf(original, [4096]), { ranges: [{ channel: 2, startMs: 0, endMs: 10 }], fill: "silence" }))).rejects.toThrow(RedactionRangeError);
    await expect(collect(redactWavStream(inPiecesOf(original, [4096]), { ranges: [{ startMs: 20, endMs: 10 }], fill: "silence" }))).rejects.toThrow(/forward range/);
  });

  it("refuses bytes that are not WAV, a truncated header and 24-bit PCM with typed errors", async () => {
    await expect(collect(redactWavStream(inPiecesOf(new TextEncoder().encode("ID3 not a wave file"), [64]), { ranges: [], fill: "silence" }))).rejects.toThrow(WavFormatError);
    const original = await collect(syntheticWavStream(stereoPcm));
    await expect(collect(redactWavStream(inPiecesOf(original.subarray(0, 30), [64]), { ranges: [], fill: "silence" }))).rejects.toThrow(/truncated/);
    const deep = Uint8Array.from(original.subarray(0, 44));
    new DataView(deep.buffer).setUint16(34, 24, true);
    await expect(collect(redactWavStream(inPiecesOf(deep, [64]), { ranges: [], fill: "silence" }))).rejects.toThrow(UnsupportedAudioFormatError);
  });
});

describe("μ-law", () => {
  it("encodes silence as 0xFF and round-trips samples within the codec's step size", () => {
    expect(encodeMuLaw(0)).toBe(0xff);
    for (const sample of [-32000, -8192, -100, 1, 77, 8192, 32000]) {
      const decoded = decodeMuLaw(encodeMuLaw(sample));
      expect(Math.abs(decoded - sample)).toBeLessThanOrEqual(Math.max(8, Math.abs(sample) / 16));
    }
  });
});
