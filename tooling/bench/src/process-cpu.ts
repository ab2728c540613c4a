import { readFile } from "node:fs/promises";

/**
 * CPU time of a process by pid, from Linux's `/proc/<pid>/stat` (utime, stime, cutime, cstime):
 * the bench measures child processes it did not write (`lethe worker`, PostgreSQL), which
 * `process.cpuUsage` cannot reach. Clock ticks are taken as 100 per second — the value of
 * `getconf CLK_TCK` on every Linux architecture Node supports. Undefined where /proc is missing
 * (macOS) or the process is gone; the benchmark then prints no CPU row rather than a wrong one.
 */
export interface ProcessCpu {
  /** The process's own user + system CPU, ms. */
  ownMs: number;
  /** CPU of its children that have exited and been waited for (PostgreSQL's ended backends), ms. */
  reapedChildrenMs: number;
}

const ticksPerSecond = 100;

export async function processCpu(pid: number): Promise<ProcessCpu | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after its last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14–17 of proc(5), counted from 1 with pid and comm as 1 and 2 → indices 11–14 here.
  const [utime = NaN, stime = NaN, cutime = NaN, cstime = NaN] = [11, 12, 13, 14].map((index) => Number(fields[index]));
  if (![utime, stime, cutime, cstime].every((value) => Number.isFinite(value))) return undefined;
  const ms = (ticks: number) => (ticks * 1_000) / ticksPerSecond;
  return { ownMs: ms(utime + stime), reapedChildrenMs: ms(cutime + cstime) };
}

/** The parent pid of a process (PostgreSQL's postmaster, given one of its backends). */
export async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}
