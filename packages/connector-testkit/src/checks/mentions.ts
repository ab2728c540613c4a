import { recordKey, type ErasureReceipt, type Identifier, type OracleRecord } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { eraseRefs } from "../harness/operations";
import { canonicalJson, takeSnapshot } from "../harness/oracle-snapshot";
import { isMention } from "../harness/record-keys";
import { fail, Findings } from "./findings";
import { locateEverySubject } from "./subject-records";

/*
 * Group 9: another person's record that mentions the subject. Located with
 * `relation: "mentions"`, redacted the way the engine plans it (`erase` with a redact plan of
 * scope `personal-data`), then judged by the oracle: the record is still its owner's, none of
 * the subject's identifiers are left in it, and every word of it that was not the subject's
 * identifier is still there. A connector may keep a record the vendor will not change, with a
 * `retained` receipt naming the vendor's basis; that record must then be untouched.
 */

/** Identifier values that are redacted by their exact occurrences (a name is not one of them). */
function redactable(identifiers: readonly Identifier[]): string[] {
  return identifiers.filter((identifier) => identifier.kind === "email" || identifier.kind === "phone").map((identifier) => identifier.value.toLowerCase());
}

export async function mentionsAreRedactedNotErased(h: ConformanceHarness): Promise<void> {
  const { world, locations } = await locateEverySubject(h);
  const everyone = world.people.map((person) => person.id);
  const mentioned = locations.map(({ subject, located }) => ({ subject, mentions: located.filter(isMention) }));
  if (mentioned.every(({ mentions }) => mentions.length === 0)) {
    fail(`${h.connector.id} declares capabilities.mentions, yet locate reported no record of another person mentioning any subject of the sandbox's world`);
  }
  const before = await takeSnapshot(h, everyone);
  const receipts = new Map<string, ErasureReceipt>();
  for (const { subject, mentions } of mentioned) {
    if (mentions.length === 0) continue;
    const plan = { action: "redact" as const, scope: "personal-data" as const, identifiers: world.query(subject).identifiers };
    for (const receipt of await eraseRefs(h, mentions.map((record) => record.ref), h.context(), plan)) receipts.set(`${subject.id}:${recordKey(receipt.ref)}`, receipt);
  }
  const after = await takeSnapshot(h, everyone);

  const findings = new Findings();
  for (const { subject, mentions } of mentioned) {
    const values = redactable(world.query(subject).identifiers);
    for (const mention of mentions) {
      const key = recordKey(mention.ref);
      const receipt = receipts.get(`${subject.id}:${key}`);
      const where = `subject ${subject.id}: ${key}`;
      findings.expect(mention.mentionFields !== undefined && mention.mentionFields.length > 0, () => `${where} is reported as a mention without the fields that hold it`);
      if (!receipt) {
        findings.add(`${where} got no receipt for its redaction`);
        continue;
      }
      const owners = everyone.filter((id) => id !== subject.id && (before.get(id) ?? []).some((record) => recordKey(record.ref) === key));
      if (owners.length === 0) {
        findings.add(`${where} is reported as another person's record, but the oracle lists it for no one else`);
        continue;
      }
      for (const owner of owners) {
        const was = (before.get(owner) ?? []).find((record) => recordKey(record.ref) === key);
        const is = (after.get(owner) ?? []).find((record) => recordKey(record.ref) === key);
        if (!was) continue;
        if (!is || is.store !== was.store) {
          findings.add(`${where} of ${owner} ${is ? `moved to the ${is.store} store` : "disappeared"}: another person's record was deleted instead of redacted`);
          continue;
        }
        if (receipt.outcome === "retained") {
          findings.expect(Boolean(receipt.hold?.basis), () => `${where} was retained without the vendor's basis`);
          findings.expect(canonicalJson(was) === canonicalJson(is), () => `${where} was receipted "retained" yet changed`);
          continue;
        }
        findings.expect(receipt.outcome === "redacted", () => `${where} got a "${receipt.outcome}" receipt for a redaction`);
        for (const fault of redactionFaults(where, was, is, values)) findings.add(fault);
      }
    }
  }
  findings.throwIfAny("other people's records that mention the subject are not redacted as they must be");
}

/** What is wrong with one redacted record: the subject's identifiers left, or other content lost. */
function redactionFaults(where: string, was: OracleRecord, is: OracleRecord, identifiers: readonly string[]): string[] {
  const faults: string[] = [];
  for (const [field, value] of Object.entries(was.personalData)) {
    const now = is.personalData[field];
    const text = typeof value === "string" ? value : canonicalJson(value);
    const nowText = now === undefined || now === null ? "" : typeof now === "string" ? now : canonicalJson(now);
    const held = identifiers.filter((identifier) => text.toLowerCase().includes(identifier));
    if (held.length === 0) {
      if (text !== nowText) faults.push(`${where}: ${field} held none of the subject's identifiers, yet changed`);
      continue;
    }
    const left = identifiers.filter((identifier) => nowText.toLowerCase().includes(identifier));
    if (left.length > 0) faults.push(`${where}: ${field} still holds the subject's ${left.length} identifier(s)`);
    const lost = missingWords(withoutIdentifiers(text, held), nowText);
    if (lost.length > 0) faults.push(`${where}: ${field} lost content that was not the subject's: ${lost.slice(0, 3).join(", ")}`);
  }
  return faults;
}

function withoutIdentifiers(text: string, identifiers: readonly string[]): string {
  let rest = text;
  for (const identifier of identifiers) rest = rest.replace(new RegExp(identifier.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu"), " ");
  return rest;
}

/** The words of `before` that `after` no longer has (counted, so a repeated word must stay repeated). */
function missingWords(before: string, after: string): string[] {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}@._+-]+/gu) ?? [];
  const left = new Map<string, number>();
  for (const word of words(after)) left.set(word, (left.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of words(before)) {
    const count = left.get(word) ?? 0;
    if (count === 0) missing.push(word);
    else left.set(word, count - 1);
  }
  return missing;
}
