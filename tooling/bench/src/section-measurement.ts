import { performance } from "node:perf_hooks";

/** What one measured section of a process cost. */
export interface SectionCost {
  wallMs: number;
  /** User + system CPU of this process during the section. */
  cpuMs: number;
  /** The process's peak resident set size so far (the kernel's high-water mark), in bytes. */
  peakRssBytes: number;
}

/**
 * Runs `section` and reports its wall time and this process's CPU time. Peak RSS is the kernel's
 * high-water mark for the whole process, which is why each measured variant runs in a process
 * of its own.
 */
export async function measureSection<T>(section: () => Promise<T>): Promise<{ result: T; cost: SectionCost }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await section();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    result,
    cost: {
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    },
  };
}
