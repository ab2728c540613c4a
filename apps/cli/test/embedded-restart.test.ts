import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortPair, startLethe, type StartedLethe } from "./lethe-process";

/*
 * `lethe start` keeps its embedded PostgreSQL alive: the postmaster is killed outright (as the
 * OOM killer would) and the same process brings it back on the same port; the API answers 503
 * meanwhile and 200 after, and neither the API nor the worker crashes on the dropped connections.
 * Always the embedded server, also in CI's DATABASE_URL run: that is what is supervised.
 * Runs alone: it kills and restarts a PostgreSQL server against a deadline, which other tests'
 * load would make flaky.
 */
describe("lethe start with its embedded PostgreSQL", () => {
  let home: string;
  let lethe: StartedLethe;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), "lethe-restart-"));
    await chmod(home, 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, LETHE_HOME: home, LETHE_PORT: String(await freePortPair()), LETHE_LOG_LEVEL: "warn" };
    delete env.DATABASE_URL;
    lethe = await startLethe(env);
  });

  afterAll(async () => {
    const code = await lethe?.stop();
    await rm(home, { recursive: true, force: true });
    expect(code, lethe?.output()).toBe(0);
  });

  async function health(): Promise<number> {
    try {
      return (await fetch(`${lethe.apiUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) })).status;
    } catch {
      return 0;
    }
  }

  async function postmasterPid(clusterDirectory: string): Promise<number> {
    const text = await readFile(path.join(clusterDirectory, "postmaster.pid"), "utf8");
    return Number(text.split("\n")[0]);
  }

  it("restarts PostgreSQL after kill -9 of the postmaster, and the API is healthy again", async () => {
    expect(await health()).toBe(200);
    const clusterDirectory = /embedded PostgreSQL in (\S+)/.exec(lethe.output())?.[1];
    expect(clusterDirectory).toBeDefined();
    const killed = await postmasterPid(clusterDirectory!);
    process.kill(killed, "SIGKILL");

    const statuses: number[] = [];
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = await health();
      statuses.push(status);
      if (status === 200 && statuses.some((each) => each !== 200)) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    // While it was down the API said so with 503 (or the probe could not connect at all), never 500.
    expect(statuses).not.toContain(500);
    expect(statuses).toContain(503);
    expect(await postmasterPid(clusterDirectory!)).not.toBe(killed);
    expect(lethe.output()).toMatch(/restarting it on port \d+/);
    expect(lethe.output()).not.toMatch(/unhandled|57P01.*\n.*at /i);

    // Still one process serving: the worker and the API survived, and keep working.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await health()).toBe(200);
  });
});
