/** The bytes are not a WAV file this package can read (not RIFF/WAVE, truncated, or a malformed chunk). */
export class WavFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WavFormatError";
  }
}

/** A well-formed WAV file whose sample encoding is not one this package redacts sample by sample. */
export class UnsupportedAudioFormatError extends Error {
  constructor(
    message: string,
    readonly formatTag: number,
    readonly bitsPerSample: number,
  ) {
    super(message);
    this.name = "UnsupportedAudioFormatError";
  }
}

/** A redaction range that cannot apply to this recording (negative, empty, or a channel it does not have). */
export class RedactionRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RedactionRangeError";
  }
}

/**
 * Compressed audio needs ffmpeg and it is not there: `binary` is the path or command that was tried.
 * Install it (`apt-get install -y --no-install-recommends ffmpeg`) or pass `ffmpegPath`.
 */
export class FfmpegUnavailableError extends Error {
  constructor(readonly binary: string, cause?: unknown) {
    super(`ffmpeg is not available at "${binary}": compressed audio cannot be redacted without it (install ffmpeg or pass ffmpegPath)`, { cause });
    this.name = "FfmpegUnavailableError";
  }
}

/** ffmpeg ran but failed to decode or encode: `stderrTail` is the end of what it said. */
export class FfmpegFailedError extends Error {
  constructor(
    readonly step: "decode" | "encode",
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(`ffmpeg failed to ${step} (exit code ${exitCode}): ${stderrTail}`);
    this.name = "FfmpegFailedError";
  }
}
