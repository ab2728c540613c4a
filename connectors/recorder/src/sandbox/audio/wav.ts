/*
 * The recorder's media: RIFF/WAVE, 16-bit little-endian PCM behind a plain 44-byte header, one
 * channel per party. Seeded calls are 8 kHz stereo (channel 0 the customer, 1 the agent); an
 * uploaded file keeps its own rate and channel count (read-wav.ts). The sandbox's own small
 * routine; muting touches only the samples of the named channel inside the range, so the rest
 * stays bit-identical.
 */

export const sampleRate = 8000;
export const channels = 2;
export const bytesPerSample = 2;
export const headerBytes = 44;

/** The format of a stored WAV: how many channels, at what rate (16-bit samples always). */
export interface WavFormat {
  channels: number;
  sampleRate: number;
}

export const seededFormat: WavFormat = { channels, sampleRate };

export function wavHeader(frames: number, format: WavFormat = seededFormat): Buffer {
  const { channels, sampleRate } = format;
  const dataBytes = frames * channels * bytesPerSample;
  const header = Buffer.alloc(headerBytes);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * bytesPerSample, 28);
  header.writeUInt16LE(channels * bytesPerSample, 32);
  header.writeUInt16LE(bytesPerSample * 8, 34);
  header.write("data", 36, "ascii");
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** The frames a millisecond range covers: from the frame at `startMs` up to the one at `endMs`, rounded outwards. */
export function frameRange(startMs: number, endMs: number, frames: number, rate: number = sampleRate): [number, number] {
  const first = Math.max(0, Math.floor((startMs * rate) / 1000));
  const end = Math.min(frames, Math.ceil((endMs * rate) / 1000));
  return [first, Math.max(first, end)];
}

/** The channel count and rate a stored WAV's header declares (every stored file has the plain 44-byte header). */
export function storedFormat(wav: Buffer): WavFormat {
  return { channels: wav.readUInt16LE(22), sampleRate: wav.readUInt32LE(24) };
}

/** Mutes (zeros) or overwrites with a 1 kHz tone one channel of a WAV file in place, within a range. */
export function redactRange(wav: Buffer, channel: number, startMs: number, endMs: number, mode: "silence" | "tone"): void {
  const format = storedFormat(wav);
  const frames = Math.floor((wav.length - headerBytes) / (format.channels * bytesPerSample));
  const [first, end] = frameRange(startMs, endMs, frames, format.sampleRate);
  for (let frame = first; frame < end; frame++) {
    const value = mode === "silence" ? 0 : Math.round(3000 * Math.sin((2 * Math.PI * 1000 * frame) / format.sampleRate));
    wav.writeInt16LE(value, headerBytes + (frame * format.channels + channel) * bytesPerSample);
  }
}
