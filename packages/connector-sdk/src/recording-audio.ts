/*
 * A recording's audio for playback: a connector declaring `capabilities.recordingAudio` opens the
 * audio of one record of the declared type as the vendor holds it now (redacted where it was).
 */

export interface RecordingAudio {
  contentType: string;
  /** Bytes, as the vendor reports them; exactly what `content` yields. */
  size: number;
  /** Read once, to the end or abandoned (`return()`), which releases the vendor's response. */
  content: AsyncIterable<Uint8Array>;
}
