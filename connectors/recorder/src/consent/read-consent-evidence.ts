import type { CallConsent, ConsentEvidenceInput, ConsentEvidencePage } from "@lethe/connector-sdk";
import { recordingsInInterval } from "../pci-sweep/recordings-in-interval";
import type { RecorderContext } from "../settings";
import { readRecord } from "../vendor/read-vendor-json";
import { consentRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";
import { consentFacts, partyRole } from "./consent-facts";
import { participantIdentifiers } from "./participant-identifiers";

/**
 * Each call of the interval with every participant's consent facts (`capabilities.consentEvidence`):
 * the calls a page at a time through the search's interval filter, then each call's consent events
 * (API.md, "Consent events"). A call purged between the two reads is left out. Reads only.
 */
export async function* readConsentEvidence(ctx: RecorderContext, input: ConsentEvidenceInput): AsyncIterable<ConsentEvidencePage> {
  let cursor = input.cursor ?? null;
  do {
    const page = await recordingsInInterval(ctx, input.interval, cursor);
    const calls: CallConsent[] = [];
    for (const recording of page.recordings) {
      const call = await callConsent(ctx, recording);
      if (call) calls.push(call);
    }
    cursor = page.nextCursor;
    yield { calls, nextCursor: cursor };
  } while (cursor !== null);
}

async function callConsent(ctx: RecorderContext, recording: RecordingRecord): Promise<CallConsent | undefined> {
  const route = "recordings.consent";
  ctx.signal.throwIfAborted();
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(recording.id)}/consent`, idempotent: true, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  const consent = await readRecord(response, consentRecord, { route, recordType: "consent" });
  const start = Date.parse(recording.startTime);
  return {
    ref: { type: "recording", id: recording.id },
    startedAt: recording.startTime,
    durationMs: recording.durationMs,
    participants: recording.participants.map((participant) => ({
      participantId: participant.participantId,
      role: partyRole(participant.role),
      identifiers: participantIdentifiers(participant, ctx.settings.defaultRegion),
      channel: participant.channel,
      joinedAtMs: participant.joinedAt ? Math.max(0, Date.parse(participant.joinedAt) - start) : 0,
      facts: consentFacts(consent, participant.participantId, start),
    })),
  };
}
