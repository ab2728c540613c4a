import type { LocatedRecord, OraclePerson, OracleRecord } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { locateRecords } from "../harness/operations";
import { readWorld, type WorldView } from "../harness/world-view";
import { fail } from "./findings";

export interface SubjectLocation {
  subject: OraclePerson;
  located: LocatedRecord[];
  /** What the oracle says holds the subject's data. */
  held: OracleRecord[];
}

/** Resets the world and locates every subject, beside what the oracle says each one has. */
export async function locateEverySubject(h: ConformanceHarness): Promise<{ world: WorldView; locations: SubjectLocation[] }> {
  await h.reset();
  const world = await readWorld(h);
  if (world.subjects.length === 0) fail("the sandbox's oracle lists no subjects; a seeded world must have some");
  const locations: SubjectLocation[] = [];
  for (const subject of world.subjects) {
    const located = await locateRecords(h, world.query(subject));
    locations.push({ subject, located, held: await h.oracle.records(subject.id) });
  }
  return { world, locations };
}

/** The subject holding the most records: the one most likely to span several pages. */
export async function busiestSubject(h: ConformanceHarness, world: WorldView): Promise<{ subject: OraclePerson; held: OracleRecord[] }> {
  let best: { subject: OraclePerson; held: OracleRecord[] } | undefined;
  for (const subject of world.subjects) {
    const held = await h.oracle.records(subject.id);
    if (!best || held.length > best.held.length) best = { subject, held };
  }
  if (!best) fail("the sandbox's oracle lists no subjects; a seeded world must have some");
  return best;
}

/** Every string inside a record's personal data, lower-cased, to look identifier values up in. */
export function personalDataText(record: OracleRecord): string[] {
  const strings: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === "string") strings.push(value.toLowerCase());
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(visit);
  };
  visit(record.personalData);
  return strings;
}
