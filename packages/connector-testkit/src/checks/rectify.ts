import { recordKey, type ErasureReceipt, type FieldUpdate, type OracleRecord, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { rectifyRef } from "../harness/operations";
import { describeChanges, takeSnapshot, type OracleSnapshot } from "../harness/oracle-snapshot";
import { isMention } from "../harness/record-keys";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/*
 * Group 11: rectification (GDPR Art. 16). For each subject's located record of a type in
 * `capabilities.rectify`, every declared field is given a fresh value through `rectify`; the
 * oracle, not the receipt, says whether the record now holds the new values and not the old.
 */

interface Rectification {
  subjectId: string;
  ref: RecordRef;
  updates: FieldUpdate[];
  receipt: ErasureReceipt;
}

interface RectifiedWorld {
  everyone: string[];
  before: OracleSnapshot;
  after: OracleSnapshot;
  rectifications: Rectification[];
}

/**
 * A value no one in a seeded world holds, shaped for the field as its name says (an address, a
 * phone number in E.164 from the UK's range reserved for drama, or plain text), so that a vendor
 * validating the field accepts it.
 */
export function freshValue(field: string, n: number): string {
  const suffix = String(n).padStart(3, "0");
  if (/mail/i.test(field)) return `rectified.${suffix}@example.net`;
  if (/phone|mobile|number/i.test(field)) return `+447700900${suffix}`;
  return `Rectified ${field} ${suffix}`;
}

/** Resets the world and rectifies every declared field of each subject's rectifiable records once. */
export async function rectifyEverySubject(h: ConformanceHarness): Promise<RectifiedWorld> {
  const fields = h.connector.capabilities.rectify;
  if (!fields) fail(`${h.connector.id} declares no rectify capability`);
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const targets = locations.flatMap(({ subject, located }) =>
    located.filter((record) => !isMention(record) && (fields[record.ref.type]?.length ?? 0) > 0).map((record) => ({ subjectId: subject.id, ref: record.ref })),
  );
  if (targets.length === 0) {
    fail(`${h.connector.id} declares rectify for ${Object.keys(fields).join(", ")}, yet locate found no subject's record of those types`);
  }
  const before = await takeSnapshot(h, everyone);
  let n = 0;
  const rectifications: Rectification[] = [];
  for (const target of targets) {
    const updates = (fields[target.ref.type] ?? []).map((field) => ({ field, value: freshValue(field, ++n) }));
    rectifications.push({ ...target, updates, receipt: await rectifyRef(h, target.ref, updates) });
  }
  return { everyone, before, after: await takeSnapshot(h, everyone), rectifications };
}

function recordIn(snapshot: OracleSnapshot, key: string): OracleRecord | undefined {
  for (const records of snapshot.values()) {
    const found = records.find((record) => recordKey(record.ref) === key);
    if (found) return found;
  }
  return undefined;
}

const lower = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : JSON.stringify(value ?? null).toLowerCase());

export async function rectifiedFieldsHoldTheNewValues(h: ConformanceHarness): Promise<void> {
  const { before, after, rectifications } = await rectifyEverySubject(h);
  const findings = new Findings();
  for (const { ref, updates, receipt } of rectifications) {
    const key = recordKey(ref);
    findings.expect(receipt.outcome === "rectified", () => `${key} got a "${receipt.outcome}" receipt for a rectification`);
    const was = recordIn(before, key);
    const is = recordIn(after, key);
    if (!is) {
      findings.add(`${key} is no longer listed by the oracle after its rectification`);
      continue;
    }
    const held = Object.values(is.personalData).map(lower);
    for (const { field, value } of updates) {
      if (field in is.personalData) {
        findings.expect(lower(is.personalData[field]) === value.toLowerCase(), () => `${key}: ${field} does not hold its new value`);
      } else {
        findings.expect(held.some((text) => text.includes(value.toLowerCase())), () => `${key}: the new value of ${field} is nowhere in the record`);
      }
      const old = was?.personalData[field];
      if (typeof old === "string" && old !== "" && old.toLowerCase() !== value.toLowerCase()) {
        findings.expect(lower(is.personalData[field]) !== old.toLowerCase(), () => `${key}: ${field} still holds its old value`);
      }
    }
  }
  findings.throwIfAny(`${h.connector.id}'s rectifications did not reach the vendor`);
}

export async function rectifyLeavesOtherRecordsUntouched(h: ConformanceHarness): Promise<void> {
  const { everyone, before, after, rectifications } = await rectifyEverySubject(h);
  const rectified = new Set(rectifications.map(({ ref }) => recordKey(ref)));
  const findings = new Findings();
  for (const id of everyone) {
    for (const change of describeChanges(before.get(id) ?? [], after.get(id) ?? [], rectified)) findings.add(`${id}: ${change}`);
  }
  findings.throwIfAny(`${h.connector.id}'s rectification changed records it was not asked to`);
}

export async function secondRectifyIsHarmless(h: ConformanceHarness): Promise<void> {
  const { everyone, after, rectifications } = await rectifyEverySubject(h);
  const findings = new Findings();
  for (const { ref, updates } of rectifications) {
    const receipt = await rectifyRef(h, ref, updates);
    findings.expect(receipt.outcome === "rectified", () => `${recordKey(ref)} got a "${receipt.outcome}" receipt when rectified again with the same values`);
  }
  const again = await takeSnapshot(h, everyone);
  for (const id of everyone) {
    for (const change of describeChanges(after.get(id) ?? [], again.get(id) ?? [], new Set())) findings.add(`${id}: ${change} on the second rectification`);
  }
  findings.throwIfAny(`${h.connector.id}'s repeated rectification was not harmless`);
}
