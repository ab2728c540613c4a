import { bytesPerSample, headerBytes, wavHeader, type WavFormat } from "./wav";

/** An uploaded file that is not audio the recorder stores: the reason, for a 400. */
export class WavError extends Error {}

/** Formats the recorder stores as they are (API.md, "Upload a recording"). */
export const maxUploadChannels = 2;
const minSampleRate = 8000;
const maxSampleRate = 48000;

export interface UploadedWav extends WavFormat {
  frames: number;
  durationMs: number;
  /** The file as the recorder keeps it: its samples behind a plain 44-byte header. */
  stored: Buffer;
}

/**
 * Reads an uploaded RIFF/WAVE file: walks its chunks (a `LIST` or `fact` chunk before the
 * samples is allowed, as recorders and editors write them), takes `fmt ` and `data`, and accepts
 * only linear PCM, 16-bit, 1 or 2 channels (one per party), 8–48 kHz. Anything else throws a
 * WavError saying what is wrong: the sandbox never stores a file it could not mute sample by sample.
 */
export function readUploadedWav(file: Uint8Array): UploadedWav {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 12 || bytes.toString("ascii", 0, 4) !== "RIFF" || bytes.toString("ascii", 8, 12) !== "WAVE") {
    throw new WavError("audio is not a RIFF/WAVE file.");
  }
  let format: { tag: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined;
  let data: Buffer | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length && data === undefined) {
    const id = bytes.toString("ascii", offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (body + size > bytes.length) throw new WavError(`audio: the ${JSON.stringify(id)} chunk runs past the end of the file.`);
    if (id === "fmt ") {
      if (size < 16) throw new WavError("audio: the fmt chunk is too short.");
      format = {
        tag: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        blockAlign: bytes.readUInt16LE(body + 12),
        bits: bytes.readUInt16LE(body + 14),
      };
      // WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.
      if (format.tag === 0xfffe && size >= 40) format.tag = bytes.readUInt16LE(body + 24);
    } else if (id === "data") {
      if (!format) throw new WavError("audio: the data chunk comes before the fmt chunk.");
      data = bytes.subarray(body, body + size);
    }
    offset = body + size + (size % 2);
  }
  if (!format) throw new WavError("audio has no fmt chunk.");
  if (!data) throw new WavError("audio has no data chunk.");
  if (format.tag !== 1) throw new WavError(`audio is not linear PCM (format tag ${format.tag}); send 16-bit PCM.`);
  if (format.bits !== bytesPerSample * 8) throw new WavError(`audio has ${format.bits}-bit samples; send 16-bit PCM.`);
  if (format.channels < 1 || format.channels > maxUploadChannels) throw new WavError(`audio has ${format.channels} channels; send 1 or 2 (one per party).`);
  if (format.sampleRate < minSampleRate || format.sampleRate > maxSampleRate) {
    throw new WavError(`audio is sampled at ${format.sampleRate} Hz; send ${minSampleRate}–${maxSampleRate} Hz.`);
  }
  if (format.blockAlign !== format.channels * bytesPerSample) throw new WavError("audio: the fmt chunk's block alignment does not match its channels.");
  const frames = Math.floor(data.length / format.blockAlign);
  if (frames === 0) throw new WavError("audio holds no samples.");
  const wavFormat = { channels: format.channels, sampleRate: format.sampleRate };
  const stored = Buffer.alloc(headerBytes + frames * format.blockAlign);
  wavHeader(frames, wavFormat).copy(stored, 0);
  data.copy(stored, headerBytes, 0, frames * format.blockAlign);
  return { ...wavFormat, frames, durationMs: Math.round((frames * 1000) / format.sampleRate), stored };
}
