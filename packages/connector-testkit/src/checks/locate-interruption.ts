import { recordKey, type LocatedRecord } from "@lethe/connector-sdk";
import { createMemoryCheckpointStore } from "../context/memory-checkpoint-store";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { locateRecords } from "../harness/operations";
import { duplicateKeys, keysOf } from "../harness/record-keys";
import { readWorld } from "../harness/world-view";
import { describeError } from "./expected-error";
import { fail, Findings } from "./findings";
import { busiestSubject } from "./subject-records";

/* Group 3, locate under interruption: it stops when told to and picks up where it left off. */

/** How long a locate may take to stop once aborted. */
export const abortDeadlineMs = 2_000;
const slowResponseMs = 5_000;
const abortAfterMs = 300;

export async function abortStopsPromptly(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const { subject } = await busiestSubject(h, world);
  await h.oracle.injectFault({ route: "*", kind: "slow", delayMs: slowResponseMs, times: 1_000 });
  try {
    const controller = new AbortController();
    const ctx = h.context({ signal: controller.signal });
    let settled = false;
    const run = locateRecords(h, world.query(subject), ctx).then(
      () => "finished",
      (error: unknown) => `stopped (${describeError(error)})`,
    );
    void run.then(() => (settled = true));
    await delay(abortAfterMs);
    if (settled) {
      fail(`locate finished within ${abortAfterMs} ms although every vendor call was slowed by ${slowResponseMs} ms; the sandbox must honour a "slow" fault on route "*"`);
    }
    const abortedAt = performance.now();
    controller.abort(new Error("conformance suite: abort"));
    const outcome = await Promise.race([run, delay(abortDeadlineMs).then(() => "still running")]);
    if (outcome === "still running") {
      fail(`locate was still running ${abortDeadlineMs} ms after its signal was aborted`);
    }
    const tookMs = Math.round(performance.now() - abortedAt);
    if (tookMs > abortDeadlineMs) fail(`locate took ${tookMs} ms to stop after its signal was aborted`);
  } finally {
    await h.oracle.clearFaults();
  }
}

/**
 * Simulates a worker killed right after the connector saved its first checkpoint: what it yielded
 * before the save counts as done, anything after is lost. A second run over the same store must
 * then yield exactly the rest.
 */
export async function resumeFromCheckpointLeavesNoGapOrDuplicate(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const { subject, held } = await busiestSubject(h, world);
  const query = world.query(subject);
  const fullRun = keysOf(await locateRecords(h, query));

  const store = createMemoryCheckpointStore();
  const beforeCrash: LocatedRecord[] = [];
  for await (const record of h.connector.locate(h.context({ checkpoint: store }), query)) {
    if (store.saves.length > 0) break;
    beforeCrash.push(record);
  }
  if (store.saves.length === 0) {
    fail(`locate saved no checkpoint while locating ${fullRun.size} record(s) of subject ${subject.id} (the oracle lists ${held.length}); a connector that cannot resume must skip this check with its reason`);
  }
  const afterResume = await locateRecords(h, query, h.context({ checkpoint: store }));

  const findings = new Findings();
  for (const key of duplicateKeys(afterResume)) findings.add(`${key} was yielded twice after the resume`);
  const doneKeys = keysOf(beforeCrash);
  for (const record of afterResume) {
    const key = recordKey(record.ref);
    findings.expect(!doneKeys.has(key), () => `${key} was yielded before the checkpoint and again after the resume`);
  }
  const union = new Set([...doneKeys, ...keysOf(afterResume)]);
  for (const key of fullRun) findings.expect(union.has(key), () => `${key} was never yielded across the interrupted run and its resume (a gap)`);
  for (const key of union) findings.expect(fullRun.has(key), () => `${key} was yielded by the resumed run but not by an uninterrupted one`);
  findings.throwIfAny(`resuming locate of subject ${subject.id} from its checkpoint does not continue where it stopped`);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
