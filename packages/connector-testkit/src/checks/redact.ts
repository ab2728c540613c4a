import { recordKey, type ErasureReceipt, type Identifier, type OracleRecord } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { eraseRefs } from "../harness/operations";
import { describeChanges, takeSnapshot, type OracleSnapshot } from "../harness/oracle-snapshot";
import { isMention, isStrong } from "../harness/record-keys";
import { fail, Findings } from "./findings";
import { locateEverySubject, personalDataText } from "./subject-records";

/*
 * Group 13: redaction of records a legal hold keeps (`capabilities.redact`). The engine erases a
 * held record with a redact plan (scope `personal-data`, the subject's identifiers) instead of
 * deleting it; here every subject's own strongly located records are redacted that way, and the
 * oracle says whether each was kept (never deleted, never moved to a trash) with none of the
 * subject's e-mail addresses or phone numbers left.
 *
 * A record that is nothing but the subject's data (a contact point, a user identity) has nothing
 * a hold could keep once redacted, and connectors remove it under a redact plan as erasure would:
 * that is accepted when it is receipted `erased` and the oracle agrees it is gone. A connector
 * must still keep and redact some record, or it does not redact at all.
 */

interface Redacted {
  everyone: string[];
  redacted: Map<string, { subjectId: string; values: string[]; receipt: ErasureReceipt | undefined }>;
  before: OracleSnapshot;
  after: OracleSnapshot;
  deletions: Record<string, number>;
}

/** Identifier values redacted by their exact occurrences (names are not found that way). */
function redactable(identifiers: readonly Identifier[]): string[] {
  return identifiers.filter((identifier) => identifier.kind === "email" || identifier.kind === "phone").map((identifier) => identifier.value.toLowerCase());
}

async function redactEverySubject(h: ConformanceHarness): Promise<Redacted> {
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const before = await takeSnapshot(h, everyone);
  const redacted: Redacted["redacted"] = new Map();
  for (const { subject, located } of locations) {
    const refs = located.filter((record) => isStrong(record) && !isMention(record)).map((record) => record.ref);
    if (refs.length === 0) continue;
    const { identifiers } = world.query(subject);
    const receipts = await eraseRefs(h, refs, h.context(), { action: "redact", scope: "personal-data", identifiers });
    const byKey = new Map(receipts.map((receipt) => [recordKey(receipt.ref), receipt]));
    for (const ref of refs) redacted.set(recordKey(ref), { subjectId: subject.id, values: redactable(identifiers), receipt: byKey.get(recordKey(ref)) });
  }
  if (redacted.size === 0) fail(`${h.connector.id} declares redact, yet locate found no subject's own record to redact`);
  return { everyone, redacted, before, after: await takeSnapshot(h, everyone), deletions: (await h.oracle.stats()).deletions };
}

function storesOf(records: readonly OracleRecord[]): Set<string> {
  return new Set(records.map((record) => record.store));
}

function listings(snapshot: OracleSnapshot, key: string): OracleRecord[] {
  return [...snapshot.values()].flatMap((records) => records.filter((record) => recordKey(record.ref) === key));
}

export async function redactedRecordsAreKeptWithoutTheSubject(h: ConformanceHarness): Promise<void> {
  const { redacted, before, after, deletions } = await redactEverySubject(h);
  const findings = new Findings();
  let kept = 0;
  for (const [key, { subjectId, values, receipt }] of redacted) {
    const where = `subject ${subjectId}: ${key}`;
    if (!receipt) {
      findings.add(`${where} got no receipt for its redaction`);
      continue;
    }
    const was = listings(before, key);
    const is = listings(after, key);
    if (receipt.outcome === "retained") {
      // The vendor would not change it (a file the API cannot edit, a call it cannot tell the subject on).
      // Other records of the same batch may change what it shows of the subject (a deleted user's link
      // anonymised, so the oracle no longer lists it as theirs), so only its being kept in place is judged.
      findings.expect(Boolean(receipt.hold?.basis ?? receipt.detail), () => `${where} was retained without a reason`);
      findings.expect((deletions[key] ?? 0) === 0, () => `${where} was receipted "retained" yet deleted`);
      findings.expect(is.every((record) => storesOf(was).has(record.store)), () => `${where} was receipted "retained" yet moved to another store`);
      continue;
    }
    if (receipt.outcome === "erased") {
      findings.expect(is.length === 0, () => `${where} was receipted "erased" under a redact plan, yet the oracle still lists it`);
      continue;
    }
    findings.expect(receipt.outcome === "redacted" || receipt.outcome === "anonymised", () => `${where} got a "${receipt.outcome}" receipt for a redaction`);
    kept++;
    findings.expect((deletions[key] ?? 0) === 0, () => `${where} was deleted instead of redacted: a legal hold keeps it`);
    for (const record of is) {
      findings.expect(storesOf(was).has(record.store), () => `${where} moved to the ${record.store} store instead of being redacted in place`);
      const fields = Object.entries(record.personalData)
        .filter(([, value]) => values.some((identifier) => personalDataText({ ...record, personalData: { value } }).some((text) => text.includes(identifier))))
        .map(([field]) => field);
      findings.expect(fields.length === 0, () => `${where} still holds the subject's identifiers in ${fields.join(", ")}`);
    }
  }
  findings.expect(kept > 0, () => `no record was kept and redacted: every one was erased or retained, so nothing shows the connector redacts`);
  findings.throwIfAny(`${h.connector.id}'s redactions did not keep the records without the subject's identifiers`);
}

export async function redactLeavesBystandersUntouched(h: ConformanceHarness): Promise<void> {
  const { everyone, redacted, before, after } = await redactEverySubject(h);
  const keys = new Set(redacted.keys());
  const subjects = new Set([...redacted.values()].map(({ subjectId }) => subjectId));
  const findings = new Findings();
  for (const id of everyone) {
    if (subjects.has(id)) continue;
    for (const change of describeChanges(before.get(id) ?? [], after.get(id) ?? [], keys)) findings.add(`bystander ${id}: ${change}`);
  }
  findings.throwIfAny(`${h.connector.id}'s redaction changed other people's records`);
}
