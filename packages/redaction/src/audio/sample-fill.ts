import type { FillPattern } from "./redaction-fill";

/** Where a range's bytes land in one chunk of the data chunk. */
export interface ChunkSpan {
  /** The chunk being rewritten. */
  chunk: Uint8Array;
  /** Index in `chunk` of data byte 0 (may be negative: the chunk starts later in the data). */
  dataOffsetInChunk: number;
  /** Data bytes [from, to) to rewrite; both inside the chunk. */
  from: number;
  to: number;
}

/**
 * Writes the fill over the samples of `channels` in data bytes [from, to) of a chunk. Whole
 * frames are written a sample at a time (or, for digital silence on every channel, with one
 * `fill` over the whole span); only a frame cut by the chunk's edge is written byte by byte, so
 * the result is the same however the stream is chunked.
 */
export function fillSamples(span: ChunkSpan, channels: readonly number[], channelCount: number, pattern: FillPattern): void {
  const { chunk, dataOffsetInChunk: shift, from, to } = span;
  if (from >= to) return;
  const blockAlign = channelCount * pattern.bytesPerSample;
  const firstWhole = Math.ceil(from / blockAlign);
  const endWhole = Math.floor(to / blockAlign);
  if (firstWhole >= endWhole) {
    // No whole frame: the span lies within one or two frames cut by the chunk's edges.
    for (let frame = Math.floor(from / blockAlign); frame * blockAlign < to; frame++) fillFrameBytes(span, frame, channels, blockAlign, pattern);
    return;
  }
  if (from < firstWhole * blockAlign) fillFrameBytes(span, firstWhole - 1, channels, blockAlign, pattern);
  if (endWhole * blockAlign < to) fillFrameBytes(span, endWhole, channels, blockAlign, pattern);
  const uniform = uniformByte(pattern);
  if (uniform !== undefined && channels.length === channelCount) {
    chunk.fill(uniform, firstWhole * blockAlign + shift, endWhole * blockAlign + shift);
    return;
  }
  const { bytesPerSample, periodFrames, bytes: fill } = pattern;
  for (const channel of channels) {
    let index = firstWhole * blockAlign + channel * bytesPerSample + shift;
    let phase = (firstWhole % periodFrames) * bytesPerSample;
    for (let frame = firstWhole; frame < endWhole; frame++) {
      for (let b = 0; b < bytesPerSample; b++) chunk[index + b] = fill[phase + b] ?? 0;
      index += blockAlign;
      phase += bytesPerSample;
      if (phase === periodFrames * bytesPerSample) phase = 0;
    }
  }
}

/** One frame, byte by byte, touching only the bytes in [from, to): the frame may be cut by the chunk's edge. */
function fillFrameBytes(span: ChunkSpan, frame: number, channels: readonly number[], blockAlign: number, pattern: FillPattern): void {
  const { bytesPerSample, periodFrames, bytes: fill } = pattern;
  const phase = (frame % periodFrames) * bytesPerSample;
  for (const channel of channels) {
    const sampleByte = frame * blockAlign + channel * bytesPerSample;
    for (let b = 0; b < bytesPerSample; b++) {
      const dataByte = sampleByte + b;
      if (dataByte < span.from || dataByte >= span.to) continue;
      span.chunk[dataByte + span.dataOffsetInChunk] = fill[phase + b] ?? 0;
    }
  }
}

/** The byte every fill byte equals (digital silence), if there is one. */
function uniformByte(pattern: FillPattern): number | undefined {
  const first = pattern.bytes[0];
  return pattern.bytes.every((byte) => byte === first) ? first : undefined;
}
