import { spawn, type ChildProcessByStdio } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FfmpegFailedError, FfmpegUnavailableError } from "./audio-errors";
import { redactWavStream, type AudioRange } from "./redact-wav-stream";
import type { RedactionFill } from "./redaction-fill";

export interface FfmpegRedactionOptions {
  ranges: readonly AudioRange[];
  fill: RedactionFill;
  /** The ffmpeg binary: a command on PATH or a path (default `ffmpeg`). */
  ffmpegPath?: string;
  /** ffmpeg muxer of the output (`-f`), e.g. `mp3`, `ogg`, `flac`, `wav`. */
  outputFormat: string;
  /** Extra encoder arguments placed before the output, e.g. `["-c:a", "libopus", "-b:a", "32k"]`. */
  encoderArguments?: readonly string[];
}

type FfmpegProcess = ChildProcessByStdio<Writable, Readable, Readable>;

/** Resolves ffmpeg's version line, or throws `FfmpegUnavailableError` when the binary cannot be run. */
export async function checkFfmpeg(ffmpegPath = "ffmpeg"): Promise<string> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(ffmpegPath, ["-hide_banner", "-version"], { stdio: ["ignore", "pipe", "ignore"] });
    } catch (error) {
      reject(new FfmpegUnavailableError(ffmpegPath, error));
      return;
    }
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", (error) => reject(new FfmpegUnavailableError(ffmpegPath, error)));
    child.on("close", (code) => {
      if (code === 0) resolve(output.split("\n")[0] ?? "ffmpeg");
      else reject(new FfmpegUnavailableError(ffmpegPath, new Error(`ffmpeg -version exited with code ${code}`)));
    });
  });
}

function startFfmpeg(ffmpegPath: string, args: readonly string[]): { child: FfmpegProcess; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(ffmpegPath, ["-hide_banner", "-nostdin", "-loglevel", "error", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    // Only the tail is kept: enough to say why it failed, bounded however long it runs.
    stderr = (stderr + chunk).slice(-2000);
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on("error", (error) => reject(new FfmpegUnavailableError(ffmpegPath, error)));
    child.on("close", (code) => resolve({ code, stderr: stderr.trim() }));
  });
  return { child, exited };
}

/**
 * Redacts compressed audio (anything ffmpeg decodes: MP3, Opus, FLAC, AAC …) as a stream:
 * ffmpeg decodes to 16-bit PCM WAV, `redactWavStream` rewrites the ranges, a second ffmpeg
 * encodes to `outputFormat`. Nothing is held in memory beyond the pipes' buffers. Lossy formats
 * are re-encoded, so outside the ranges the result is the same audio, not the same bytes.
 */
export async function* redactWithFfmpeg(
  input: AsyncIterable<Uint8Array>,
  options: FfmpegRedactionOptions,
): AsyncGenerator<Uint8Array, void, undefined> {
  await checkFfmpeg(options.ffmpegPath);
  yield* transcodeRedacting(input, options);
}

async function* transcodeRedacting(input: AsyncIterable<Uint8Array>, options: FfmpegRedactionOptions): AsyncGenerator<Uint8Array, void, undefined> {
  const ffmpegPath = options.ffmpegPath ?? "ffmpeg";
  const decoder = startFfmpeg(ffmpegPath, ["-i", "pipe:0", "-vn", "-f", "wav", "-c:a", "pcm_s16le", "pipe:1"]);
  const encoder = startFfmpeg(ffmpegPath, ["-f", "wav", "-i", "pipe:0", ...(options.encoderArguments ?? []), "-f", options.outputFormat, "pipe:1"]);
  // Failures of the feeding pipelines surface through the exit codes below; keep them from going unhandled.
  const feeding = pipeline(Readable.from(input), decoder.child.stdin).catch((error: unknown) => error);
  const redacting = pipeline(
    decoder.child.stdout,
    (source: AsyncIterable<Uint8Array>) => redactWavStream(source, { ranges: options.ranges, fill: options.fill }),
    encoder.child.stdin,
  ).catch((error: unknown) => error);
  try {
    for await (const chunk of encoder.child.stdout as AsyncIterable<Uint8Array>) yield chunk;
    const [decoded, encoded, fed, redacted] = await Promise.all([decoder.exited, encoder.exited, feeding, redacting]);
    if (decoded.code !== 0) throw new FfmpegFailedError("decode", decoded.code, decoded.stderr);
    if (redacted instanceof Error) throw redacted;
    if (encoded.code !== 0) throw new FfmpegFailedError("encode", encoded.code, encoded.stderr);
    if (fed instanceof Error && !("code" in fed && fed.code === "EPIPE")) throw fed;
  } finally {
    decoder.child.kill();
    encoder.child.kill();
  }
}

/** `redactWithFfmpeg` from one file to another; the output format defaults to the input file's extension. */
export async function redactAudioFileWithFfmpeg(
  inputPath: string,
  outputPath: string,
  options: Omit<FfmpegRedactionOptions, "outputFormat"> & { outputFormat?: string },
): Promise<void> {
  const outputFormat = options.outputFormat ?? outputPath.split(".").at(-1)?.toLowerCase() ?? "wav";
  // Checked before the output file is created, so a missing ffmpeg leaves no empty file behind.
  await checkFfmpeg(options.ffmpegPath);
  await pipeline(
    createReadStream(inputPath),
    (source: AsyncIterable<Uint8Array>) => transcodeRedacting(source, { ...options, outputFormat }),
    createWriteStream(outputPath),
  );
}
