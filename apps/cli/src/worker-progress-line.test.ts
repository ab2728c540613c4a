import { describe, expect, it } from "vitest";
import { workerProgressLine, workerStoppedLine } from "./worker-progress-line";

describe("the worker's progress lines", () => {
  it("count the jobs of the last interval beside the totals", () => {
    expect(workerProgressLine({ completed: 140, failed: 3, running: 4 }, { completed: 100, failed: 2, running: 4 }, 60)).toBe(
      "worker alive: 40 jobs completed, 1 failed in the last 60 s; 4 running; 140 completed and 3 failed since start",
    );
    expect(workerProgressLine({ completed: 1, failed: 0, running: 0 }, { completed: 0, failed: 0, running: 1 }, 5)).toBe(
      "worker alive: 1 job completed, 0 failed in the last 5 s; 0 running; 1 completed and 0 failed since start",
    );
  });

  it("say idle when nothing happened, so a quiet worker still shows it is alive", () => {
    const same = { completed: 7, failed: 0, running: 0 };
    expect(workerProgressLine(same, same, 60)).toBe("worker alive: idle in the last 60 s; 0 running; 7 completed and 0 failed since start");
  });

  it("close with the totals", () => {
    expect(workerStoppedLine({ completed: 12, failed: 1, running: 0 })).toBe("worker stopped: 12 jobs completed, 1 failed");
  });
});
