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
 * The audio of one recording located for a request, as the connector exports it now (redacted
 * where it was redacted), for the console's player. Undefined when the recording is not a located
 * record of that request on that instance — nothing is asked of the vendor then — or when the
 * vendor no longer holds its media (deleted). Vendor failures are thrown as the connector's errors.
 */
export async function openRecordingAudio(
  deps: RuntimeDependencies,
  target: { requestId: string; instanceId: string; recordingId: string; signal: AbortSignal },
): Promise<RecordingAudio | undefined> {
  const located = await listLocatedRecords(deps.database.db, { requestId: target.requestId, instanceId: target.instanceId });
  if (!located.some((row) => row.recordType === "recording" && row.recordId === target.recordingId)) return undefined;
  const session = await openConnectorSession(deps, { requestId: target.requestId, instanceId: target.instanceId, phase: "playback", signal: target.signal });
  const exportRecords = session.connector.export?.bind(session.connector);
  if (!exportRecords) return undefined;
  const items = exportRecords(session.ctx, [{ type: "recording", id: target.recordingId }])[Symbol.asyncIterator]();
  for (;;) {
    const next = await items.next();
    if (next.done) return undefined;
    const item = next.value;
    if (item.kind !== "binary" || !item.contentType.startsWith("audio/")) continue;
    const content = item.content()[Symbol.asyncIterator]();
    return {
      contentType: item.contentType,
      size: item.size,
      content,
      close: async () => {
        await content.return?.();
        await items.return?.();
      },
    };
  }
}
