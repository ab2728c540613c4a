import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import { addressPhone, normaliseSipAddress, toE164 } from "../phone/participant-address";
import type { RecorderContext } from "../settings";
import { readPage } from "../vendor/read-vendor-json";
import { recordingRecord, type ParticipantRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus } from "../vendor/vendor-request";

/** The API's largest page for a search (API.md, "Search recordings"): as few calls as possible. */
export const searchPageSize = 25;

/** The vendor's participant filter: exactly one of these per search. */
type ParticipantFilter = { phone: string } | { aor: string } | { email: string } | { externalId: string } | { name: string };

export interface ParticipantHit {
  recording: RecordingRecord;
  participant: ParticipantRecord;
}

export interface IdentifierSearch {
  /** The identifier as asked, and the value it was compared in (E.164, normalised SIP URI …). */
  identifier: Identifier;
  hits: ParticipantHit[];
}

/**
 * For each of the subject's identifiers, the recordings with a participant who carries it. Uses
 * the vendor's search, never a listing, and includes recordings whose media is already deleted:
 * their metadata and transcript still hold the person's data (API.md, "includeDeleted").
 *
 * The vendor's search is fuzzier than the identifier: its phone search compares the last ten
 * digits, so `+44 20 1555 0123` answers for `+1 201 555 0123`. Only participants who really carry
 * the identifier, once normalised, are kept; anything else could erase a stranger's call.
 */
export async function searchByIdentifiers(ctx: RecorderContext, identifiers: Identifier[]): Promise<IdentifierSearch[]> {
  const searches: IdentifierSearch[] = [];
  const asked = new Set<string>();
  for (const identifier of identifiers) {
    const target = comparable(identifier, ctx.settings.defaultRegion);
    if (!target || asked.has(identifierKey(identifier))) continue;
    asked.add(identifierKey(identifier));
    ctx.signal.throwIfAborted();
    const recordings = await searchAllPages(ctx, target.filter);
    const hits = recordings.flatMap((recording) =>
      recording.participants
        .filter((participant) => target.carriedBy(participant))
        .map((participant) => ({ recording, participant })),
    );
    searches.push({ identifier, hits });
  }
  return searches;
}

export interface Comparable {
  filter: ParticipantFilter;
  carriedBy(participant: ParticipantRecord): boolean;
}

/** An identifier as the recorder compares it: the search filter, and whether a participant carries it once normalised. */
export function comparable(identifier: Identifier, region: string): Comparable | undefined {
  switch (identifier.kind) {
    case "phone": {
      const e164 = toE164(identifier.value, region);
      if (!e164) return undefined;
      return { filter: { phone: e164 }, carriedBy: (p) => addressPhone(p.aor, region) === e164 };
    }
    case "sip": {
      const sip = normaliseSipAddress(identifier.value);
      if (!sip) return undefined;
      return { filter: { aor: sip }, carriedBy: (p) => normaliseSipAddress(p.aor) === sip };
    }
    case "email": {
      const email = identifier.value.trim().toLowerCase();
      return { filter: { email }, carriedBy: (p) => p.email?.trim().toLowerCase() === email };
    }
    case "customer_id":
      return { filter: { externalId: identifier.value }, carriedBy: (p) => p.externalContactId === identifier.value };
    case "name": {
      const name = foldName(identifier.value);
      return { filter: { name: identifier.value }, carriedBy: (p) => p.name !== null && foldName(p.name) === name };
    }
    default:
      return undefined;
  }
}

export function foldName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/* API.md, "Search recordings": POST /v1/recordings:search, cursor-paginated. */
async function searchAllPages(ctx: RecorderContext, participant: ParticipantFilter): Promise<RecordingRecord[]> {
  const route = "recordings.search";
  const recordings: RecordingRecord[] = [];
  let cursor: string | null = null;
  do {
    ctx.signal.throwIfAborted();
    const response = await callVendor(ctx, {
      method: "POST",
      path: "/v1/recordings:search",
      body: { participant, includeDeleted: true, pageSize: searchPageSize, ...(cursor ? { cursor } : {}) },
      // A search changes nothing: safe to repeat after a 5xx.
      idempotent: true,
      route,
    });
    expectStatus(response, [200], route);
    const page = await readPage(response, recordingRecord, { route, recordType: "recording" });
    recordings.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return recordings;
}
