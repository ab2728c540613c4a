import { type IdentifierMatch, type LocatedRecord, type LocateQuery } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";
import type { CallRecord, MessageRecord } from "../vendor/records";
import { callRecordings, messageMedia, recordingTranscriptions } from "./children";
import { isDone, isSubtreeDone, loadPosition, position, savePosition } from "./locate-position";
import { callerNames, matchesOf } from "./number-sharing";
import { mediaRef } from "./record-refs";
import { searchLegs, type Found } from "./search-legs";

/**
 * Finds a subject's calls and messages by their numbers, SIP addresses and client identities
 * (leg-addresses.ts), then what hangs off them: each call's recordings and each recording's
 * transcriptions, each message's media. A recording or transcription is matched as its call was,
 * a media file as its message.
 *
 * Resumable: refs are yielded in a fixed order and the position saved after each (locate-position.ts).
 */
export async function* locate(ctx: TwilioContext, query: LocateQuery): AsyncGenerator<LocatedRecord> {
  const after = await loadPosition(ctx);
  const search = await searchLegs(ctx, query.identifiers);
  const calls = [...search.calls.values()].map((found) => found.record);
  const names = new Map([...search.addresses].map(([key, addresses]) => [key, callerNames(calls, addresses)]));
  ctx.log.info("Listed the subject's calls and messages", { calls: search.calls.size, messages: search.messages.size });

  for (const found of sorted(search.calls)) {
    const call = found.record;
    const at = position(0, call.sid);
    if (isSubtreeDone(after, at)) continue;
    const matchedBy = matchesOf(found.via, names);
    const occurredAt = isoDate(call.start_time);
    const facts = occurredAt ? { occurredAt } : undefined;
    if (!isDone(after, at)) {
      yield located({ type: "call", id: call.sid }, matchedBy, callLabel(call), facts);
      await savePosition(ctx, at);
    }
    for (const recording of bySid(await callRecordings(ctx, call.sid))) {
      const recordingAt = position(0, call.sid, recording.sid);
      if (isSubtreeDone(after, recordingAt)) continue;
      if (!isDone(after, recordingAt)) {
        yield located({ type: "recording", id: recording.sid }, matchedBy, `Recording of a call (${recording.duration ?? "?"} s)`, facts);
        await savePosition(ctx, recordingAt);
      }
      for (const transcription of bySid(await recordingTranscriptions(ctx, recording.sid))) {
        const transcriptionAt = position(0, call.sid, recording.sid, transcription.sid);
        if (isDone(after, transcriptionAt)) continue;
        yield located({ type: "transcription", id: transcription.sid }, matchedBy, "Transcription of a call recording", facts);
        await savePosition(ctx, transcriptionAt);
      }
    }
  }

  for (const found of sorted(search.messages)) {
    const message = found.record;
    const at = position(1, message.sid);
    if (isSubtreeDone(after, at)) continue;
    const matchedBy = matchesOf(found.via, names);
    const occurredAt = isoDate(message.date_sent);
    const facts = occurredAt ? { occurredAt } : undefined;
    if (!isDone(after, at)) {
      yield located({ type: "message", id: message.sid }, matchedBy, messageLabel(message), facts);
      await savePosition(ctx, at);
    }
    // Only an MMS carries media: a listing for every SMS would be a call that finds nothing.
    if (message.num_media === null || message.num_media === "0") continue;
    for (const media of bySid(await messageMedia(ctx, message.sid))) {
      const mediaAt = position(1, message.sid, media.sid);
      if (isDone(after, mediaAt)) continue;
      yield located(mediaRef(message.sid, media.sid), matchedBy, `Media sent in a message (${media.content_type})`, facts);
      await savePosition(ctx, mediaAt);
    }
  }
}

function located(ref: LocatedRecord["ref"], matchedBy: IdentifierMatch[], label: string, facts: { occurredAt: string } | undefined): LocatedRecord {
  // Twilio records carry no identifier of the subject beyond the one searched: nothing to discover.
  return { ref, matchedBy: matchedBy.map((match) => ({ ...match })), discovered: [], label, ...(facts ? { facts } : {}) };
}

function sorted<T extends { sid: string }>(found: Map<string, Found<T>>): Found<T>[] {
  return [...found.values()].sort((a, b) => compare(a.record.sid, b.record.sid));
}

function bySid<T extends { sid: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => compare(a.sid, b.sid));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function callLabel(call: CallRecord): string {
  return `Call, ${call.direction ?? "unknown direction"} (${call.status})`;
}

function messageLabel(message: MessageRecord): string {
  const media = message.num_media !== null && message.num_media !== "0";
  return `${media ? "MMS" : "SMS"} message, ${message.direction ?? "unknown direction"}`;
}

/** Twilio's RFC 2822 dates as ISO 8601; undefined when absent or unreadable (it is only a fact for holds). */
export function isoDate(rfc2822: string | null): string | undefined {
  if (rfc2822 === null) return undefined;
  const time = Date.parse(rfc2822);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
