import { recordKey, type ErasureOutcome, type ErasureReceipt, type OraclePerson, type RecordRef } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { eraseRefs, locateRecords } from "../harness/operations";
import { describeChanges, takeSnapshot, type OracleSnapshot } from "../harness/oracle-snapshot";
import { isMention, isStrong, keysOf } from "../harness/record-keys";
import type { WorldView } from "../harness/world-view";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/* Group 5: erasure, judged by the oracle reading the store afterwards, never by the receipts. */

export interface SubjectErasure {
  subject: OraclePerson;
  /** The strong matches, which alone may be erased without review. */
  refs: RecordRef[];
  /** Records located only weakly: left for a reviewer, so they may remain. */
  weakKeys: Set<string>;
  receipts: ErasureReceipt[];
}

export interface ErasureRun {
  world: WorldView;
  before: OracleSnapshot;
  after: OracleSnapshot;
  erasures: SubjectErasure[];
}

function declaredMode(h: ConformanceHarness) {
  const { erase } = h.connector.capabilities;
  if (!erase) fail(`${h.connector.id} declares no erase capability`);
  return erase.mode;
}

/** Resets the world, locates every subject, then erases each one's strong matches. */
export async function eraseEverySubject(h: ConformanceHarness): Promise<ErasureRun> {
  declaredMode(h);
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const before = await takeSnapshot(h, everyone);
  const erasures: SubjectErasure[] = [];
  for (const { subject, located } of locations) {
    // Other people's records that mention the subject are redacted, never erased: group 9.
    const refs = located.filter((record) => isStrong(record) && !isMention(record)).map((record) => record.ref);
    const weakKeys = keysOf(located.filter((record) => !isStrong(record) || isMention(record)));
    erasures.push({ subject, refs, weakKeys, receipts: refs.length > 0 ? await eraseRefs(h, refs) : [] });
  }
  return { world, before, after: await takeSnapshot(h, everyone), erasures };
}

function retainedKeys(receipts: readonly ErasureReceipt[]): Set<string> {
  return new Set(receipts.filter((receipt) => receipt.outcome === "retained").map((receipt) => recordKey(receipt.ref)));
}

export async function erasedRecordsAreGoneFromTheOracle(h: ConformanceHarness): Promise<void> {
  const mode = declaredMode(h);
  const { after, erasures } = await eraseEverySubject(h);
  const expectedOutcome: ErasureOutcome = mode === "anonymise" ? "anonymised" : "erased";
  const findings = new Findings();
  for (const { subject, refs, weakKeys, receipts } of erasures) {
    const receiptsByKey = new Map(receipts.map((receipt) => [recordKey(receipt.ref), receipt]));
    for (const ref of refs) {
      const receipt = receiptsByKey.get(recordKey(ref));
      if (!receipt) {
        findings.add(`subject ${subject.id}: ${recordKey(ref)} got no receipt`);
        continue;
      }
      findings.expect([expectedOutcome, "retained", "already-absent"].includes(receipt.outcome), () =>
        `subject ${subject.id}: ${recordKey(ref)} got a "${receipt.outcome}" receipt from a connector that declares ${mode} erasure`,
      );
    }
    const erased = keysOf(refs.map((ref) => ({ ref })));
    const retained = retainedKeys(receipts);
    for (const record of after.get(subject.id) ?? []) {
      const key = recordKey(record.ref);
      if (retained.has(key) || weakKeys.has(key)) continue;
      if (!erased.has(key)) {
        findings.add(`subject ${subject.id}: ${key} (${record.store} store) still holds their data and was never erased`);
      } else if (mode === "hard") {
        findings.add(`subject ${subject.id}: ${key} is still in the ${record.store} store after a hard erase receipted "${receiptsByKey.get(key)?.outcome}"`);
      } else if (mode === "soft") {
        findings.expect(record.store === "soft-deleted" || record.store === "recycle-bin", () =>
          `subject ${subject.id}: ${key} is still in the ${record.store} store after a soft erase`,
        );
      } else {
        findings.expect(record.anonymised, () => `subject ${subject.id}: ${key} still holds their data, not anonymised, after an anonymising erase`);
      }
    }
  }
  findings.throwIfAny("after erasure the oracle still finds the subjects' data");
}

export async function locateFindsNothingAfterErase(h: ConformanceHarness): Promise<void> {
  const mode = declaredMode(h);
  const { world, erasures } = await eraseEverySubject(h);
  const findings = new Findings();
  for (const { subject, refs, receipts } of erasures) {
    const erased = keysOf(refs.map((ref) => ({ ref })));
    const retained = retainedKeys(receipts);
    for (const record of await locateRecords(h, world.query(subject))) {
      const key = recordKey(record.ref);
      if (retained.has(key) || isMention(record)) continue;
      // A soft-deleting vendor still serves the erased record from its bin until it purges it.
      if (mode === "soft" && erased.has(key)) continue;
      findings.expect(!erased.has(key), () => `subject ${subject.id}: ${key} was erased yet is located again`);
      findings.expect(!isStrong(record), () => `subject ${subject.id}: ${key} is still a strong match after erasure`);
    }
  }
  findings.throwIfAny("locate still finds the subjects after erasure");
}

export async function bystandersUntouchedByErase(h: ConformanceHarness): Promise<void> {
  const { world, before, after } = await eraseEverySubject(h);
  const subjectsRecords = new Set<string>();
  for (const subject of world.subjects) for (const key of keysOf(before.get(subject.id) ?? [])) subjectsRecords.add(key);
  const findings = new Findings();
  for (const person of world.people) {
    if (person.role === "subject") continue;
    for (const change of describeChanges(before.get(person.id) ?? [], after.get(person.id) ?? [], subjectsRecords)) {
      findings.add(`bystander ${person.id}${person.bystanderOf ? ` (of ${person.bystanderOf})` : ""}: ${change}`);
    }
  }
  findings.throwIfAny("erasing the subjects changed other people's records");
}

export async function secondEraseIsAlreadyAbsent(h: ConformanceHarness): Promise<void> {
  const { world, after, erasures } = await eraseEverySubject(h);
  const deletionsBefore = (await h.oracle.stats()).deletions;
  const findings = new Findings();
  for (const { subject, refs, receipts } of erasures) {
    if (refs.length === 0) continue;
    const retained = retainedKeys(receipts);
    for (const receipt of await eraseRefs(h, refs)) {
      const key = recordKey(receipt.ref);
      const expected = retained.has(key) ? "retained" : "already-absent";
      findings.expect(receipt.outcome === expected, () => `subject ${subject.id}: erasing ${key} again gave "${receipt.outcome}", not "${expected}"`);
    }
  }
  const deletionsAfter = (await h.oracle.stats()).deletions;
  for (const [key, count] of Object.entries(deletionsAfter)) {
    findings.expect(count === (deletionsBefore[key] ?? 0), () => `${key} was deleted again by the second erase (${deletionsBefore[key] ?? 0} → ${count})`);
  }
  const again = await takeSnapshot(h, world.people.map((person) => person.id));
  for (const person of world.people) {
    for (const change of describeChanges(after.get(person.id) ?? [], again.get(person.id) ?? [], new Set())) {
      findings.add(`${person.role} ${person.id}: the second erase changed the store: ${change}`);
    }
  }
  findings.throwIfAny("erasing twice is not safe");
}
