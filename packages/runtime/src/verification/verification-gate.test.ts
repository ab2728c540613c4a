import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identifierOf, openReferenceWorld, type ReferenceWorld } from "../../test/reference-world";
import { fileRequest } from "../file-request";
import { getRequestDetail } from "../request-detail";
import { startWorker, type RunningWorker } from "../worker";
import { attestIdentity } from "./attest-identity";

let world: ReferenceWorld;
let worker: RunningWorker;

beforeAll(async () => {
  world = await openReferenceWorld();
  worker = await startWorker({
    db: world.database,
    registry: world.registry,
    secretBox: world.secretBox,
    exportDirectory: world.exportDirectory,
    pollIntervalMs: 100,
    log: () => undefined,
  });
});
afterAll(async () => {
  await worker?.stop();
  await world?.close();
});

describe("an access request before and after verification", () => {
  it("locates nothing while it waits in verifying, and starts locating only once attested", async () => {
    const subject = (await world.oracle.people()).find((person) => person.role === "subject");
    if (!subject) throw new Error("the sandbox has no subject");
    const { id } = await fileRequest(world.database, {
      type: "access",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: identifierOf(subject, "email") }],
      timeZone: "UTC",
      defaultRegion: "GB",
      actor: "test",
    });

    // A running worker polling every 100 ms has had many chances to pick up anything queued.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const waiting = await getRequestDetail(world.database, id);
    expect(waiting?.request.status).toBe("verifying");
    expect(waiting?.tasks).toEqual([]);
    expect(waiting?.locatedRecords).toEqual([]);
    const jobs = await world.database.sql`select 1 from graphile_worker._private_jobs where payload->>'requestId' = ${id}`;
    expect(jobs).toHaveLength(0);

    await attestIdentity(world.database, { requestId: id, note: "called back on the number on file", actor: "test" });
    // What happens after locating (review of weak matches, export) is the engine's business; here
    // it is enough that locating starts, and starts only now.
    const deadline = Date.now() + 30_000;
    let started = await getRequestDetail(world.database, id);
    while (!started?.tasks.some((task) => task.phase === "locate" && task.status === "done") && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      started = await getRequestDetail(world.database, id);
    }
    expect(started?.history.map((entry) => entry.to).slice(0, 4)).toEqual(["received", "verifying", "verified", "locating"]);
    expect(started?.tasks.some((task) => task.phase === "locate" && task.status === "done")).toBe(true);
    expect(started?.locatedRecords.length).toBeGreaterThan(0);
  });
});
