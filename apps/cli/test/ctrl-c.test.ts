import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortPair, runLethe, startLethe } from "./lethe-process";

/*
 * Ctrl-C in a terminal sends SIGINT to the whole foreground process group: `lethe start` and,
 * unless it was put in a group of its own, its embedded PostgreSQL. The server then shut down
 * under the worker's connections (57P01, an unhandled `error` event crashed Node). Here `lethe
 * start` leads its own group, as a shell's job does, and the group gets the SIGINT.
 * Always the embedded server, also in CI's DATABASE_URL run: its process group is the point.
 * Runs alone: it starts `lethe start` twice and looks at every process on the machine for one
 * left running on its cluster, which other tests' servers starting and stopping would not
 * disturb, but their load would slow past the start-up deadline.
 */
describe("Ctrl-C on `lethe start` in a terminal", () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), "lethe-ctrl-c-"));
    await chmod(home, 0o755);
    env = { ...process.env, LETHE_HOME: home, LETHE_PORT: String(await freePortPair()), LETHE_LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  /** Processes whose command line names this test's cluster (the postmaster is started with `-D <cluster>`). */
  async function processesOnCluster(): Promise<number[]> {
    const found: number[] = [];
    for (const entry of await readdir("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const commandLine = await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "");
      if (commandLine.includes(home) && commandLine.includes("postgres")) found.push(Number(entry));
    }
    return found;
  }

  it("stops the API, the worker and then PostgreSQL itself, exits 0, and the next start finds the data", async () => {
    const first = await startLethe(env, 120_000, { asTerminalJob: true });
    const filed = await runLethe(["request", "create", "--type", "erasure", "--email", "kept.across.restarts@example.com", "--json"], env);
    expect(filed.code, filed.stderr).toBe(0);
    const id = (JSON.parse(filed.stdout) as { request: { id: string } }).request.id;
    expect(await processesOnCluster()).not.toEqual([]);

    const code = await first.interruptGroup();
    const output = first.output();
    expect(code, output).toBe(0);
    expect(output).toContain("stopped; data kept in the database");
    expect(output).not.toMatch(/Unhandled|unhandled|\n\s+at |57P01|terminating connection/);
    expect(await processesOnCluster()).toEqual([]);

    const second = await startLethe(env, 120_000, { asTerminalJob: true });
    try {
      const listed = await runLethe(["request", "list", "--json"], env);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as Array<{ id: string }>).map((row) => row.id)).toContain(id);
    } finally {
      expect(await second.interruptGroup(), second.output()).toBe(0);
    }
    expect(await processesOnCluster()).toEqual([]);
  }, 300_000);
});
