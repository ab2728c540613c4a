import { describe, expect, it } from "vitest";
import { BenchArgumentError, parseBenchArguments } from "./bench-arguments";
import { selectBenchmarks } from "./select-benchmarks";
import type { Benchmark } from "./benchmark";

describe("bench arguments", () => {
  it("separates benchmark names from flags in both spellings", () => {
    const { names, flags } = parseBenchArguments(["erasure-throughput", "--requests", "50", "--seed=7", "--", "--verbose"]);
    expect(names).toEqual(["erasure-throughput"]);
    expect(flags.number("requests", 200)).toBe(50);
    expect(flags.number("seed", 1)).toBe(7);
    expect(flags.string("verbose", "false")).toBe("true");
    expect(flags.number("concurrency", 4)).toBe(4);
    expect(flags.all()).toEqual({ requests: "50", seed: "7", verbose: "true" });
  });

  it("refuses a number flag that is not a positive number", () => {
    for (const value of ["many", "0", "-3", ""]) {
      const { flags } = parseBenchArguments([`--requests=${value}`]);
      expect(() => flags.number("requests", 200)).toThrow(BenchArgumentError);
    }
  });

  it("selects benchmarks by name, all by default, and names the known ones for a typo", () => {
    const fake = (name: string): Benchmark => ({ name, description: name, run: async () => [] });
    const all = [fake("a"), fake("b")];
    expect(selectBenchmarks(all, []).map((benchmark) => benchmark.name)).toEqual(["a", "b"]);
    expect(selectBenchmarks(all, ["b"]).map((benchmark) => benchmark.name)).toEqual(["b"]);
    expect(() => selectBenchmarks(all, ["c"])).toThrow('no benchmark "c"; known: a, b');
  });
});
