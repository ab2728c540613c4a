import { BenchArgumentError } from "./bench-arguments";
import type { Benchmark } from "./benchmark";

/** The benchmarks named on the command line (all when none is), or an error naming the known ones. */
export function selectBenchmarks(all: readonly Benchmark[], names: readonly string[]): Benchmark[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const found = all.find((benchmark) => benchmark.name === name);
    if (!found) {
      throw new BenchArgumentError(`no benchmark "${name}"; known: ${all.map((benchmark) => benchmark.name).join(", ")}`);
    }
    return found;
  });
}
