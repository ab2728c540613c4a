import { seededRandom } from "@lethe/sandbox-kit";
import type { UtteranceRow } from "../world/world";
import { bytesPerSample, headerBytes, sampleRate, seededFormat, wavHeader, type WavFormat } from "./wav";

/**
 * Speech-like audio for a call: on the speaker's channel, each transcript word is a voiced sound
 * (a fundamental with harmonics shaped by two formants chosen from the word, under a smooth
 * envelope) opened by a short noise burst like a consonant; between words, faint line noise. The
 * same recording always gives the same bytes, so tests can compare against a fresh synthesis.
 * Stereo at 8 kHz unless `format` says more channels (a fixture call with a conference party on
 * a channel of its own).
 */
export function synthesiseCall(
  recordingId: string,
  utterances: UtteranceRow[],
  durationMs: number,
  pitchOf: (channel: number) => number,
  format: WavFormat = seededFormat,
): Buffer {
  const { channels } = format;
  const frames = Math.ceil((durationMs * sampleRate) / 1000);
  const samples = new Float64Array(frames * channels);
  const noise = seededRandom(hash(recordingId));
  for (let i = 0; i < samples.length; i++) samples[i] = (noise() - 0.5) * 8;

  for (const utterance of utterances) {
    const f0 = pitchOf(utterance.channel);
    for (const word of utterance.words) {
      const seed = hash(word.word);
      const formant1 = 300 + (seed % 500);
      const formant2 = 900 + ((seed >> 9) % 1400);
      const first = Math.floor((word.startMs * sampleRate) / 1000);
      const last = Math.min(frames, Math.floor((word.endMs * sampleRate) / 1000));
      const length = Math.max(1, last - first);
      for (let frame = first; frame < last; frame++) {
        const t = (frame - first) / sampleRate;
        const position = (frame - first) / length;
        const envelope = Math.sin(Math.PI * position);
        let voiced = 0;
        for (let harmonic = 1; harmonic * f0 < 3400; harmonic++) {
          const frequency = harmonic * f0;
          const gain = 1 / (1 + ((frequency - formant1) / 120) ** 2) + 0.6 / (1 + ((frequency - formant2) / 180) ** 2);
          voiced += gain * Math.sin(2 * Math.PI * frequency * t);
        }
        const burst = position < 0.08 ? (noise() - 0.5) * 2 * (1 - position / 0.08) : 0;
        const index = frame * channels + utterance.channel;
        samples[index] = (samples[index] ?? 0) + 6000 * envelope * voiced + 2500 * burst;
      }
    }
  }

  const wav = Buffer.alloc(headerBytes + frames * channels * bytesPerSample);
  wavHeader(frames, { channels, sampleRate }).copy(wav, 0);
  for (let i = 0; i < samples.length; i++) {
    wav.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i] ?? 0))), headerBytes + i * bytesPerSample);
  }
  return wav;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
