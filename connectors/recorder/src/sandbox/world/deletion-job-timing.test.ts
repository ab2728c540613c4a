import { SandboxStats } from "@lethe/sandbox-kit";
import { describe, expect, it } from "vitest";
import { demoJobTiming } from "./deletion-jobs";
import { RecorderStore } from "./recorder-store";
import { seedWorld } from "./seed-world";

/* The sandbox clock decides when a deletion job moves on; `timing: "demo"` shortens its phases. */
describe("deletion job timing", () => {
  const world = seedWorld(1);
  const separable = world.oraclePeople.find((person) => person.demo === "clean");
  const recordingIds = world.recordings.filter((recording) => recording.participants.some((p) => p.personId === separable?.id)).map((recording) => recording.id);
  const start = new Date("2026-01-01T00:00:00Z");
  const at = (ms: number) => new Date(start.getTime() + ms);

  it("realistic: still pending three seconds in, fulfilled after a minute and five", () => {
    expect(recordingIds.length).toBe(2);
    const store = new RecorderStore(world, new SandboxStats());
    const job = store.jobs.create(recordingIds, start);
    store.jobs.advance(at(3_000));
    expect(store.jobs.get(job.id)?.state).toBe("PENDING");
    store.jobs.advance(at(6 * 60_000));
    expect(store.jobs.get(job.id)?.state).toBe("FULFILLED");
  });

  it("demo: processing after a second, fulfilled after three, the recordings purged", () => {
    const store = new RecorderStore(world, new SandboxStats(), demoJobTiming);
    const job = store.jobs.create(recordingIds, start);
    store.jobs.advance(at(1_000));
    expect(store.jobs.get(job.id)?.state).toBe("PROCESSING");
    store.jobs.advance(at(3_000));
    expect(store.jobs.get(job.id)?.state).toBe("FULFILLED");
    for (const id of recordingIds) expect(store.recordings.has(id)).toBe(false);
  });
});
