import { AuthError, RateLimitedError, TransientError, VendorContractError, type OracleFault } from "@lethe/connector-sdk";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { exportRefs, locateRecords } from "../harness/operations";
import { readWorld } from "../harness/world-view";
import { describeError, expectError } from "./expected-error";
import { fail } from "./findings";
import { busiestSubject } from "./subject-records";

/* Group 6: faults the sandbox injects come out of the connector as the right typed errors. */

/** A fault on every vendor route, for as long as the check runs. */
const everyRoute = "*";
const untilCleared = 1_000;

async function withFault<T>(h: ConformanceHarness, fault: OracleFault, run: () => Promise<T>): Promise<T> {
  await h.oracle.injectFault(fault);
  try {
    return await run();
  } finally {
    await h.oracle.clearFaults();
  }
}

export async function unauthorisedGivesAuthError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  await withFault(h, { route: everyRoute, kind: "status", status: 401, times: untilCleared }, () =>
    expectError(() => h.connector.check(h.context()), AuthError, "check() answered with 401"),
  );
}

export async function shortRetryAfterIsRetriedTransparently(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const throttledBefore = (await h.oracle.stats()).throttled;
  await withFault(h, { route: everyRoute, kind: "status", status: 429, retryAfterSeconds: 1, times: 1 }, async () => {
    try {
      await h.connector.check(h.context());
    } catch (error) {
      fail(`check() must succeed after one 429 with Retry-After: 1, but failed with ${describeError(error)}`);
    }
  });
  const throttledAfter = (await h.oracle.stats()).throttled;
  if (throttledAfter <= throttledBefore) {
    fail("the sandbox counted no 429 sent (stats.throttled did not move), so nothing was retried; the sandbox must honour a 429 fault on route \"*\"");
  }
}

export async function longRetryAfterGivesRateLimitedError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const error = await withFault(h, { route: everyRoute, kind: "status", status: 429, retryAfterSeconds: 600, times: untilCleared }, () =>
    expectError(() => h.connector.check(h.context()), RateLimitedError, "check() answered with 429 and Retry-After: 600"),
  );
  if (error.retryAfterMs < 590_000 || error.retryAfterMs > 600_000) {
    fail(`RateLimitedError.retryAfterMs is ${error.retryAfterMs}, not the 600 000 ms the vendor asked for`);
  }
}

export async function serverErrorsGiveTransientError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  await withFault(h, { route: everyRoute, kind: "status", status: 500, times: untilCleared }, () =>
    expectError(() => h.connector.check(h.context()), TransientError, "check() answered with 500 on every attempt"),
  );
}

export async function malformedLocateGivesVendorContractError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const { subject } = await busiestSubject(h, world);
  await withFault(h, { route: everyRoute, kind: "malformed", times: untilCleared }, () =>
    expectError(() => locateRecords(h, world.query(subject)), VendorContractError, `locate of subject ${subject.id} over malformed answers`),
  );
}

export async function malformedExportGivesVendorContractError(h: ConformanceHarness): Promise<void> {
  await h.reset();
  const world = await readWorld(h);
  const { subject } = await busiestSubject(h, world);
  const refs = (await locateRecords(h, world.query(subject))).map((record) => record.ref);
  if (refs.length === 0) fail(`subject ${subject.id} has no located records to export`);
  await withFault(h, { route: everyRoute, kind: "malformed", times: untilCleared }, () =>
    expectError(() => exportRefs(h, refs), VendorContractError, `export of subject ${subject.id}'s records over malformed answers`),
  );
}
