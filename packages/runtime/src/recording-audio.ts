import type { AnyConnector } from "@lethe/connector-sdk";
import { listLocatedRecords } from "@lethe/db";
import { openConnectorSession } from "./connector-session";
import type { RuntimeDependencies } from "./runtime-dependencies";

export interface RecordingAudio {
  contentType: string;
  /** Bytes, as the vendor reports them. */
  size: number;
  /** Must be read to the end or abandoned (`return()`), which releases the vendor's response. */
  content: AsyncIterator<Uint8Array>;
  close: () => Promise<void>;
}

/**
 * The record type whose records a connector can play (`capabilities.recordingAudio`, with its
 * `openRecordingAudio`); undefined when it declares none. What makes a located record a recording.
 */
export function playableRecordType(connector: AnyConnector | undefined): string | undefined {
  const playable = connector?.capabilities.recordingAudio;
  return playable && connector.openRecordingAudio ? playable.recordType : undefined;
}

/**
 * The audio of one recording located for a request, as the connector's declared
 * `openRecordingAudio` gives it now (redacted where it was redacted), for the console's player.
 * Undefined when the instance's connector declares no recording audio, when the recording is not a
 * located record of that request on that instance (of the record type the connector declares
 * playable) — nothing is asked of the vendor then — or when the vendor no longer holds its media.
 * Vendor failures are thrown as the connector's errors.
 */
export async function openRecordingAudio(
  deps: RuntimeDependencies,
  target: { requestId: string; instanceId: string; recordingId: string; signal: AbortSignal },
): Promise<RecordingAudio | undefined> {
  const located = await listLocatedRecords(deps.database.db, { requestId: target.requestId, instanceId: target.instanceId });
  // A call's recording and its transcript may share an id: the declared type picks the recording.
  const types = new Set(located.filter((row) => row.recordId === target.recordingId).map((row) => row.recordType));
  if (types.size === 0) return undefined;
  const session = await openConnectorSession(deps, { requestId: target.requestId, instanceId: target.instanceId, phase: "playback", signal: target.signal });
  const { connector } = session;
  const recordType = playableRecordType(connector);
  const open = connector.openRecordingAudio?.bind(connector);
  if (recordType === undefined || !open || !types.has(recordType)) return undefined;
  const audio = await open(session.ctx, { type: recordType, id: target.recordingId });
  if (!audio) return undefined;
  const content = audio.content[Symbol.asyncIterator]();
  return {
    contentType: audio.contentType,
    size: audio.size,
    content,
    close: async () => {
      await content.return?.();
    },
  };
}
