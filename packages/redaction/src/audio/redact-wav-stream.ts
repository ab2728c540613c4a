import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { RedactionRangeError, WavFormatError } from "./audio-errors";
import { createFillPattern, type FillPattern, type RedactionFill } from "./redaction-fill";
import { fillSamples } from "./sample-fill";
import { maxWavHeaderBytes, tryReadWavHeader, type WavHeader } from "./wav-header";

/** A stretch of a recording to redact; without `channel`, every channel. Channels count from 0. */
export interface AudioRange {
  channel?: number;
  startMs: number;
  endMs: number;
}

export interface WavRedactionOptions {
  ranges: readonly AudioRange[];
  fill: RedactionFill;
  /** Called once the header is read, before the first sample byte is yielded. */
  onHeader?(header: WavHeader): void;
}

/** A range in data-chunk bytes, for one channel or all of them. */
interface ByteRange {
  channels: readonly number[];
  startFrame: number;
  endFrame: number;
  startByte: number;
  endByte: number;
}

function toByteRanges(ranges: readonly AudioRange[], header: WavHeader): ByteRange[] {
  const allChannels = Array.from({ length: header.channels }, (_, channel) => channel);
  return ranges.map((range) => {
    const { channel, startMs, endMs } = range;
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startMs < 0 || endMs <= startMs) {
      throw new RedactionRangeError(`range ${startMs}–${endMs} ms is not a forward range from 0 ms`);
    }
    if (channel !== undefined && (!Number.isInteger(channel) || channel < 0 || channel >= header.channels)) {
      throw new RedactionRangeError(`channel ${channel} does not exist: the recording has ${header.channels} channel(s), counted from 0`);
    }
    // Every sample that overlaps the range is redacted: floor the start, ceil the end.
    const startFrame = Math.floor((startMs * header.sampleRate) / 1000);
    const endFrame = Math.ceil((endMs * header.sampleRate) / 1000);
    return {
      channels: channel === undefined ? allChannels : [channel],
      startFrame,
      endFrame,
      startByte: startFrame * header.blockAlign,
      endByte: endFrame * header.blockAlign,
    };
  });
}

function concatenate(parts: readonly Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/**
 * Redacts time ranges of a WAV recording (16-bit PCM or 8-bit μ-law, any channel count) as a
 * stream: the header is parsed from the first bytes, then sample bytes are rewritten chunk by
 * chunk as they pass, so memory stays flat whatever the length of the file. Every byte outside
 * the ranges — header, other chunks, the other channel, samples before and after — is yielded
 * unchanged; chunks that touch no range are passed through without being copied.
 */
export async function* redactWavStream(
  input: AsyncIterable<Uint8Array>,
  options: WavRedactionOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  const buffered: Uint8Array[] = [];
  let bufferedLength = 0;
  let header: WavHeader | null = null;
  let ranges: ByteRange[] = [];
  let pattern: FillPattern | null = null;
  let position = 0;
  let dataEnd = Number.POSITIVE_INFINITY;

  for await (const piece of input) {
    if (!(piece instanceof Uint8Array)) throw new WavFormatError("the input stream must yield bytes (Uint8Array/Buffer), not strings");
    let chunk = piece;
    if (!header) {
      buffered.push(piece);
      bufferedLength += piece.length;
      const start = buffered.length === 1 ? piece : concatenate(buffered, bufferedLength);
      header = tryReadWavHeader(start);
      if (!header) {
        if (bufferedLength > maxWavHeaderBytes) throw new WavFormatError(`no data chunk within the first ${maxWavHeaderBytes} bytes`);
        continue;
      }
      buffered.length = 0;
      ranges = toByteRanges(options.ranges, header);
      pattern = createFillPattern(options.fill, header.encoding, header.sampleRate);
      if (header.dataLength !== null) dataEnd = header.dataOffset + header.dataLength;
      options.onHeader?.(header);
      chunk = start;
    }
    const chunkStart = position;
    position += chunk.length;
    const dataStart = Math.max(chunkStart, header.dataOffset) - header.dataOffset;
    const dataStop = Math.min(position, dataEnd) - header.dataOffset;
    const touched = dataStart < dataStop ? ranges.filter((range) => range.startByte < dataStop && range.endByte > dataStart) : [];
    if (touched.length === 0 || !pattern) {
      yield chunk;
      continue;
    }
    // Copy before writing (one memcpy): the caller's buffers (a file read stream's pool) are not ours to change.
    const output = new Uint8Array(chunk);
    const dataOffsetInChunk = header.dataOffset - chunkStart;
    for (const range of touched) {
      const span = { chunk: output, dataOffsetInChunk, from: Math.max(range.startByte, dataStart), to: Math.min(range.endByte, dataStop) };
      fillSamples(span, range.channels, header.channels, pattern);
    }
    yield output;
  }
  if (!header) throw new WavFormatError("truncated WAV file: the stream ended before the data chunk");
}

/** Redacts a WAV file on disk into another file, streaming (see `redactWavStream`). */
export async function redactWavFile(inputPath: string, outputPath: string, options: WavRedactionOptions): Promise<void> {
  await pipeline(
    createReadStream(inputPath, { highWaterMark: 256 * 1024 }),
    (source: AsyncIterable<Uint8Array>) => redactWavStream(source, options),
    createWriteStream(outputPath),
  );
}
