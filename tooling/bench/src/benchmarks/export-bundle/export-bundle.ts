import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import type { Benchmark, BenchmarkRow } from "../../benchmark";
import { runChildScript } from "../../child-script";
import { writeRecordingFile, writeRecordsFile } from "./export-bundle-input";

const megabyte = 1024 * 1024;
const runResultSchema = z.object({ wallMs: z.number(), cpuMs: z.number(), peakRssBytes: z.number(), bytesIn: z.int(), bytesOut: z.int() });
type RunResult = z.infer<typeof runResultSchema>;

interface SizeResult {
  megabytes: number;
  bundle: RunResult;
  copy: RunResult;
  /** 1-minute load average when this size's last run ended. */
  loadAverage: number;
}

/**
 * Writes an access bundle (records → JSON + CSV, deflated; a call recording, stored) through the
 * real `writeExportBundle`, beside a plain `fs` stream copy of the same input files, each in its
 * own process and alternating, best wall time of `--repeat` runs. Run at `--megabytes` and at a
 * quarter of that, so peak RSS at two sizes shows whether memory grows with the bundle.
 */
export const exportBundle: Benchmark = {
  name: "export-bundle",
  description: "export bundle write (records + a call recording) vs. a plain stream copy of the same bytes, at two sizes",
  async run({ flags, log }) {
    const megabytes = flags.number("megabytes", 512);
    const recordsShare = flags.number("records-share", 0.1);
    const repeat = Math.max(1, Math.round(flags.number("repeat", 2)));
    const directory = await mkdtemp(join(tmpdir(), "lethe-bench-export-"));
    try {
      const script = new URL("./export-bundle-run.ts", import.meta.url);
      const measureSize = async (size: number, runs: number): Promise<SizeResult> => {
        const input = join(directory, `input-${size}`);
        await mkdir(input);
        const recordsPath = join(input, "records.jsonl");
        const recordingPath = join(input, "call.wav");
        const recordsBytes = Math.round(size * recordsShare * megabyte);
        log(`export-bundle: writing ${(recordsBytes / megabyte).toFixed(0)} MB of records and a ${(size - recordsBytes / megabyte).toFixed(0)} MB recording…`);
        const records = await writeRecordsFile(recordsPath, recordsBytes, 7);
        await writeRecordingFile(recordingPath, size * megabyte - recordsBytes, 11);
        log(`export-bundle: ${records} records`);
        const side = async (mode: "bundle" | "copy", run: number) => {
          const output = join(directory, `${mode}-${size}-${run}`);
          await mkdir(output);
          try {
            const result = runResultSchema.parse(
              await runChildScript(script, ["--mode", mode, "--records", recordsPath, "--recording", recordingPath, "--output", output]),
            );
            const rate = result.bytesIn / megabyte / (result.wallMs / 1000);
            log(`export-bundle: ${size} MB ${mode}: ${Math.round(result.wallMs)} ms (${rate.toFixed(0)} MB/s), peak RSS ${(result.peakRssBytes / megabyte).toFixed(0)} MB, load ${loadavg()[0]?.toFixed(2)}`);
            return result;
          } finally {
            await rm(output, { recursive: true, force: true });
          }
        };
        const bundleRuns: RunResult[] = [];
        const copyRuns: RunResult[] = [];
        for (let run = 0; run < runs; run++) {
          copyRuns.push(await side("copy", run));
          bundleRuns.push(await side("bundle", run));
        }
        await rm(input, { recursive: true, force: true });
        return { megabytes: size, bundle: best(bundleRuns), copy: best(copyRuns), loadAverage: loadavg()[0] ?? 0 };
      };
      const small = await measureSize(Math.max(1, Math.round(megabytes / 4)), 1);
      const large = await measureSize(megabytes, repeat);
      const rate = (run: RunResult) => run.bytesIn / megabyte / (run.wallMs / 1000);
      const rss = (run: RunResult) => run.peakRssBytes / megabyte;
      const rows: BenchmarkRow[] = [
        { metric: `MB/s (${large.megabytes} MB)`, value: rate(large.bundle), baseline: rate(large.copy), better: "higher", loadAverage: large.loadAverage },
        {
          metric: `MB per CPU s (${large.megabytes} MB)`,
          value: large.bundle.bytesIn / megabyte / (large.bundle.cpuMs / 1000),
          baseline: large.copy.bytesIn / megabyte / (large.copy.cpuMs / 1000),
          better: "higher",
          loadAverage: large.loadAverage,
        },
        { metric: `MB/s (${small.megabytes} MB)`, value: rate(small.bundle), baseline: rate(small.copy), better: "higher", loadAverage: small.loadAverage },
        { metric: `peak RSS MB (${large.megabytes} MB)`, value: rss(large.bundle), baseline: rss(large.copy), better: "lower", loadAverage: large.loadAverage },
        { metric: `peak RSS MB (${small.megabytes} MB)`, value: rss(small.bundle), baseline: rss(small.copy), better: "lower", loadAverage: small.loadAverage },
        // Flat memory: the peak should not grow with the bundle (a few MB of noise either way).
        {
          metric: `peak RSS growth MB (${small.megabytes} → ${large.megabytes} MB)`,
          value: rss(large.bundle) - rss(small.bundle),
          baseline: rss(large.copy) - rss(small.copy),
          better: "lower",
          loadAverage: large.loadAverage,
        },
        { metric: `output MB (${large.megabytes} MB)`, value: large.bundle.bytesOut / megabyte, baseline: large.copy.bytesOut / megabyte, better: "lower", loadAverage: large.loadAverage },
      ];
      return rows;
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  },
};

function best(runs: readonly RunResult[]): RunResult {
  return runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}
