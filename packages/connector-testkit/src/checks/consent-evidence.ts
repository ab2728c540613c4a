import { recordKey, type CallConsent, type ConsentEvidencePage } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { describeChanges, takeSnapshot } from "../harness/oracle-snapshot";
import { identityKey, readWorld } from "../harness/world-view";
import { fail, Findings } from "./findings";

/*
 * Group 8: declared consent evidence reports every subject's calls with them among the
 * participants, facts inside the call, pages that resume from their cursor, and changes nothing.
 */

/** Every call the sandbox could hold: its world is generated inside these years. */
const everything = "1970-01-01T00:00:00Z/2100-01-01T00:00:00Z";

async function readEvidence(h: ConformanceHarness, cursor?: string | null): Promise<ConsentEvidencePage[]> {
  const read = h.connector.readConsentEvidence?.bind(h.connector);
  if (!read) fail(`${h.connector.id} implements no readConsentEvidence`);
  const pages: ConsentEvidencePage[] = [];
  for await (const page of read(h.context(), { interval: everything, ...(cursor ? { cursor } : {}) })) pages.push(page);
  return pages;
}

export async function consentEvidenceCoversEverySubjectCall(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const pages = await readEvidence(h);
  const calls = pages.flatMap((page) => page.calls);
  const findings = new Findings();
  findings.expect(pages.at(-1)?.nextCursor === null, () => "the last page of consent evidence names a next cursor");
  const byKey = new Map<string, CallConsent>();
  for (const call of calls) {
    const key = recordKey(call.ref);
    findings.expect(!byKey.has(key), () => `${key} is reported twice`);
    byKey.set(key, call);
    findings.expect(call.ref.type in h.connector.recordSchemas, () => `${key}: "${call.ref.type}" is not a declared record type`);
    for (const participant of call.participants) {
      const where = `${key} participant ${participant.participantId}`;
      findings.expect(participant.joinedAtMs >= 0 && participant.joinedAtMs <= call.durationMs, () => `${where} joined at ${participant.joinedAtMs} ms, outside the ${call.durationMs} ms call`);
      for (const fact of participant.facts) {
        findings.expect(fact.atMs >= 0 && fact.atMs <= call.durationMs, () => `${where}: ${fact.kind} at ${fact.atMs} ms is outside the call`);
      }
      findings.expect(
        participant.facts.every((fact, index, all) => index === 0 || (all[index - 1]?.atMs ?? 0) <= fact.atMs),
        () => `${where}: facts are not in time order`,
      );
      findings.expect(!participant.identifiers.some((identifier) => identifier.kind === "name"), () => `${where} is identified by a name, which tells nobody apart`);
    }
  }
  const callTypes = new Set(calls.map((call) => call.ref.type));
  let checked = 0;
  for (const subject of world.subjects) {
    const own = new Set(subject.identifiers.filter((identifier) => identifier.kind !== "name").map(identityKey));
    for (const record of await h.oracle.records(subject.id)) {
      if (!callTypes.has(record.ref.type) || record.store !== "active") continue;
      checked += 1;
      const call = byKey.get(recordKey(record.ref));
      if (!call) {
        findings.add(`${subject.id}'s call ${recordKey(record.ref)} is missing from the consent evidence`);
        continue;
      }
      findings.expect(
        call.participants.some((participant) => participant.identifiers.some((identifier) => own.has(identityKey(identifier)))),
        () => `${recordKey(record.ref)}: no participant carries any of ${subject.id}'s identifiers`,
      );
    }
  }
  findings.expect(checked > 0, () => "no subject's call could be looked for in the consent evidence");
  findings.throwIfAny("the consent evidence misses calls or misreports them");
}

export async function consentEvidenceResumesAndChangesNothing(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const before = await takeSnapshot(h, world.people.map((person) => person.id));
  const pages = await readEvidence(h);
  const findings = new Findings();
  const first = pages[0];
  if (first && first.nextCursor !== null) {
    const rest = (await readEvidence(h, first.nextCursor)).flatMap((page) => page.calls.map((call) => recordKey(call.ref)));
    const expected = pages.slice(1).flatMap((page) => page.calls.map((call) => recordKey(call.ref)));
    findings.expect(JSON.stringify(rest) === JSON.stringify(expected), () => `resuming from the first page's cursor gave ${rest.length} call(s), not the ${expected.length} that followed it`);
  }
  const after = await takeSnapshot(h, world.people.map((person) => person.id));
  for (const [id, records] of before) {
    for (const change of describeChanges(records, after.get(id) ?? [], new Set())) findings.add(`reading consent evidence changed ${id}'s data: ${change}`);
  }
  findings.throwIfAny("reading consent evidence is not a repeatable read");
}
