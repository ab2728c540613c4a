import { recordKey, type Identifier, type IdentifierKind } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { locateRecords } from "../harness/operations";
import { duplicateKeys, isMention, isStrong, keysOf } from "../harness/record-keys";
import { identityKey, readWorld } from "../harness/world-view";
import { fail, Findings } from "./findings";
import { locateEverySubject, personalDataText } from "./subject-records";

/* Group 3, what locate finds: all of the subject, nothing strong of anyone else. */

export async function findsEverySubjectRecord(h: ConformanceHarness): Promise<void> {
  const { world, locations } = await locateEverySubject(h);
  const findings = new Findings();
  for (const { subject, located, held } of locations) {
    const locatedKeys = keysOf(located);
    const asked = new Set(world.query(subject).identifiers.map(identityKey));
    for (const record of held) {
      findings.expect(locatedKeys.has(recordKey(record.ref)), () =>
        `subject ${subject.id}: ${recordKey(record.ref)} (${record.store} store) holds their data but was not located`,
      );
    }
    for (const record of located) {
      findings.expect(record.matchedBy.length > 0, () => `subject ${subject.id}: ${recordKey(record.ref)} says no identifier matched`);
      for (const match of record.matchedBy) {
        findings.expect(asked.has(identityKey(match.identifier)), () =>
          `subject ${subject.id}: ${recordKey(record.ref)} claims a match on a ${match.identifier.kind} the query did not hold`,
        );
      }
    }
  }
  findings.throwIfAny("locate misses records of the subject");
}

export async function strengthFollowsIdentifierUniqueness(h: ConformanceHarness): Promise<void> {
  const { world, locations } = await locateEverySubject(h);
  const findings = new Findings();
  for (const { subject, located, held } of locations) {
    const heldKeys = keysOf(held);
    const unique = world
      .query(subject)
      .identifiers.filter((identifier) => identifier.kind !== "name" && !world.isShared(identifier))
      .map((identifier) => identifier.value.toLowerCase());
    const locatedByKey = new Map(located.map((record) => [recordKey(record.ref), record]));
    for (const record of located) {
      const key = recordKey(record.ref);
      for (const match of record.matchedBy.filter((m) => m.strength === "strong")) {
        findings.expect(!world.isShared(match.identifier), () =>
          `subject ${subject.id}: ${key} is a strong match through a ${match.identifier.kind} other people of the world also hold; it must be weak`,
        );
        findings.expect(match.identifier.kind !== "name", () => `subject ${subject.id}: ${key} is a strong match on a name alone`);
      }
      // Another person's record mentioning the subject is judged by group 9 against its owner's data.
      findings.expect(!isStrong(record) || heldKeys.has(key) || isMention(record), () =>
        `subject ${subject.id}: ${key} is a strong match, but the oracle says it holds none of their data`,
      );
    }
    for (const record of held) {
      const text = personalDataText(record);
      const holdsUnique = unique.some((value) => text.some((field) => field.includes(value)));
      const found = locatedByKey.get(recordKey(record.ref));
      findings.expect(!holdsUnique || !found || isStrong(found), () =>
        `subject ${subject.id}: ${recordKey(record.ref)} holds an identifier only they have, yet came back weak`,
      );
    }
  }
  findings.throwIfAny("locate gets match strength wrong");
}

export async function bystandersNeverStrong(h: ConformanceHarness): Promise<void> {
  const { world, locations } = await locateEverySubject(h);
  if (world.bystanders.length === 0) {
    fail("the sandbox's oracle lists no bystanders; docs/connectors.md requires near-identical ones for every kind of near miss");
  }
  const othersRecords = new Map<string, string[]>();
  for (const person of world.people) {
    for (const record of await h.oracle.records(person.id)) {
      const key = recordKey(record.ref);
      othersRecords.set(key, [...(othersRecords.get(key) ?? []), person.id]);
    }
  }
  const findings = new Findings();
  for (const { subject, located, held } of locations) {
    const heldKeys = keysOf(held);
    for (const record of located.filter((r) => isStrong(r) && !isMention(r))) {
      const key = recordKey(record.ref);
      const owners = (othersRecords.get(key) ?? []).filter((id) => id !== subject.id);
      findings.expect(heldKeys.has(key) || owners.length === 0, () =>
        `subject ${subject.id}: ${key} of ${owners.map((id) => `${world.person(id)?.role ?? "person"} ${id}`).join(", ")} was matched strong (by ${record.matchedBy.map((m) => m.identifier.kind).join(", ")})`,
      );
    }
  }
  findings.throwIfAny("locate matches other people's records as strong for the subject");
}

export async function noDuplicateRefs(h: ConformanceHarness): Promise<void> {
  const { locations } = await locateEverySubject(h);
  const findings = new Findings();
  for (const { subject, located } of locations) {
    for (const key of duplicateKeys(located)) findings.add(`subject ${subject.id}: ${key} was located more than once`);
  }
  findings.throwIfAny("locate yields duplicate refs");
}

export async function unknownSubjectYieldsNothing(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const held = new Set(world.people.flatMap((person) => person.identifiers.map(identityKey)));
  const identifiers = h.connector.identifiers.flatMap((kind) => {
    const identifier = unknownIdentifier(kind, h.connector.id, held);
    return identifier ? [identifier] : [];
  });
  const located = await locateRecords(h, { identifiers });
  if (located.length > 0) {
    fail(`locate for someone the sandbox never heard of found ${located.length} record(s): ${located.slice(0, 5).map((r) => recordKey(r.ref)).join(", ")}`);
  }
}

/**
 * An identifier on a reserved range (example.com, RFC 2606; Ofcom's 07700 900xxx drama mobiles)
 * that no person of the seeded world holds.
 */
function unknownIdentifier(kind: IdentifierKind, connectorId: string, held: Set<string>): Identifier | undefined {
  for (let n = 0; n < 1000; n += 1) {
    const candidates: Record<IdentifierKind, Identifier> = {
      email: { kind, value: `nobody.unknown${n}@example.com` },
      phone: { kind, value: `+447700900${String(n).padStart(3, "0")}` },
      name: { kind, value: `Nobody Unknownperson${n > 0 ? ` ${n}` : ""}` },
      customer_id: { kind, value: `UNKNOWN-${n}` },
      sip: { kind, value: `sip:nobody.unknown${n}@example.com` },
      postal_address: { kind, value: `${n + 1} Nowhere Lane, Example Town, EX0 0XX` },
      native_id: { kind, value: `unknown_${n}`, system: connectorId },
    };
    const candidate = candidates[kind];
    if (!held.has(identityKey(candidate))) return candidate;
  }
  return undefined;
}
