import { mkdir, readdir, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { launchPostmaster, stopPostmaster, type RunningPostmaster } from "./postmaster-process";
import { readPostmasterLock, removePostmasterLock } from "./postmaster-pid";
import { supervisePostmaster, type PostmasterSupervisor } from "./postmaster-supervisor";
import { isPostmasterOf, isProcessAlive, portAnswers, waitUntil } from "./process-probes";
import {
  newServerCredentials,
  readServerState,
  serverStatePath,
  writeServerState,
  type EmbeddedServerState,
} from "./server-state";
import { stopOnExit } from "./shutdown-on-exit";
import { withStartupLock } from "./startup-lock";

/** A PostgreSQL server running on an embedded cluster, started or joined by this process. */
export interface EmbeddedServer {
  readonly dataDirectory: string;
  readonly port: number;
  /** This process started the server (or adopted it from a crashed owner) and stops it on release. */
  readonly owned: boolean;
  /** Superuser URL of database `database` on this server. */
  urlFor(database: string): string;
  /**
   * Restarts the server on the same port whenever its postmaster dies, until release. Only an
   * owned server is supervised (a joined one is its owner's to keep); returns whether it is.
   * `report` hears of each death and restart (default: the server's log).
   */
  supervise(report?: (message: string) => void): boolean;
  /** Stops the server if owned; otherwise leaves it to its owner. Safe to call twice. */
  release(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** The cluster (PGDATA). Created by initdb on first use; its parent must be writable. */
  dataDirectory: string;
  log?: (message: string) => void;
  /** false: fsync off, for throwaway test clusters. Default true. */
  durable?: boolean;
}

/**
 * Starts the cluster in `dataDirectory`, or joins the server already running on it. Decisions
 * are taken under a startup lock file so that concurrent starters agree on one server:
 * - no cluster yet: initdb with a fresh password (kept in `<dataDirectory>.server.json`), start;
 * - a live postmaster answering on its port: join it; it is stopped by its owner, unless the
 *   owner process is gone, in which case this process adopts it;
 * - a postmaster.pid left by a crash: start (PostgreSQL clears it), after removing it if its pid
 *   now belongs to some other process.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const dataDirectory = resolve(options.dataDirectory);
  const log = options.log ?? (() => undefined);
  await mkdir(dirname(dataDirectory), { recursive: true });
  return withStartupLock(lockPath(dataDirectory), async () => {
    const initialised = await isInitialised(dataDirectory);
    let state = await readServerState(dataDirectory);
    if (initialised) {
      if (!state) {
        throw new EmbeddedPostgresError(
          `the cluster exists but ${serverStatePath(dataDirectory)}, which holds its password, is missing; remove the data directory to start over`,
          dataDirectory,
        );
      }
      const running = await findRunningPostmaster(dataDirectory, log);
      if (running) {
        const ownerAlive = state.ownerPid !== undefined && isProcessAlive(state.ownerPid);
        if (ownerAlive) {
          log(`joining PostgreSQL (pid ${running.pid}) on port ${running.port}, run by process ${state.ownerPid}`);
          return serverHandle(dataDirectory, state, running, false, options);
        }
        log(`adopting PostgreSQL (pid ${running.pid}) on port ${running.port}: its owner process is gone`);
        await writeServerState(dataDirectory, { ...credentialsOf(state), ...running, ownerPid: process.pid });
        stopOnExit(running.pid);
        return serverHandle(dataDirectory, state, running, true, options);
      }
    } else {
      await assertInitdbCanUse(dataDirectory);
      state = newServerCredentials();
      // Before initdb, so that a cluster never exists without its password on disk.
      await writeServerState(dataDirectory, state);
    }
    log(initialised ? "starting PostgreSQL" : "initialising a new PostgreSQL cluster");
    const started = await launchPostmaster({
      dataDirectory,
      credentials: state,
      initialise: !initialised,
      durable: options.durable ?? true,
      log,
    });
    await writeServerState(dataDirectory, { ...credentialsOf(state), ...started, ownerPid: process.pid });
    log(`PostgreSQL (pid ${started.pid}) is ready on port ${started.port}`);
    return serverHandle(dataDirectory, state, started, true, options);
  });
}

function serverHandle(
  dataDirectory: string,
  credentials: EmbeddedServerState,
  running: RunningPostmaster,
  owned: boolean,
  options: EmbeddedServerOptions,
): EmbeddedServer {
  let released = false;
  let supervisor: PostmasterSupervisor | undefined;
  return {
    dataDirectory,
    port: running.port,
    owned,
    urlFor: (database) =>
      `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${running.port}/${encodeURIComponent(database)}`,
    supervise: (report) => {
      if (!owned || released) return false;
      supervisor ??= supervisePostmaster({
        dataDirectory,
        credentials,
        running,
        durable: options.durable ?? true,
        log: options.log ?? (() => undefined),
        report: report ?? options.log ?? (() => undefined),
        withLock: (work) => withStartupLock(lockPath(dataDirectory), work),
        recordRunning: (restarted) =>
          writeServerState(dataDirectory, { ...credentialsOf(credentials), ...restarted, ownerPid: process.pid }),
      });
      return true;
    },
    release: async () => {
      if (released || !owned) {
        released = true;
        return;
      }
      released = true;
      await supervisor?.stop();
      const current = supervisor?.current() ?? running;
      await withStartupLock(lockPath(dataDirectory), async () => {
        await stopPostmaster(current.pid);
        // Another process may have started a new server after ours died; leave its record alone.
        const state = await readServerState(dataDirectory);
        if (state?.pid === current.pid) await writeServerState(dataDirectory, credentialsOf(state));
      });
    },
  };
}

async function findRunningPostmaster(
  dataDirectory: string,
  log: (message: string) => void,
): Promise<RunningPostmaster | undefined> {
  const found = await readPostmasterLock(dataDirectory);
  // A pid that is gone (a crash) is left for PostgreSQL to judge: its own check also makes sure
  // no orphaned backend of the dead server still uses the cluster's shared memory.
  if (!found || !isProcessAlive(found.pid)) return undefined;
  if (!(await isPostmasterOf(found.pid, dataDirectory))) {
    log(`removing stale postmaster.pid: process ${found.pid} is not this cluster's PostgreSQL`);
    await removePostmasterLock(dataDirectory);
    return undefined;
  }
  // A server that is still starting (or stopping) is waited for, not raced.
  let current = found;
  const settled = await waitUntil(
    async () => {
      if (!isProcessAlive(found.pid)) return true;
      current = (await readPostmasterLock(dataDirectory)) ?? current;
      return current.status === "ready" && (await portAnswers(current.port));
    },
    30_000,
    100,
  );
  if (!isProcessAlive(found.pid)) return undefined;
  if (!settled) {
    throw new EmbeddedPostgresError(
      `PostgreSQL process ${found.pid} holds the cluster but does not accept connections on port ${current.port}`,
      dataDirectory,
    );
  }
  return { pid: found.pid, port: current.port };
}

async function isInitialised(dataDirectory: string): Promise<boolean> {
  return (await stat(join(dataDirectory, "PG_VERSION")).catch(() => undefined)) !== undefined;
}

async function assertInitdbCanUse(dataDirectory: string): Promise<void> {
  const entries = await readdir(dataDirectory).catch(() => []);
  if (entries.length > 0) {
    throw new EmbeddedPostgresError("the directory is not empty and holds no PostgreSQL cluster", dataDirectory);
  }
}

function credentialsOf(state: EmbeddedServerState): EmbeddedServerState {
  return { user: state.user, password: state.password };
}

function lockPath(dataDirectory: string): string {
  return `${dataDirectory}.lock`;
}
