import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Database } from "./database";
import { readPostmasterLock } from "./embedded/postmaster-pid";
import { isProcessAlive, portAnswers, waitUntil } from "./embedded/process-probes";
import { requests } from "./schema";

// One cluster for the file: initdb is the slow part, and reuse across opens is what is tested.
let parent: string;
let dataDirectory: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), "lethe-embedded-"));
  // As root the server runs as user postgres, which must be able to enter the directory.
  await chmod(parent, 0o755);
  dataDirectory = join(parent, "pg");
});

afterAll(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function insertRequest(database: Database, timeZone: string): Promise<void> {
  await database.db.insert(requests).values({
    type: "access",
    regime: "gdpr",
    status: "received",
    receivedAt: new Date("2025-01-06T09:00:00Z"),
    dueAt: new Date("2025-02-06T09:00:00Z"),
    timeZone,
  });
}

async function timeZonesStored(database: Database): Promise<string[]> {
  const rows = await database.db.select({ timeZone: requests.timeZone }).from(requests);
  return rows.map((row) => row.timeZone).sort();
}

function portOf(database: Database): number {
  return Number(new URL(database.url).port);
}

describe("openDatabase without a URL", () => {
  it("initialises a cluster, creates the migrated lethe database and keeps rows across close and reopen", async () => {
    const first = await openDatabase({ dataDirectory });
    expect(first.embedded).toBe(true);
    expect(new URL(first.url).pathname).toBe("/lethe");
    await insertRequest(first, "Europe/Berlin");
    const firstPort = portOf(first);
    await first.close();
    expect(await portAnswers(firstPort)).toBe(false);
    expect(await readPostmasterLock(dataDirectory)).toBeUndefined();

    const reopened = await openDatabase({ dataDirectory });
    try {
      expect(await timeZonesStored(reopened)).toEqual(["Europe/Berlin"]);
    } finally {
      await reopened.close();
    }
  });

  it("keeps the password beside the cluster in a file only its owner can read", async () => {
    await (await openDatabase({ dataDirectory })).close();
    const state = join(parent, "pg.server.json");
    expect((await stat(state)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(state, "utf8"))).toMatchObject({ user: "postgres", password: expect.any(String) });
  });

  it("joins the server already running on the directory and leaves it to its owner on close", async () => {
    const owner = await openDatabase({ dataDirectory });
    const joiner = await openDatabase({ dataDirectory });
    try {
      expect(portOf(joiner)).toBe(portOf(owner));
      await insertRequest(owner, "Europe/Paris");
      expect(await timeZonesStored(joiner)).toContain("Europe/Paris");
      await joiner.close();
      expect(await timeZonesStored(owner)).toContain("Europe/Paris");
    } finally {
      await joiner.close();
      await owner.close();
    }
    expect(await portAnswers(portOf(owner))).toBe(false);
  });

  it("starts again after the server was killed, leaving a stale postmaster.pid, with committed rows intact", async () => {
    const crashed = await openDatabase({ dataDirectory });
    await insertRequest(crashed, "Europe/Madrid");
    const lock = await readPostmasterLock(dataDirectory);
    expect(lock).toBeDefined();
    const pid = lock?.pid ?? 0;
    process.kill(pid, "SIGKILL");
    expect(await waitUntil(() => !isProcessAlive(pid), 10_000)).toBe(true);
    expect(await readPostmasterLock(dataDirectory)).toMatchObject({ pid });

    const restarted = await openDatabase({ dataDirectory });
    try {
      expect(portOf(restarted)).not.toBe(portOf(crashed));
      expect(await timeZonesStored(restarted)).toContain("Europe/Madrid");
    } finally {
      await restarted.close();
      await crashed.close();
    }
  });

  it("writes nothing to stdout unless given a log, and passes the server's log to it", async () => {
    const stdout = vi.spyOn(process.stdout, "write");
    try {
      await (await openDatabase({ dataDirectory })).close();
      expect(stdout).not.toHaveBeenCalled();
    } finally {
      stdout.mockRestore();
    }
    const lines: string[] = [];
    await (await openDatabase({ dataDirectory, log: (line) => lines.push(line) })).close();
    expect(lines.some((line) => line.includes("ready to accept connections"))).toBe(true);
  });
});
