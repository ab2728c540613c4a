import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf } from "../test/reference-world";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../test/world-with-worker";
import { fileRequest } from "./file-request";
import { getRequestDetail } from "./request-detail";
import { waitForRequests } from "./wait-for-requests";

/*
 * A vendor down for a while (503 to everything) must not burn every job's retry budget: once the
 * instance's breaker opens, its jobs wait out the cool-down for free and one probe at a time finds
 * out whether the vendor is back. The budget here (4 failed runs, 50–200 ms apart) would be spent
 * long before the 7 s outage ends without the breaker; with it, a job fails at most once before
 * the breaker opens and once per 3 s probe.
 */

let world: ReferenceWorldWithWorker;
const breakerLines: string[] = [];

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({
    people: 4,
    worker: {
      concurrency: 4,
      log: (_level, message) => {
        if (message.includes("breaker")) breakerLines.push(message);
      },
      retryPolicy: { maxFailures: 4, baseDelayMs: 50, maxDelayMs: 200 },
      breaker: { failureThreshold: 2, coolDownMs: 3_000 },
    },
  });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function faults(method: "POST" | "DELETE", body?: unknown): Promise<void> {
  const response = await fetch(`${world.running.url}/__sandbox/faults`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
}

describe("a vendor down for longer than the retry budget lasts", () => {
  it("holds the instance's jobs behind its breaker and completes them once the vendor answers again", { timeout: 90_000 }, async () => {
    const people = await world.oracle.people();
    const subjects = people.filter((person) => person.role === "subject" && person.demo !== "clean" && !people.some((other) => other.bystanderOf === person.id));
    expect(subjects).toHaveLength(4);
    await faults("POST", { route: "*", kind: "status", status: 503, times: 1_000_000 });

    const ids: string[] = [];
    for (const subject of subjects) {
      const { id } = await fileRequest(world.database, {
        type: "erasure",
        regime: "gdpr",
        identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
        timeZone: "Europe/London",
        defaultRegion: "GB",
        actor: "outage-test",
      });
      ids.push(id);
    }
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const callsDuringOutage = Object.values((await world.oracle.stats()).calls).reduce((sum, n) => sum + n, 0);
    await faults("DELETE");
    const recovered = Date.now();

    await waitForRequests(world.database, ids, { timeoutMs: 60_000 });
    console.log(
      `vendor outage: ${callsDuringOutage} calls in 7 s of 503s, breaker lines: ${breakerLines.length}; ` +
        `all ${ids.length} completed ${Date.now() - recovered} ms after the vendor came back`,
    );
    for (const id of ids) {
      const detail = await getRequestDetail(world.database, id);
      expect(detail?.request.status, detail?.history.at(-1)?.reason ?? "").toBe("completed");
    }
    for (const subject of subjects) expect(await world.oracle.records(subject.id)).toEqual([]);
    expect(breakerLines.length).toBeGreaterThan(0);
    // Without the breaker: 4 jobs × 4 runs × 4 calls each, all spent within the outage.
    expect(callsDuringOutage).toBeLessThan(4 * 4 * 4);
  });
});
