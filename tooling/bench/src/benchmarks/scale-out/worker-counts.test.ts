import { describe, expect, it } from "vitest";
import { workerCounts } from "./scale-out";

describe("--workers", () => {
  it("takes a list of worker-process counts, the first being the baseline", () => {
    expect(workerCounts("1,2,3")).toEqual([1, 2, 3]);
    expect(workerCounts(" 1, 3 ")).toEqual([1, 3]);
  });

  it("reads a single count N as 1 vs N, as the flag always did", () => {
    expect(workerCounts("3")).toEqual([1, 3]);
    expect(workerCounts("1")).toEqual([1]);
  });

  it.each(["", "0", "1,x", "2.5", "-1"])("refuses %j", (flag) => {
    expect(() => workerCounts(flag)).toThrow(/--workers/);
  });
});
