import { recordKey, type ErasureReceipt, type ReadBackQuery, type RecordPresence, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { eraseRefs, readBackRefs } from "../harness/operations";
import { takeSnapshot } from "../harness/oracle-snapshot";
import { isMention, keysOf } from "../harness/record-keys";
import { eraseEverySubject } from "./erase";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/*
 * Group 10: reading records back by id (`readBack`), which verification trusts over any receipt —
 * a request is `completed` only on these answers (docs/rights-engine.md, "Outcome of a request").
 * Each answer is judged against what was done and what the oracle holds: a record erased reads
 * back absent, one not erased present, another person's record that was only redacted present and
 * no longer mentioning the subject (and mentioning them before, so the answer can tell). Whether
 * the redacted record is otherwise intact is group 9's to judge, for connectors declaring mentions. `readBack` answers each ref it is asked about exactly once.
 */

/** Erase outcomes that claim the record is gone, the ones verification reads back. */
const claimedGone = new Set(["erased", "already-absent"]);

/** One readBack call, with its answers by key; a missing, repeated or unasked answer is a finding. */
async function readBackOnce(h: ConformanceHarness, refs: RecordRef[], findings: Findings, what: string, query?: ReadBackQuery): Promise<Map<string, RecordPresence>> {
  const unique = [...new Map(refs.map((ref) => [recordKey(ref), ref])).values()];
  const asked = keysOf(unique.map((ref) => ({ ref })));
  const answers = new Map<string, RecordPresence>();
  for (const presence of await readBackRefs(h, unique, query)) {
    const key = recordKey(presence.ref);
    if (!asked.has(key)) findings.add(`${what}: readBack answered for ${key}, which it was not asked about`);
    else if (answers.has(key)) findings.add(`${what}: readBack answered twice for ${key}`);
    answers.set(key, presence);
  }
  for (const key of asked) findings.expect(answers.has(key), () => `${what}: readBack gave no answer for ${key}`);
  return answers;
}

export async function locatedRecordsReadBackPresent(h: ConformanceHarness): Promise<void> {
  const { locations } = await locateEverySubject(h);
  if (locations.every(({ located }) => located.length === 0)) fail("locate found no record of any subject to read back");
  const findings = new Findings();
  for (const { subject, located } of locations) {
    if (located.length === 0) continue;
    const what = `subject ${subject.id}`;
    const answers = await readBackOnce(h, located.map((record) => record.ref), findings, what);
    for (const [key, presence] of answers) findings.expect(presence.present, () => `${what}: ${key} was just located, yet reads back absent`);
  }
  findings.throwIfAny("records that were not erased do not read back present");
}

export async function erasedRecordsReadBackAbsent(h: ConformanceHarness): Promise<void> {
  const { world, after, erasures } = await eraseEverySubject(h);
  // What the oracle says the vendor still holds, in any store: the truth each answer is held to.
  const held = new Map<string, RecordRef>();
  for (const person of world.people) for (const record of after.get(person.id) ?? []) held.set(recordKey(record.ref), record.ref);
  const findings = new Findings();
  let readErased = 0;
  for (const { subject, receipts } of erasures) {
    const gone = receipts.filter((receipt) => claimedGone.has(receipt.outcome)).map((receipt) => receipt.ref);
    if (gone.length === 0) continue;
    readErased += gone.length;
    const what = `subject ${subject.id} after erasure`;
    for (const [key, presence] of await readBackOnce(h, gone, findings, what)) {
      if (held.has(key)) {
        findings.expect(presence.present, () => `${what}: ${key} reads back absent, yet the vendor still holds it (the oracle lists it)`);
      } else {
        findings.expect(!presence.present, () => `${what}: ${key} was erased, yet reads back present${presence.detail ? ` (${presence.detail})` : ""}`);
      }
    }
  }
  if (readErased === 0) fail("no record was receipted erased, so nothing could be read back");

  // Records nobody erased that the oracle still holds (weak matches, mentions, bystanders' records) read back present.
  const erased = new Set(erasures.flatMap(({ refs }) => refs.map((ref) => recordKey(ref))));
  const kept = [...held].filter(([key]) => !erased.has(key)).map(([, ref]) => ref);
  if (kept.length > 0) {
    const what = "records not erased";
    for (const [key, presence] of await readBackOnce(h, kept, findings, what)) {
      findings.expect(presence.present, () => `${what}: ${key} is still held by the vendor (the oracle lists it), yet reads back absent`);
    }
  }
  findings.throwIfAny("reading back after erasure does not tell erased records from kept ones");
}

export async function redactedMentionsReadBackKept(h: ConformanceHarness): Promise<void> {
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const findings = new Findings();
  let redacted = 0;
  for (const { subject, located } of locations) {
    const mentions = located.filter(isMention).map((record) => record.ref);
    if (mentions.length === 0) continue;
    const { identifiers } = world.query(subject);
    const what = `subject ${subject.id}`;
    // Before: the answer must be able to say "still mentions them", or "false" afterwards proves nothing.
    for (const [key, presence] of await readBackOnce(h, mentions, findings, `${what} before redaction`, { identifiers })) {
      findings.expect(presence.present && presence.mentionsSubject === true, () => `${what}: ${key} mentions the subject, yet reads back ${presence.present ? `mentionsSubject ${String(presence.mentionsSubject)}` : "absent"} before redaction`);
    }
    const receipts: ErasureReceipt[] = await eraseRefs(h, mentions, h.context(), { action: "redact", scope: "personal-data", identifiers });
    const kept = receipts.filter((receipt) => receipt.outcome === "redacted").map((receipt) => receipt.ref);
    redacted += kept.length;
    if (kept.length === 0) continue;
    for (const [key, presence] of await readBackOnce(h, kept, findings, `${what} after redaction`, { identifiers })) {
      findings.expect(presence.present, () => `${what}: ${key} was redacted and must be kept, yet reads back absent`);
      findings.expect(presence.mentionsSubject === false, () => `${what}: ${key} was redacted, yet reads back mentionsSubject ${String(presence.mentionsSubject)}`);
    }
  }
  if (redacted === 0) {
    // Declaring mentions promises some in the sandbox's world; a connector that only redacts may have none to show.
    if (h.connector.capabilities.mentions) fail(`${h.connector.id} declares mentions and readBack, yet no mention of any subject was redacted to read back`);
    return;
  }
  // The oracle agrees the subject's data left every redacted record: "mentionsSubject false" was not made up.
  const after = await takeSnapshot(h, everyone);
  for (const { subject, located } of locations) {
    const held = keysOf(after.get(subject.id) ?? []);
    for (const record of located.filter(isMention)) {
      findings.expect(!held.has(recordKey(record.ref)), () => `subject ${subject.id}: ${recordKey(record.ref)} was redacted, yet the oracle still lists it among the records holding their data`);
    }
  }
  findings.throwIfAny("another person's record that was redacted does not read back kept and free of the subject");
}
