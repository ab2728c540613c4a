import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** The Ed25519 key pair that signs audit checkpoints. */
export interface CheckpointKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export interface LoadCheckpointKeyOptions {
  /** A PKCS#8 PEM Ed25519 private key read by the caller (`LETHE_AUDIT_CHECKPOINT_KEY`). */
  keyFromEnvironment?: string;
  /** Where `audit-checkpoint.key` is kept when no key is given (LETHE_HOME). */
  directory: string;
}

export const checkpointKeyFileName = "audit-checkpoint.key";

/**
 * The checkpoint signing key: the given one; else `<directory>/audit-checkpoint.key`; else a new
 * Ed25519 key written there with mode 0600 (never replacing an existing file, so checkpoints
 * signed before stay verifiable).
 */
export async function loadCheckpointKey(options: LoadCheckpointKeyOptions): Promise<CheckpointKey> {
  if (options.keyFromEnvironment !== undefined) return fromPem(options.keyFromEnvironment, "LETHE_AUDIT_CHECKPOINT_KEY");
  const path = join(options.directory, checkpointKeyFileName);
  const existing = await readFile(path, "utf8").catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing !== undefined) return fromPem(existing, path);
  await mkdir(options.directory, { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    // "wx": if another process wrote the file since we looked, keep theirs.
    await writeFile(path, pem, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") return fromPem(await readFile(path, "utf8"), path);
    throw error;
  }
  // The mode given to writeFile is filtered by the umask; make sure it is exactly 0600.
  await chmod(path, 0o600);
  return fromPem(pem, path);
}

function fromPem(pem: string, source: string): CheckpointKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem.trim());
  } catch (error) {
    throw new Error(`${source} is not a PEM private key`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${source} must be an Ed25519 key`);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
