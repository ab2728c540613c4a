/**
 * One benchmark: a name, what it measures, and a run that returns rows. Every row sets a measured
 * value beside a baseline measured in the same run, so the ratio compares like with like on the
 * same machine at the same moment.
 */
export interface Benchmark {
  /** kebab-case; `pnpm bench <name>` runs only this one. */
  name: string;
  description: string;
  run(options: BenchmarkOptions): Promise<BenchmarkRow[]>;
}

export interface BenchmarkRow {
  /** e.g. `requests/s`. */
  metric: string;
  /** The measured subject (e.g. the engine). */
  value: number;
  /** The same metric for the baseline. */
  baseline: number;
  /** Which direction is good, so a reader knows whether a ratio above 1 is a win; `equal`: a fidelity check, 1.00× expected. */
  better: "higher" | "lower" | "equal";
  /**
   * The machine's 1-minute load average (`os.loadavg()[0]`) when the row was measured, so a
   * reader sees how busy the machine was; `main.ts` fills in the one at the benchmark's end for
   * rows that do not set it.
   */
  loadAverage?: number;
}

export interface BenchmarkOptions {
  flags: BenchFlags;
  /** Progress lines for the person waiting (stderr); the table goes to stdout. */
  log: (message: string) => void;
}

/** `--name value` flags from the command line, read with the type each benchmark expects. */
export interface BenchFlags {
  number(name: string, fallback: number): number;
  string(name: string, fallback: string): string;
  /** Every flag as given, for the results file. */
  all(): Record<string, string>;
}
