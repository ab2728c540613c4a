import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FfmpegUnavailableError } from "./audio-errors";
import { checkFfmpeg, redactAudioFileWithFfmpeg, redactWithFfmpeg } from "./ffmpeg-redaction";
import { readWavHeader, writeWavHeader } from "./wav-header";

/** Two seconds of stereo tones (440 Hz left, 660 Hz right) at 8 kHz. */
function twoToneWav(): Buffer {
  const frames = 16_000;
  const samples = Buffer.alloc(frames * 4);
  for (let frame = 0; frame < frames; frame++) {
    samples.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 440 * frame) / 8000)), frame * 4);
    samples.writeInt16LE(Math.round(6000 * Math.sin((2 * Math.PI * 660 * frame) / 8000)), frame * 4 + 2);
  }
  return Buffer.concat([writeWavHeader({ encoding: "pcm16", channels: 2, sampleRate: 8000, dataLength: samples.length }), samples]);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe("redactWithFfmpeg", () => {
  it("says clearly that ffmpeg is missing when the binary is not there", async () => {
    const missing = "/nonexistent/bin/ffmpeg";
    await expect(checkFfmpeg(missing)).rejects.toThrow(FfmpegUnavailableError);
    const redaction = redactWithFfmpeg(once(twoToneWav()), { ranges: [], fill: "silence", outputFormat: "flac", ffmpegPath: missing });
    await expect(redaction.next()).rejects.toMatchObject({ name: "FfmpegUnavailableError", binary: missing, message: expect.stringContaining("install ffmpeg") });
  });

  // The machine's ffmpeg (.ci/run installs it): WAV → redacted FLAC → WAV. FLAC is lossless, so outside
  // the range the decoded samples must be exactly the original ones; inside, the right channel is silent.
  it("round-trips FLAC through ffmpeg: the redacted range silent on one channel, every other sample identical", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lethe-ffmpeg-"));
    try {
      const original = twoToneWav();
      const ffmpeg = await checkFfmpeg();
      expect(ffmpeg).toMatch(/ffmpeg version/);
      await writeFile(join(directory, "call.wav"), original);
      await redactAudioFileWithFfmpeg(join(directory, "call.wav"), join(directory, "redacted.flac"), { ranges: [{ channel: 1, startMs: 500, endMs: 1000 }], fill: "silence" });
      expect((await readFile(join(directory, "redacted.flac"))).subarray(0, 4).toString("latin1")).toBe("fLaC");
      await redactAudioFileWithFfmpeg(join(directory, "redacted.flac"), join(directory, "decoded.wav"), { ranges: [], fill: "silence" });
      const decoded = await readFile(join(directory, "decoded.wav"));
      const header = readWavHeader(decoded);
      const source = readWavHeader(original);
      expect(header).toMatchObject({ channels: 2, sampleRate: 8000, encoding: "pcm16" });
      let differing = 0;
      for (let frame = 0; frame < 16_000; frame++) {
        for (const channel of [0, 1]) {
          const after = decoded.readInt16LE(header.dataOffset + frame * 4 + channel * 2);
          const before = original.readInt16LE(source.dataOffset + frame * 4 + channel * 2);
          const inRange = channel === 1 && frame >= 4000 && frame < 8000;
          if (inRange ? after !== 0 : after !== before) differing++;
        }
      }
      expect(differing).toBe(0);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
