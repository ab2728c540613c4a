import { recordKey, type OracleRecord } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "./conformance-harness";

/** What the oracle holds for each person at one moment, to compare before and after an operation. */
export type OracleSnapshot = Map<string, OracleRecord[]>;

export async function takeSnapshot(h: ConformanceHarness, personIds: readonly string[]): Promise<OracleSnapshot> {
  const snapshot: OracleSnapshot = new Map();
  for (const id of personIds) snapshot.set(id, await h.oracle.records(id));
  return snapshot;
}

/**
 * The differences of one person's records between two snapshots, as sentences, ignoring the
 * records whose keys are listed (those the check expects to change).
 */
export function describeChanges(before: readonly OracleRecord[], after: readonly OracleRecord[], ignored: ReadonlySet<string>): string[] {
  const byKey = (records: readonly OracleRecord[]) => {
    const map = new Map<string, string>();
    for (const record of records) {
      const key = recordKey(record.ref);
      if (ignored.has(key)) continue;
      map.set(`${key} (${record.store})`, canonicalJson(record));
    }
    return map;
  };
  const was = byKey(before);
  const is = byKey(after);
  const changes: string[] = [];
  for (const [key, value] of was) {
    const now = is.get(key);
    if (now === undefined) changes.push(`${key} disappeared`);
    else if (now !== value) changes.push(`${key} changed`);
  }
  for (const key of is.keys()) if (!was.has(key)) changes.push(`${key} appeared`);
  return changes;
}

/** JSON with object keys sorted, so equal values compare equal as text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === "object" && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
