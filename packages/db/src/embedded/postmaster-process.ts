import { setTimeout as sleep } from "node:timers/promises";
import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { loadEmbeddedPostgres } from "./embedded-postgres-module";
import { readPostmasterLock } from "./postmaster-pid";
import { findFreePort, isProcessAlive, waitUntil } from "./process-probes";
import type { EmbeddedServerState } from "./server-state";
import { forgetOnExit, stopOnExit } from "./shutdown-on-exit";

export interface RunningPostmaster {
  pid: number;
  port: number;
}

export interface LaunchOptions {
  dataDirectory: string;
  credentials: Pick<EmbeddedServerState, "user" | "password">;
  /** Run initdb first (a new cluster). */
  initialise: boolean;
  /** false: fsync off, for throwaway test clusters that need no crash safety. */
  durable: boolean;
  log: (message: string) => void;
  /** Listen on this port (a restart keeps the port its clients connect to); default a free one. */
  port?: number;
}

const startAttempts = 5;
const startTimeoutMs = 60_000;

/**
 * Starts a postmaster on a free port, running initdb first for a new cluster. A port taken
 * between choosing and binding it, or shared memory still held by the backends of a server
 * killed a moment ago, makes a start fail; both pass, so a failed start is retried.
 */
export async function launchPostmaster(options: LaunchOptions): Promise<RunningPostmaster> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recentOutput: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (line.trim() === "") continue;
      options.log(line);
      recentOutput.push(line);
      if (recentOutput.length > 15) recentOutput.shift();
    }
  };
  const describeFailure = () => (recentOutput.length > 0 ? `:\n${recentOutput.join("\n")}` : "");

  let needsInitdb = options.initialise;
  let lastError: unknown;
  for (let attempt = 1; attempt <= startAttempts; attempt++) {
    const port = options.port ?? (await findFreePort());
    const server = new EmbeddedPostgres({
      databaseDir: options.dataDirectory,
      port,
      user: options.credentials.user,
      password: options.credentials.password,
      authMethod: "scram-sha-256",
      persistent: true,
      // PostgreSQL refuses to run as root; embedded-postgres then runs it as user `postgres`.
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", ...(options.durable ? [] : ["--no-sync"])],
      postgresFlags: serverSettings(options.durable),
      onLog,
      onError: (error) => onLog(error instanceof Error ? error.message : String(error)),
    });
    if (needsInitdb) {
      try {
        await server.initialise();
      } catch (error) {
        throw new EmbeddedPostgresError(
          `initdb failed (as root, every parent directory must be searchable by user postgres)${describeFailure()}`,
          options.dataDirectory,
          { cause: error },
        );
      }
      needsInitdb = false;
    }
    try {
      await startWithin(server.start(), options.dataDirectory, port);
      const lock = await readPostmasterLock(options.dataDirectory);
      if (!lock) throw new Error("postmaster.pid is missing after start");
      stopOnExit(lock.pid);
      return { pid: lock.pid, port };
    } catch (error) {
      lastError = error;
      await sleep(300 * attempt);
    }
  }
  throw new EmbeddedPostgresError(`PostgreSQL did not start${describeFailure()}`, options.dataDirectory, {
    cause: lastError,
  });
}

/** Fast shutdown (SIGINT), escalating if the server does not go away. */
export async function stopPostmaster(pid: number): Promise<void> {
  forgetOnExit(pid);
  const signals: Array<[NodeJS.Signals, number]> = [
    ["SIGINT", 30_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ];
  for (const [signal, patienceMs] of signals) {
    if (!isProcessAlive(pid)) return;
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    if (await waitUntil(() => !isProcessAlive(pid), patienceMs)) return;
  }
}

function serverSettings(durable: boolean): string[] {
  const settings = [
    "listen_addresses=127.0.0.1",
    // TCP only: no socket file in /tmp to collide with another server's.
    "unix_socket_directories=",
    ...(durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
  ];
  return settings.flatMap((setting) => ["-c", setting]);
}

/**
 * embedded-postgres resolves start() on the "ready to accept connections" log line and rejects
 * (with nothing) when the process exits; a server that does neither is killed after a minute.
 */
async function startWithin(starting: Promise<void>, dataDirectory: string, port: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("PostgreSQL did not become ready within a minute")), startTimeoutMs);
  });
  try {
    await Promise.race([starting, timeout]);
  } catch (error) {
    // Only the server started here (on our port) is stopped, never one that was already running.
    const lock = await readPostmasterLock(dataDirectory);
    if (lock && lock.port === port && isProcessAlive(lock.pid)) await stopPostmaster(lock.pid);
    if (error === undefined || error === null) throw new Error("PostgreSQL exited during startup");
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
