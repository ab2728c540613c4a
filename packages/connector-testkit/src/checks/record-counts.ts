import type { RecordCount } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { fail, Findings } from "./findings";

/*
 * Group 14: the data inventory's discovery scan. `countRecords` asks the vendor's own count
 * mechanism how many records of a type it holds; the oracle counts the sandbox's active store.
 * An exact count must equal the oracle's; an approximate one (`exact: false`) may not exceed it
 * by more than the vendor's documented slack, which no sandbox has, so it must equal it too.
 */

async function countEach(h: ConformanceHarness, findings: Findings): Promise<Map<string, RecordCount>> {
  const declared = h.connector.capabilities.countRecords;
  if (!declared || !h.connector.countRecords) fail("the connector declares countRecords but implements no countRecords operation");
  const counts = new Map<string, RecordCount>();
  const ctx = h.context();
  for (const recordType of declared.recordTypes) {
    const answer = await h.connector.countRecords(ctx, { recordType });
    findings.expect(Number.isSafeInteger(answer.count) && answer.count >= 0, () => `${recordType}: count ${answer.count} is not a non-negative integer`);
    findings.expect(typeof answer.exact === "boolean", () => `${recordType}: exact is not a boolean`);
    counts.set(recordType, answer);
  }
  return counts;
}

export async function countsMatchTheOracle(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const findings = new Findings();
  const counted = await countEach(h, findings);
  const truth = await h.oracle.recordCounts();
  for (const [recordType, answer] of counted) {
    const actual = truth[recordType];
    if (actual === undefined) {
      findings.add(`${recordType}: the sandbox's oracle does not count this record type`);
      continue;
    }
    findings.expect(answer.count === actual, () => `${recordType}: counted ${answer.count}, the oracle holds ${actual}`);
  }
  findings.throwIfAny(`${h.connector.id}'s record counts disagree with the sandbox`);
}

export async function countsStoreNothingPersonal(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const findings = new Findings();
  const counted = await countEach(h, findings);
  // A count is a number and a flag: anything more could carry a record's data out of the vendor.
  for (const [recordType, answer] of counted) {
    const keys = Object.keys(answer).sort();
    findings.expect(keys.join(",") === "count,exact", () => `${recordType}: the answer carries more than count and exact (${keys.join(", ")})`);
  }
  findings.throwIfAny(`${h.connector.id}'s record counts carry more than numbers`);
}
