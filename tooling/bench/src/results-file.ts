import { mkdir, writeFile } from "node:fs/promises";
import { cpus, platform, release } from "node:os";
import { join } from "node:path";
import type { BenchmarkResult } from "./results-table";

export interface ResultsRecord {
  startedAt: string;
  flags: Record<string, string>;
  machine: { node: string; platform: string; cpus: number; cpuModel: string };
  results: Array<BenchmarkResult & { durationMs: number }>;
}

/** `<directory>/<timestamp>.json`, e.g. `.lethe/bench/2025-03-04T10-30-00Z.json`; returns the path. */
export async function writeResultsFile(directory: string, record: ResultsRecord): Promise<string> {
  await mkdir(directory, { recursive: true });
  const stamp = record.startedAt.replace(/\.\d+Z$/, "Z").replaceAll(":", "-");
  const path = join(directory, `${stamp}.json`);
  await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}

export function describeMachine(): ResultsRecord["machine"] {
  const processors = cpus();
  return {
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpus: processors.length,
    cpuModel: processors[0]?.model ?? "unknown",
  };
}
