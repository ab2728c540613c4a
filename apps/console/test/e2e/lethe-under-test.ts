import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLocalUser } from "@lethe/api";
import type { Role } from "@lethe/contracts";
import { openDatabase, type Database } from "@lethe/db";
import { createTestDatabase } from "@lethe/db/testing";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
/** The built `lethe` (`pnpm build`), as the README's `pnpm lethe start` runs it. */
const bin = path.join(repositoryRoot, "apps/cli/dist/bin.js");

export interface LetheUnderTest {
  /** Where the console is served, e.g. `http://127.0.0.1:31234`. */
  url: string;
  sandboxUrl: string;
  /** The demo Salesforce sandbox `lethe start` runs (seed 1). */
  salesforceSandboxUrl: string;
  output(): string;
  /** Adds a console user through the API's own `createLocalUser` (what `lethe user create` calls), without its password prompt. */
  addUser(user: { email: string; role: Role; password: string }): Promise<void>;
  /** Ctrl-C, waits for a clean exit, drops the temporary home and database; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real `lethe start` in a child process, as a new user would: a fresh LETHE_HOME with
 * the embedded PostgreSQL, or (CI's second run, DATABASE_URL set) an isolated test database.
 */
export async function startLetheUnderTest(
  bootstrapAdmin: { email: string; password: string },
  timeoutMs = 150_000,
): Promise<LetheUnderTest> {
  const home = await mkdtemp(path.join(tmpdir(), "lethe-console-e2e-"));
  // mkdtemp makes it private (0700); the embedded server runs as another user when we are root.
  await chmod(home, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, LETHE_HOME: home, LETHE_PORT: String(await freePortRun()), LETHE_LOG_LEVEL: "warn" };
  // The README's first-run path: `lethe start` creates this admin when no user exists yet.
  env.LETHE_BOOTSTRAP_ADMIN_EMAIL = bootstrapAdmin.email;
  env.LETHE_BOOTSTRAP_ADMIN_PASSWORD = bootstrapAdmin.password;
  delete env.DATABASE_URL;
  let dropTestDatabase: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    const testDatabase = await createTestDatabase();
    env.DATABASE_URL = testDatabase.url;
    dropTestDatabase = () => testDatabase.close();
  }

  const child = spawn(process.execPath, [bin, "start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));

  const cleanUp = async () => {
    await dropTestDatabase?.();
    await rm(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (!/Lethe is running\.[\s\S]*Ctrl-C/.test(output)) {
    if (child.exitCode !== null) {
      await cleanUp();
      throw new Error(`lethe start exited early:\n${output}`);
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      await exited;
      await cleanUp();
      throw new Error(`lethe start did not come up in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = /console\/API\s+(http\S+?)\/?\s/.exec(output)?.[1];
  const sandboxUrl = /sandbox\s+reference at (\S+)/.exec(output)?.[1];
  const salesforceSandboxUrl = /sandbox\s+salesforce at (\S+)/.exec(output)?.[1];
  if (!url || !sandboxUrl || !salesforceSandboxUrl) {
    child.kill("SIGINT");
    await exited;
    await cleanUp();
    throw new Error(`lethe start did not print the console and sandbox URLs:\n${output}`);
  }

  let database: Database | undefined;
  return {
    url,
    sandboxUrl,
    salesforceSandboxUrl,
    output: () => output,
    addUser: async (user) => {
      // Joins the server `lethe start` owns (embedded) or the test database.
      database ??= await openDatabase({ databaseUrl: env.DATABASE_URL, dataDirectory: path.join(home, "pg") });
      await createLocalUser(database, { ...user, actor: "e2e bootstrap" });
    },
    stop: async () => {
      await database?.close();
      child.kill("SIGINT");
      const code = await exited;
      await cleanUp();
      return code;
    },
  };
}

/** Ports `lethe start` takes: the API's and, after it, one per demo sandbox (four installed, room for more). */
const portsNeeded = 8;

/** A run of free ports starting at the returned one. */
async function freePortRun(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    let free = true;
    for (let offset = 0; offset < portsNeeded && free; offset += 1) free = await isFree(port + offset);
    if (free) return port;
  }
  throw new Error("no free run of ports found");
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
