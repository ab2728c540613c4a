import { declaredOperations } from "@lethe/connector-sdk";
import type { AnyConnector } from "@lethe/connector-sdk";
import { listPlanItems, type Executor } from "@lethe/db";
import { appendAudit } from "./audit/append-audit";
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
  return connector ? declaredOperations(connector).recordingAudio?.recordType : undefined;
}

/**
 * Whether the plan lets a located record be played for this request (issue 13): only what the plan
 * includes as the subject's. A weak match still waiting for review, one excluded in review (another
 * person's call) and any `skip` (a record that is not the subject's to act on) are not played.
 */
export function planAllowsPlayback(item: { action: string; review: string }): boolean {
  return item.review !== "pending" && item.review !== "exclude" && item.action !== "skip";
}

/** `instanceId/recordType/recordId` of every located record of the request the plan lets be played. */
export async function playableRecordKeys(db: Executor, requestId: string): Promise<Set<string>> {
  const items = await listPlanItems(db, { requestId });
  return new Set(items.filter(({ item }) => planAllowsPlayback(item)).map(({ record }) => recordKey(record)));
}

export function recordKey(record: { instanceId: string; recordType: string; recordId: string }): string {
  return `${record.instanceId}/${record.recordType}/${record.recordId}`;
}

/**
 * The audio of one recording located for a request, as the connector's declared
 * `openRecordingAudio` gives it now (redacted where it was redacted), for the console's player.
 * Undefined when the instance's connector declares no recording audio, when the recording is not a
 * located record of that request on that instance (of the record type the connector declares
 * playable) that the plan includes (`planAllowsPlayback`) — nothing is asked of the vendor then —
 * or when the vendor no longer holds its media. Every playback that starts is on the audit chain:
 * `recording.played` with who, which recording and when. Vendor failures are thrown as the
 * connector's errors.
 */
export async function openRecordingAudio(
  deps: RuntimeDependencies,
  target: { requestId: string; instanceId: string; recordingId: string; signal: AbortSignal; actor: string },
): Promise<RecordingAudio | undefined> {
  const items = await listPlanItems(deps.database.db, { requestId: target.requestId, instanceId: target.instanceId });
  // A call's recording and its transcript may share an id: the declared type picks the recording.
  const types = new Set(
    items.filter(({ item, record }) => record.recordId === target.recordingId && planAllowsPlayback(item)).map(({ record }) => record.recordType),
  );
  if (types.size === 0) return undefined;
  const session = await openConnectorSession(deps, { requestId: target.requestId, instanceId: target.instanceId, phase: "playback", signal: target.signal });
  const { connector } = session;
  const playable = declaredOperations(connector).recordingAudio;
  if (!playable || !types.has(playable.recordType)) return undefined;
  const audio = await playable.open(session.ctx, { type: playable.recordType, id: target.recordingId });
  if (!audio) return undefined;
  // Audited before the first byte leaves: listening to a call is access to personal data.
  await appendAudit(deps.database.db, {
    actor: target.actor,
    action: "recording.played",
    requestId: target.requestId,
    payload: { instanceId: target.instanceId, recordType: playable.recordType, recordingId: target.recordingId },
  });
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
