import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollUntil } from "../../test/poll";
import { identifierOf } from "../../test/reference-world";
import { openReferenceWorldWithWorker, type ReferenceWorldWithWorker } from "../../test/world-with-worker";
import { fileRequest } from "../file-request";
import { getRequestDetail } from "../request-detail";
import { attestIdentity } from "./attest-identity";

let world: ReferenceWorldWithWorker;

beforeAll(async () => {
  world = await openReferenceWorldWithWorker({ worker: { pollIntervalMs: 100 } });
});
afterAll(async () => {
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
    const started = await pollUntil("the first locate task to be done", () => getRequestDetail(world.database, id), {
      until: (detail) => detail?.tasks.some((task) => task.phase === "locate" && task.status === "done") ?? false,
    });
    expect(started?.history.map((entry) => entry.to).slice(0, 4)).toEqual(["received", "verifying", "verified", "locating"]);
    expect(started?.tasks.some((task) => task.phase === "locate" && task.status === "done")).toBe(true);
    expect(started?.locatedRecords.length).toBeGreaterThan(0);
  });
});
