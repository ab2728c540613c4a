import { recordKey, type CardSweepPage } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { fail, Findings } from "./findings";

/* Group 8: a declared card sweep removes every card number the sandbox holds, and repeats harmlessly. */

/** Every record the sandbox could hold: its world is generated inside these years. */
const everything = "1970-01-01T00:00:00Z/2100-01-01T00:00:00Z";

/** Runs the connector's sweep over the whole world, page after page, to its last page. */
export async function sweepEverything(h: ConformanceHarness): Promise<CardSweepPage[]> {
  const sweep = h.connector.sweepCardNumbers?.bind(h.connector);
  if (!sweep) fail(`${h.connector.id} implements no sweepCardNumbers`);
  const pages: CardSweepPage[] = [];
  for await (const page of sweep(h.context(), { interval: everything })) pages.push(page);
  return pages;
}

export async function sweepRemovesEveryCardNumber(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const before = await h.oracle.cardNumbers();
  if (before.length === 0) fail("the sandbox's oracle lists no card number before the sweep, so the sweep cannot be judged");
  const pages = await sweepEverything(h);
  const findings = new Findings();
  findings.expect(pages.at(-1)?.nextCursor === null, () => "the sweep's last page names a next cursor");
  const swept = pages.flatMap((page) => page.records);
  for (const card of before) {
    findings.expect(swept.some((record) => record.recordId === card.ref.id), () => `${recordKey(card.ref)} held a card number but the sweep never reported it`);
  }
  for (const record of swept.filter((r) => r.cardsFound > 0)) {
    findings.expect(record.receipt?.outcome === "redacted", () => `${record.recordId}: ${record.cardsFound} card number(s) found but receipted ${record.receipt?.outcome ?? "nothing"}`);
  }
  for (const card of await h.oracle.cardNumbers()) {
    findings.add(`${recordKey(card.ref)} still holds a card number at ${card.location}`);
  }
  findings.throwIfAny("the card sweep leaves card numbers behind");
}

export async function secondSweepFindsNothing(h: ConformanceHarness): Promise<void> {
  await h.reset();
  await sweepEverything(h);
  const again = (await sweepEverything(h)).flatMap((page) => page.records);
  const findings = new Findings();
  for (const record of again) {
    findings.expect(record.cardsFound === 0 && record.receipt === undefined, () => `${record.recordId}: the second sweep found ${record.cardsFound} card number(s) and receipted ${record.receipt?.outcome ?? "nothing"}`);
  }
  findings.throwIfAny("a repeated card sweep is not harmless");
}
