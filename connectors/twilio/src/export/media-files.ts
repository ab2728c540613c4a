import { VendorContractError, type HttpResponse } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";
import { callTwilio, expectStatus, pathSid } from "../vendor/twilio-request";

/** A binary Twilio serves beside a record's JSON: a recording's audio, a message's media file. */
export interface MediaFile {
  /** Path under the account, e.g. `/Recordings/RE….wav`. */
  path: string;
  route: string;
  recordType: string;
  recordId: string;
}

export function recordingAudioFile(recordingSid: string): MediaFile {
  return { path: `/Recordings/${pathSid(recordingSid)}.wav`, route: "recordings.media", recordType: "recording", recordId: recordingSid };
}

export function messageMediaFile(messageSid: string, mediaSid: string): MediaFile {
  return {
    path: `/Messages/${pathSid(messageSid)}/Media/${pathSid(mediaSid)}`,
    route: "messages.media.content",
    recordType: "media",
    recordId: `${messageSid}:${mediaSid}`,
  };
}

/**
 * The file's type and size from a HEAD request: Twilio's metadata gives neither a recording's
 * size nor a media file's, and the runtime checks the bytes it streams against `size`.
 * Undefined when Twilio no longer serves the file (404).
 */
export async function mediaHead(ctx: TwilioContext, file: MediaFile): Promise<{ contentType: string; size: number } | undefined> {
  const response = await callTwilio(ctx, { method: "HEAD", path: file.path, route: file.route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], file.route);
  const size = Number(response.headers.get("content-length"));
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim();
  if (!Number.isInteger(size) || size < 0 || !contentType) {
    throw new VendorContractError(`${file.route} served a file without a content length or type`, { route: file.route, recordType: file.recordType, recordId: file.recordId });
  }
  return { contentType, size };
}

/* Requested only when the runtime reads the file, so no response sits open between items. */
export async function* mediaContent(ctx: TwilioContext, file: MediaFile): AsyncGenerator<Uint8Array> {
  const response: HttpResponse = await callTwilio(ctx, { method: "GET", path: file.path, route: file.route });
  if (response.status === 404) {
    throw new VendorContractError(`${file.route}: the file vanished between its HEAD and its GET`, { route: file.route, recordType: file.recordType, recordId: file.recordId });
  }
  expectStatus(response, [200], file.route);
  yield* response.stream();
}
