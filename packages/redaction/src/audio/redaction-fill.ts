import { encodeMuLaw } from "./mu-law";
import type { WavEncoding } from "./wav-header";

/** What replaces redacted samples: digital silence, or a 1 kHz tone a listener hears as a bleep. */
export type RedactionFill = "silence" | "tone";

export const toneFrequencyHz = 1000;
/** About −12 dBFS: clearly audible, not painful. */
export const toneAmplitude = 8192;

/**
 * One period of the fill, as encoded sample bytes. The tone's phase follows the absolute frame
 * number, so the output is the same however the input stream happens to be chunked; a 1 kHz tone
 * repeats exactly every `sampleRate` frames (one second), so that is the table's length.
 */
export interface FillPattern {
  /** Encoded bytes of one sample, frame after frame. */
  bytes: Uint8Array;
  periodFrames: number;
  bytesPerSample: number;
}

export function createFillPattern(fill: RedactionFill, encoding: WavEncoding, sampleRate: number): FillPattern {
  const bytesPerSample = encoding === "pcm16" ? 2 : 1;
  const periodFrames = fill === "silence" ? 1 : sampleRate;
  const bytes = new Uint8Array(periodFrames * bytesPerSample);
  for (let frame = 0; frame < periodFrames; frame++) {
    const linear = fill === "silence" ? 0 : Math.round(toneAmplitude * Math.sin((2 * Math.PI * toneFrequencyHz * frame) / sampleRate));
    if (encoding === "mulaw") {
      bytes[frame] = encodeMuLaw(linear);
    } else {
      const unsigned = linear & 0xffff;
      bytes[frame * 2] = unsigned & 0xff;
      bytes[frame * 2 + 1] = unsigned >> 8;
    }
  }
  return { bytes, periodFrames, bytesPerSample };
}
