import { UnsupportedAudioFormatError, WavFormatError } from "./audio-errors";

/** Sample encodings redacted sample by sample: 16-bit little-endian PCM and 8-bit G.711 μ-law. */
export type WavEncoding = "pcm16" | "mulaw";

export interface WavHeader {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Bytes per sample frame (one sample of every channel). */
  blockAlign: number;
  /** Byte offset of the first sample in the file (everything before it is header and passes through untouched). */
  dataOffset: number;
  /**
   * Bytes of sample data the `data` chunk declares, or `null` when the writer did not know
   * (0 or 0xFFFFFFFF, as streaming recorders write): then the samples run to the end of the file.
   */
  dataLength: number | null;
  /** Duration from the declared data length; `null` when the length is unknown. */
  durationMs: number | null;
}

const formatTagPcm = 1;
const formatTagMuLaw = 7;
const formatTagExtensible = 0xfffe;
/** Headers larger than this (long LIST/INFO chunks before `data`) are refused rather than buffered without bound. */
export const maxWavHeaderBytes = 1024 * 1024;

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}

interface FmtChunk {
  formatTag: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

function readFmt(view: DataView, offset: number, size: number): FmtChunk {
  if (size < 16) throw new WavFormatError(`the fmt chunk is ${size} bytes; at least 16 are needed`);
  let formatTag = view.getUint16(offset, true);
  // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
  if (formatTag === formatTagExtensible && size >= 26) formatTag = view.getUint16(offset + 24, true);
  return {
    formatTag,
    channels: view.getUint16(offset + 2, true),
    sampleRate: view.getUint32(offset + 4, true),
    blockAlign: view.getUint16(offset + 12, true),
    bitsPerSample: view.getUint16(offset + 14, true),
  };
}

function encodingOf(fmt: FmtChunk): WavEncoding {
  if (fmt.formatTag === formatTagPcm && fmt.bitsPerSample === 16) return "pcm16";
  if (fmt.formatTag === formatTagMuLaw && fmt.bitsPerSample === 8) return "mulaw";
  throw new UnsupportedAudioFormatError(
    `WAV format tag ${fmt.formatTag} with ${fmt.bitsPerSample} bits per sample is not supported (16-bit PCM and 8-bit μ-law are); decode it with ffmpeg first`,
    fmt.formatTag,
    fmt.bitsPerSample,
  );
}

/**
 * Reads a WAV header from the first bytes of a file, or returns `null` when more bytes are needed
 * to reach the `data` chunk. Chunks before `data` (fmt, fact, LIST …) may come in any order.
 */
export function tryReadWavHeader(bytes: Uint8Array): WavHeader | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") {
    throw new WavFormatError("not a WAV file: it does not start with a RIFF/WAVE header");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: FmtChunk | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const payload = offset + 8;
    if (id === "data") {
      if (!fmt) throw new WavFormatError("the data chunk comes before any fmt chunk");
      const encoding = encodingOf(fmt);
      const bytesPerSample = encoding === "pcm16" ? 2 : 1;
      if (fmt.channels < 1) throw new WavFormatError("the fmt chunk declares no channels");
      if (fmt.sampleRate < 1) throw new WavFormatError("the fmt chunk declares a sample rate of 0");
      if (fmt.blockAlign !== fmt.channels * bytesPerSample) {
        throw new WavFormatError(`block align ${fmt.blockAlign} does not match ${fmt.channels} channel(s) of ${bytesPerSample} byte(s)`);
      }
      const dataLength = size === 0 || size === 0xffffffff ? null : size;
      return {
        encoding,
        channels: fmt.channels,
        sampleRate: fmt.sampleRate,
        bitsPerSample: fmt.bitsPerSample,
        blockAlign: fmt.blockAlign,
        dataOffset: payload,
        dataLength,
        durationMs: dataLength === null ? null : (Math.floor(dataLength / fmt.blockAlign) / fmt.sampleRate) * 1000,
      };
    }
    // RIFF pads every chunk to an even length.
    const next = payload + size + (size % 2);
    if (next > maxWavHeaderBytes) throw new WavFormatError(`no data chunk within the first ${maxWavHeaderBytes} bytes`);
    if (id === "fmt ") {
      if (payload + size > bytes.length) return null;
      fmt = readFmt(view, payload, size);
    }
    offset = next;
  }
  if (offset > maxWavHeaderBytes) throw new WavFormatError(`no data chunk within the first ${maxWavHeaderBytes} bytes`);
  return null;
}

/** Reads the header of a complete WAV file (or at least its first bytes up to the `data` chunk). */
export function readWavHeader(bytes: Uint8Array): WavHeader {
  const header = tryReadWavHeader(bytes);
  if (!header) throw new WavFormatError("truncated WAV header: the data chunk was not reached");
  return header;
}

export interface WavHeaderSpec {
  encoding: WavEncoding;
  channels: number;
  sampleRate: number;
  /** Bytes of sample data that will follow. */
  dataLength: number;
}

/** A canonical header for writing a WAV file; μ-law gets the fact chunk non-PCM formats should carry. */
export function writeWavHeader(spec: WavHeaderSpec): Uint8Array {
  const bytesPerSample = spec.encoding === "pcm16" ? 2 : 1;
  const blockAlign = spec.channels * bytesPerSample;
  const isPcm = spec.encoding === "pcm16";
  const fmtSize = isPcm ? 16 : 18;
  const factSize = isPcm ? 0 : 12;
  const headerLength = 12 + 8 + fmtSize + factSize + 8;
  const bytes = new Uint8Array(headerLength);
  const view = new DataView(bytes.buffer);
  const writeId = (offset: number, id: string) => {
    for (let i = 0; i < 4; i++) bytes[offset + i] = id.charCodeAt(i);
  };
  writeId(0, "RIFF");
  view.setUint32(4, headerLength - 8 + spec.dataLength + (spec.dataLength % 2), true);
  writeId(8, "WAVE");
  writeId(12, "fmt ");
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, isPcm ? formatTagPcm : formatTagMuLaw, true);
  view.setUint16(22, spec.channels, true);
  view.setUint32(24, spec.sampleRate, true);
  view.setUint32(28, spec.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  let offset = 20 + fmtSize;
  if (!isPcm) {
    view.setUint16(36, 0, true);
    writeId(offset, "fact");
    view.setUint32(offset + 4, 4, true);
    view.setUint32(offset + 8, Math.floor(spec.dataLength / blockAlign), true);
    offset += 12;
  }
  writeId(offset, "data");
  view.setUint32(offset + 4, spec.dataLength, true);
  return bytes;
}
