import { recordKey, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { restrictRefs } from "../harness/operations";
import { describeChanges, takeSnapshot, type OracleSnapshot } from "../harness/oracle-snapshot";
import { isMention, isStrong } from "../harness/record-keys";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/*
 * Group 12: restriction of processing (GDPR Art. 18). Each subject's own located records are
 * restricted, then the restriction lifted, through `restrict`; the oracle's `restricted` flag on
 * each record, not the receipts, says whether the vendor marked them.
 */

interface Restricted {
  everyone: string[];
  subjectIds: Set<string>;
  refs: Map<string, RecordRef[]>;
  receipts: ErasureReceipt[];
  before: OracleSnapshot;
  after: OracleSnapshot;
}

/** Resets the world and restricts (`lift` false) every subject's strongly located own records. */
async function restrictEverySubject(h: ConformanceHarness): Promise<Restricted> {
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const refs = new Map(locations.map(({ subject, located }) => [subject.id, located.filter((record) => isStrong(record) && !isMention(record)).map((record) => record.ref)]));
  if ([...refs.values()].every((list) => list.length === 0)) fail(`${h.connector.id} declares restrict, yet locate found no subject's own record to restrict`);
  const before = await takeSnapshot(h, everyone);
  const receipts: ErasureReceipt[] = [];
  for (const list of refs.values()) if (list.length > 0) receipts.push(...(await restrictRefs(h, list, false)));
  return { everyone, subjectIds: new Set(refs.keys()), refs, receipts, before, after: await takeSnapshot(h, everyone) };
}

/** What is wrong with the receipts and the oracle's flags of one restriction or lifting. */
function restrictionFaults(refs: Map<string, RecordRef[]>, receipts: readonly ErasureReceipt[], snapshot: OracleSnapshot, lift: boolean): string[] {
  const expected = lift ? "unrestricted" : "restricted";
  const faults: string[] = [];
  const byKey = new Map(receipts.map((receipt) => [recordKey(receipt.ref), receipt]));
  for (const [subjectId, list] of refs) {
    const held = new Map((snapshot.get(subjectId) ?? []).map((record) => [recordKey(record.ref), record]));
    for (const ref of list) {
      const key = recordKey(ref);
      const receipt = byKey.get(key);
      if (!receipt) faults.push(`${key} got no receipt when ${lift ? "its restriction was lifted" : "restricted"}`);
      else if (receipt.outcome !== expected) faults.push(`${key} got a "${receipt.outcome}" receipt, not "${expected}"`);
      const record = held.get(key);
      if (!record) faults.push(`${key} is no longer listed by the oracle for ${subjectId}`);
      else if (record.restricted === undefined) faults.push(`the oracle does not report whether ${key} is restricted (OracleRecord.restricted), which a sandbox whose connector declares restrict must`);
      else if (record.restricted === lift) faults.push(`the oracle reports ${key} ${record.restricted ? "still restricted" : "not restricted"}`);
    }
  }
  return faults;
}

export async function restrictMarksAndLiftClears(h: ConformanceHarness): Promise<void> {
  const { refs, receipts, after } = await restrictEverySubject(h);
  const findings = new Findings();
  for (const fault of restrictionFaults(refs, receipts, after, false)) findings.add(fault);
  const lifted: ErasureReceipt[] = [];
  for (const list of refs.values()) if (list.length > 0) lifted.push(...(await restrictRefs(h, list, true)));
  const cleared = await takeSnapshot(h, [...refs.keys()]);
  for (const fault of restrictionFaults(refs, lifted, cleared, true)) findings.add(fault);
  findings.throwIfAny(`${h.connector.id}'s restriction is not what the vendor holds`);
}

export async function restrictLeavesBystandersUntouched(h: ConformanceHarness): Promise<void> {
  const { everyone, subjectIds, refs, before, after } = await restrictEverySubject(h);
  const restricted = new Set([...refs.values()].flat().map(recordKey));
  const findings = new Findings();
  for (const id of everyone) {
    // Only the records asked for may change, under whoever the oracle lists them for.
    for (const change of describeChanges(before.get(id) ?? [], after.get(id) ?? [], restricted)) findings.add(`${subjectIds.has(id) ? "subject" : "bystander"} ${id}: ${change}`);
  }
  findings.throwIfAny(`${h.connector.id}'s restriction changed records it was not asked to`);
}
