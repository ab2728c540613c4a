import { recordKey, type ExpiredRecord } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { describeChanges, takeSnapshot } from "../harness/oracle-snapshot";
import { readWorld } from "../harness/world-view";
import { fail, Findings } from "./findings";

/*
 * Group 8: declared retention finds exactly the records whose retention clock (per the sandbox's
 * oracle) is before the cut-off — none early, none missed, none twice — and changes nothing.
 */

async function findExpired(h: ConformanceHarness, recordType: string, before: string, keepTags: string[] = []): Promise<{ records: ExpiredRecord[]; lastCursor: string | null | undefined }> {
  const find = h.connector.findExpired?.bind(h.connector);
  if (!find) fail(`${h.connector.id} implements no findExpired`);
  const records: ExpiredRecord[] = [];
  let lastCursor: string | null | undefined;
  for await (const page of find(h.context(), { recordType, before, keepTags })) {
    records.push(...page.records);
    lastCursor = page.cursor;
  }
  return { records, lastCursor };
}

function recordTypesOf(h: ConformanceHarness): string[] {
  const retention = h.connector.capabilities.retention;
  if (!retention) fail(`${h.connector.id} declares no retention`);
  return retention.recordTypes;
}

export async function findsExactlyTheExpiredRecords(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const findings = new Findings();
  for (const recordType of recordTypesOf(h)) {
    const clocks = (await h.oracle.retentionClocks(recordType)).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (clocks.length < 2) fail(`the sandbox's oracle lists ${clocks.length} ${recordType} record(s) with a retention clock, too few to judge a cut-off`);
    // The middle record's instant: the older half is past its period, the rest (it included) is not.
    const before = clocks[Math.floor(clocks.length / 2)]?.at ?? fail("no middle record");
    const expected = new Map(clocks.filter((clock) => Date.parse(clock.at) < Date.parse(before)).map((clock) => [recordKey(clock.ref), clock]));
    const { records, lastCursor } = await findExpired(h, recordType, before);
    findings.expect(lastCursor === null, () => `${recordType}: the last page names a next cursor`);
    const seen = new Set<string>();
    for (const record of records) {
      const key = recordKey(record.ref);
      findings.expect(!seen.has(key), () => `${key} is reported twice`);
      seen.add(key);
      findings.expect(record.ref.type === recordType, () => `${key} was asked for as ${recordType}`);
      const truth = expected.get(key);
      if (!truth) {
        findings.add(`${key} is reported expired before ${before} but the oracle's retention clock says it is not`);
        continue;
      }
      findings.expect(
        record.facts.occurredAt !== undefined && Date.parse(record.facts.occurredAt) === Date.parse(truth.at),
        () => `${key}: occurredAt ${record.facts.occurredAt ?? "(none)"} is not the oracle's ${truth.at}`,
      );
    }
    for (const key of expected.keys()) findings.expect(seen.has(key), () => `${key} is past ${before} per the oracle but was not found`);
  }
  findings.throwIfAny("findExpired does not find exactly the records past the cut-off");
}

export async function findExpiredChangesNothing(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const ids = world.people.map((person) => person.id);
  const before = await takeSnapshot(h, ids);
  // Keep-tags may make a connector read more (the recorder's consent events): still only reads.
  for (const recordType of recordTypesOf(h)) await findExpired(h, recordType, "2100-01-01T00:00:00Z", ["consent:quality-training"]);
  const after = await takeSnapshot(h, ids);
  const findings = new Findings();
  for (const [id, records] of before) {
    for (const change of describeChanges(records, after.get(id) ?? [], new Set())) findings.add(`finding expired records changed ${id}'s data: ${change}`);
  }
  findings.throwIfAny("findExpired is not a read");
}
