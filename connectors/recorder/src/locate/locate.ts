import { identifierKey, type IdentifierMatch, type LocatedRecord, type LocateQuery, type VendorHold } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import type { ParticipantRecord, RecordingRecord } from "../vendor/records";
import { discoveredIdentifiers } from "./discovered-identifiers";
import { isDone, loadLocateCheckpoint, typeOrder } from "./locate-checkpoint";
import { corroborated, matchesOf } from "./match-strength";
import { searchByIdentifiers } from "./search-recordings";

interface FoundRecording {
  recording: RecordingRecord;
  /** The subject's participant entries on it, with what matched each. */
  participants: Map<ParticipantRecord, IdentifierMatch[]>;
}

/**
 * Finds the calls a subject took part in, through every identifier the recorder indexes on a
 * participant (SIPREC aor as phone or SIP address, e-mail, CRM contact id, name). Each call is
 * three records: the recording (metadata and audio), its transcript and its consent events, which
 * the recorder keeps and deletes with it but which the engine exports and redacts on their own.
 *
 * Resumable: refs are yielded in (recording id, type) order and the checkpoint saved after each.
 */
export async function* locate(ctx: RecorderContext, query: LocateQuery): AsyncGenerator<LocatedRecord> {
  const checkpoint = await loadLocateCheckpoint(ctx);
  // The subject is every identifier, searched now or by an earlier round (`known`): both corroborate a
  // match, and neither is reported as discovered.
  const subject = [...query.identifiers, ...(query.known ?? [])];
  const queried = new Set(subject.map((i) => identifierKey(i.kind === "email" ? { ...i, value: i.value.toLowerCase() } : i)));
  const found = new Map<string, FoundRecording>();
  for (const search of await searchByIdentifiers(ctx, query.identifiers)) {
    for (const [participant, match] of matchesOf(search, ctx.settings.defaultRegion)) {
      const hit = search.hits.find((h) => h.participant === participant);
      if (!hit) continue;
      const entry: FoundRecording = found.get(hit.recording.id) ?? { recording: hit.recording, participants: new Map() };
      // The same participant arrives as a different object from each search; key it by id.
      const same = [...entry.participants.keys()].find((p) => p.participantId === participant.participantId) ?? participant;
      entry.participants.set(same, [...(entry.participants.get(same) ?? []), match]);
      found.set(hit.recording.id, entry);
    }
  }
  ctx.log.info("Located calls by the subject's identifiers", { recordings: found.size });

  const ordered = [...found.values()].sort((a, b) => (a.recording.id < b.recording.id ? -1 : a.recording.id > b.recording.id ? 1 : 0));
  for (const { recording, participants } of ordered) {
    const matchedBy: IdentifierMatch[] = [];
    const discovered = new Map<string, LocatedRecord["discovered"][number]>();
    for (const [participant, matches] of participants) {
      const judged = corroborated(participant, matches, subject);
      matchedBy.push(...judged);
      if (judged.some((m) => m.strength === "strong")) {
        for (const identifier of discoveredIdentifiers(participant, ctx.settings.defaultRegion, queried)) {
          discovered.set(identifierKey(identifier), identifier);
        }
      }
    }
    for (const [typeIndex, type] of typeOrder.entries()) {
      if (isDone(checkpoint, recording.id, typeIndex)) continue;
      ctx.signal.throwIfAborted();
      yield {
        ref: { type, id: recording.id },
        matchedBy: matchedBy.map((match) => ({ ...match })),
        discovered: type === "recording" ? [...discovered.values()] : [],
        label: labelOf(type, recording),
        ...(recording.legalHold ? { vendorHold: vendorHoldOf(recording.legalHold) } : {}),
      };
      await ctx.checkpoint.save({ version: 1, afterRecording: recording.id, afterType: typeIndex });
    }
  }
}

/**
 * The recorder refuses to delete a call under legal hold (deletion protection), and the recording,
 * its transcript and its consent events go together: all three carry the hold.
 */
function vendorHoldOf(hold: NonNullable<RecordingRecord["legalHold"]>): VendorHold {
  return { basis: hold.basis.trim() || "deletion protection", id: hold.holdId };
}

/** Helps a reviewer without naming anyone: the date, the length, and whether it is held or deleted. */
function labelOf(type: (typeof typeOrder)[number], recording: RecordingRecord): string {
  const seconds = Math.round(recording.durationMs / 1000);
  const notes = [recording.legalHold ? "under legal hold" : undefined, recording.fileState === "DELETED" ? "media deleted" : undefined]
    .filter(Boolean)
    .join(", ");
  const what = type === "recording" ? "Call recording" : type === "transcript" ? "Transcript of call" : "Consent events of call";
  return `${what} of ${recording.startTime.slice(0, 10)} (${seconds} s${notes ? `, ${notes}` : ""})`;
}
