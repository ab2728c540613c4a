import { spawn, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { stopPostmaster } from "./embedded/postmaster-process";
import { readPostmasterLock } from "./embedded/postmaster-pid";
import { isProcessAlive, portAnswers, waitUntil } from "./embedded/process-probes";

// These tests need the server's owner to be another process, which can die without closing.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const fixture = fileURLToPath(new URL("./embedded/server-owner.fixture.ts", import.meta.url));

let parent: string;
let dataDirectory: string;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), "lethe-owner-"));
  await chmod(parent, 0o755);
  dataDirectory = join(parent, "pg");
});

afterAll(async () => {
  // A failed test may leave a server behind; never leak a postmaster.
  const lock = await readPostmasterLock(dataDirectory);
  if (lock) await stopPostmaster(lock.pid);
  await rm(parent, { recursive: true, force: true });
});

/** Starts the fixture and resolves with the port of the server it owns. */
function startOwner(mode: "hold" | "exit"): { owner: ChildProcess; port: Promise<number> } {
  const owner = spawn(process.execPath, ["--conditions=source", "--import", tsxLoader, fixture, dataDirectory, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = new Promise<number>((resolve, reject) => {
    let output = "";
    owner.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const ready = /ready (\d+)/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    owner.once("exit", (code) => reject(new Error(`server owner exited (${code}) before it was ready`)));
  });
  return { owner, port };
}

describe("the embedded server of another process", () => {
  it("is joined while its owner lives, then adopted and stopped by the next opener once the owner is killed", async () => {
    const { owner, port } = startOwner("hold");
    const ownerPort = await port;
    try {
      const joiner = await openDatabase({ dataDirectory });
      expect(Number(new URL(joiner.url).port)).toBe(ownerPort);
      await joiner.close();
      expect(await portAnswers(ownerPort)).toBe(true);
    } finally {
      owner.kill("SIGKILL");
    }
    const ownerPid = owner.pid ?? 0;
    expect(await waitUntil(() => !isProcessAlive(ownerPid), 10_000)).toBe(true);
    expect(await portAnswers(ownerPort)).toBe(true);

    const adopter = await openDatabase({ dataDirectory });
    expect(Number(new URL(adopter.url).port)).toBe(ownerPort);
    await adopter.close();
    expect(await portAnswers(ownerPort)).toBe(false);
  });

  it("is stopped when its owner exits without closing the database", async () => {
    const { port } = startOwner("exit");
    const ownerPort = await port;
    expect(await waitUntil(async () => !(await portAnswers(ownerPort)), 30_000)).toBe(true);
    expect(await waitUntil(async () => (await readPostmasterLock(dataDirectory)) === undefined, 30_000)).toBe(true);
  });
});
