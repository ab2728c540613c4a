import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SecretKeyError } from "./secret-key-error";

export { SecretKeyError };

export interface LoadSecretKeyOptions {
  /** The value of LETHE_SECRET_KEY, read by the caller: 32 bytes as base64 or 64 hex digits. */
  keyFromEnvironment?: string;
  /** Where `secret.key` is kept when no key is given (usually `.lethe`). */
  directory: string;
}

const keyBytes = 32;
const hexKey = /^[0-9a-fA-F]{64}$/;
const base64Key = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * The key that seals connector secrets at rest: the given one; else `<directory>/secret.key`;
 * else a new random key written there with mode 0600. Losing the key makes stored connector
 * secrets unreadable, so an existing file is never replaced.
 */
export async function loadSecretKey(options: LoadSecretKeyOptions): Promise<Buffer> {
  if (options.keyFromEnvironment !== undefined) {
    return decodeKey(options.keyFromEnvironment, "LETHE_SECRET_KEY");
  }
  const path = join(options.directory, "secret.key");
  const existing = await readKeyFile(path);
  if (existing !== undefined) return decodeKey(existing, path);

  await mkdir(options.directory, { recursive: true, mode: 0o700 });
  const key = randomBytes(keyBytes);
  try {
    // "wx": if another starter wrote the file since we looked, keep theirs.
    await writeFile(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      const written = await readKeyFile(path);
      if (written !== undefined) return decodeKey(written, path);
    }
    throw new SecretKeyError(`could not write a new secret key to ${path}`, { cause: error });
  }
  // The mode given to writeFile is filtered by the umask; make sure it is exactly 0600.
  await chmod(path, 0o600);
  return key;
}

async function readKeyFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw new SecretKeyError(`could not read the secret key from ${path}`, { cause: error });
  }
}

function decodeKey(encoded: string, source: string): Buffer {
  const text = encoded.trim();
  if (hexKey.test(text)) return Buffer.from(text, "hex");
  if (base64Key.test(text)) {
    const key = Buffer.from(text.replaceAll("-", "+").replaceAll("_", "/"), "base64");
    if (key.length === keyBytes) return key;
  }
  throw new SecretKeyError(
    `${source} must hold a ${keyBytes}-byte key as base64 (44 characters) or hex (64 characters); ` +
      `it holds ${text.length} characters that are neither (generate one with: openssl rand -base64 32)`,
  );
}
