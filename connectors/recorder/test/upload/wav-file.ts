/*
 * Test support: WAV files as an SRC or an editor writes them — RIFF/WAVE with a `fmt ` chunk, a
 * `LIST/INFO` chunk before the samples (which the recorder must skip), then `data` — built byte by
 * byte here, independently of the sandbox's own writer.
 */

export interface WavSpec {
  channels: number;
  sampleRate: number;
  bitsPerSample?: number;
  formatTag?: number;
  durationMs: number;
  /** Tone bursts per channel: [startMs, endMs) at 440 Hz · (channel + 1). */
  speech?: { channel: number; startMs: number; endMs: number }[];
}

export function wavFile(spec: WavSpec): { file: Buffer; data: Buffer } {
  const bits = spec.bitsPerSample ?? 16;
  const bytes = bits / 8;
  const frames = Math.round((spec.durationMs * spec.sampleRate) / 1000);
  const data = Buffer.alloc(frames * spec.channels * bytes);
  for (const burst of spec.speech ?? []) {
    const from = Math.floor((burst.startMs * spec.sampleRate) / 1000);
    const to = Math.min(frames, Math.floor((burst.endMs * spec.sampleRate) / 1000));
    for (let frame = from; frame < to; frame++) {
      const value = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (burst.channel + 1) * frame) / spec.sampleRate));
      if (bytes === 2) data.writeInt16LE(value, (frame * spec.channels + burst.channel) * bytes);
    }
  }
  const fmt = Buffer.alloc(8 + 16);
  fmt.write("fmt ", 0, "ascii");
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(spec.formatTag ?? 1, 8);
  fmt.writeUInt16LE(spec.channels, 10);
  fmt.writeUInt32LE(spec.sampleRate, 12);
  fmt.writeUInt32LE(spec.sampleRate * spec.channels * bytes, 16);
  fmt.writeUInt16LE(spec.channels * bytes, 20);
  fmt.writeUInt16LE(bits, 22);
  const info = Buffer.from("INFOISFT\u000b\u0000\u0000\u0000lethe test\u0000\u0000", "latin1");
  const list = Buffer.concat([Buffer.from("LIST", "ascii"), u32(info.length), info]);
  const dataChunk = Buffer.concat([Buffer.from("data", "ascii"), u32(data.length), data]);
  const body = Buffer.concat([Buffer.from("WAVE", "ascii"), fmt, list, dataChunk]);
  return { file: Buffer.concat([Buffer.from("RIFF", "ascii"), u32(body.length), body]), data };
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}
