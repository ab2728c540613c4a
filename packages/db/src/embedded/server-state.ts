import { randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * What Lethe keeps beside an embedded cluster (`<data directory>.server.json`, mode 0600):
 * the superuser password chosen at initdb, and while a server runs its port, the postmaster's
 * pid and the pid of the process that owns (and will stop) it.
 */
export interface EmbeddedServerState {
  user: string;
  password: string;
  port?: number;
  pid?: number;
  ownerPid?: number;
}

export function serverStatePath(dataDirectory: string): string {
  return join(dirname(dataDirectory), `${basename(dataDirectory)}.server.json`);
}

export function newServerCredentials(): EmbeddedServerState {
  return { user: "postgres", password: randomBytes(24).toString("base64url") };
}

export async function readServerState(dataDirectory: string): Promise<EmbeddedServerState | undefined> {
  let text: string;
  try {
    text = await readFile(serverStatePath(dataDirectory), "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  return parseServerState(JSON.parse(text));
}

/** Written to a temporary file and renamed, so a reader never sees half a file. */
export async function writeServerState(dataDirectory: string, state: EmbeddedServerState): Promise<void> {
  const path = serverStatePath(dataDirectory);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

function parseServerState(raw: unknown): EmbeddedServerState | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const user = "user" in raw ? raw.user : undefined;
  const password = "password" in raw ? raw.password : undefined;
  if (typeof user !== "string" || typeof password !== "string") return undefined;
  return {
    user,
    password,
    port: "port" in raw ? positiveInteger(raw.port) : undefined,
    pid: "pid" in raw ? positiveInteger(raw.pid) : undefined,
    ownerPid: "ownerPid" in raw ? positiveInteger(raw.ownerPid) : undefined,
  };
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}
