import { apiRoutes, routeUrl, type MutedRange, type RecordingOutcome } from "@lethe/contracts";

/** One row of the per-recording view: what became of the call, in words, and whether it plays. */
export interface RecordingRow {
  key: string;
  system: string;
  recordingId: string;
  outcome: RecordingOutcome["outcome"];
  /** The sentence beside the badge: the hold and its basis, the muted ranges, or what is awaited. */
  explanation: string;
  /**
   * The player's source; null when there is nothing to play (deleted, deletion under way, not
   * included in the plan for the subject) or the signed-in role may not listen.
   */
  audioUrl: string | null;
  /** What the Listen column says instead of a player. */
  noAudio: string;
}

/** `ch1 5200–8900 ms` → "channel 1, 5.2–8.9 s": the seconds a reviewer looks for on the player's timeline. */
export function describeMutedRange(range: MutedRange): string {
  const seconds = (ms: number) => (ms / 1000).toFixed(ms % 100 === 0 ? 1 : 2);
  return `channel ${range.channel}, ${seconds(range.startMs)}–${seconds(range.endMs)} s`;
}

export function explainOutcome(recording: RecordingOutcome): string {
  switch (recording.outcome) {
    case "deleted":
      return "Deleted from the recorder: audio, transcript and consent events.";
    case "retained": {
      const hold = recording.hold;
      if (!hold?.id && !hold?.basis) return "Retained: the recorder refused deletion.";
      return `Retained under legal hold ${hold.id ?? "(unnamed)"}${hold.basis ? `: ${hold.basis}` : ""}.`;
    }
    case "redacted":
      return recording.mutedRanges.length === 0
        ? `Redacted${recording.detail ? `: ${recording.detail}` : "."}`
        : `Redacted: muted ${recording.mutedRanges.map(describeMutedRange).join("; ")}.`;
    case "pending":
      return "Deletion requested; the recorder has not finished it yet.";
    case "failed":
      return `Not erased${recording.detail ? `: ${recording.detail}` : "."}`;
    default:
      return "Located; nothing done to it yet.";
  }
}

/** The API route that streams a located recording's audio (through the API: the browser holds no vendor credentials). */
export function recordingAudioUrl(requestId: string, recording: Pick<RecordingOutcome, "instanceId" | "recordingId">): string {
  const query = new URLSearchParams({ instanceId: recording.instanceId, recordingId: recording.recordingId });
  return `${routeUrl(apiRoutes.getRequestRecordingAudio.path, { id: requestId })}?${query.toString()}`;
}

/**
 * `canListen`: the signed-in role holds `recordings:listen` (admin and compliance by default, not
 * viewer); without it no player is shown, since the API would refuse the audio (403).
 */
export function recordingRows(requestId: string, recordings: readonly RecordingOutcome[], canListen: boolean): RecordingRow[] {
  return [...recordings]
    .sort((a, b) => a.instanceName.localeCompare(b.instanceName) || a.recordingId.localeCompare(b.recordingId))
    .map((recording) => ({
      key: `${recording.instanceId}:${recording.recordingId}`,
      system: recording.instanceName,
      recordingId: recording.recordingId,
      outcome: recording.outcome,
      explanation: explainOutcome(recording),
      audioUrl: recording.audioAvailable && canListen ? recordingAudioUrl(requestId, recording) : null,
      noAudio: noAudioReason(recording, canListen),
    }));
}

/**
 * Why the Listen column has no player. A recording still only located has no audio for this
 * request when the plan does not include it as the subject's: excluded in review (another person
 * on a shared line) or still awaiting review. The API refuses its audio too.
 */
function noAudioReason(recording: RecordingOutcome, canListen: boolean): string {
  if (recording.audioAvailable) return canListen ? "" : "Your role may not listen to calls";
  if (recording.outcome === "located") return "Not included as the subject's (excluded or awaiting review)";
  return "No audio";
}
