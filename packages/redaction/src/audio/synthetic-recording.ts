import { writeWavHeader, type WavEncoding } from "./wav-header";

export interface SyntheticRecordingSpec {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  durationMs: number;
  /** Same seed, same bytes. */
  seed?: number;
  /** Bytes per yielded chunk (default 64 KiB). */
  chunkBytes?: number;
}

/**
 * A WAV recording of deterministic noise, generated as a stream (for tests and benchmarks of any
 * length without holding it in memory). No sample is ever digital silence, so a redacted sample
 * can always be told from an original one.
 */
export async function* syntheticWavStream(spec: SyntheticRecordingSpec): AsyncGenerator<Uint8Array, void, undefined> {
  const bytesPerSample = spec.encoding === "pcm16" ? 2 : 1;
  const blockAlign = spec.channels * bytesPerSample;
  const frames = Math.floor((spec.durationMs * spec.sampleRate) / 1000);
  const dataLength = frames * blockAlign;
  yield writeWavHeader({ encoding: spec.encoding, channels: spec.channels, sampleRate: spec.sampleRate, dataLength });
  const chunkFrames = Math.max(1, Math.floor((spec.chunkBytes ?? 64 * 1024) / blockAlign));
  let state = (spec.seed ?? 1) >>> 0 || 1;
  for (let frame = 0; frame < frames; frame += chunkFrames) {
    const count = Math.min(chunkFrames, frames - frame);
    const chunk = new Uint8Array(count * blockAlign);
    for (let i = 0; i < count * spec.channels; i++) {
      // xorshift32: cheap and reproducible.
      state ^= state << 13;
      state >>>= 0;
      state ^= state >>> 17;
      state ^= state << 5;
      state >>>= 0;
      if (spec.encoding === "mulaw") {
        // 0xFF and 0x7F both decode to zero; keep clear of them.
        const byte = state % 254;
        chunk[i] = byte >= 0x7f ? byte + 1 : byte;
      } else {
        const magnitude = 500 + (state % 12000);
        const sample = state & 0x80000000 ? -magnitude : magnitude;
        const unsigned = sample & 0xffff;
        chunk[i * 2] = unsigned & 0xff;
        chunk[i * 2 + 1] = unsigned >> 8;
      }
    }
    yield chunk;
  }
}
