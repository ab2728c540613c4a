import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/**
 * scrypt (memory-hard, in node:crypto: no native build) cost parameters. The default needs
 * 64 MiB and ~100–200 ms per hash on one core: a leaked hash costs a guesser the same per try.
 * Tests pass a cheaper cost; the cost is stored in each hash, so raising it later keeps old
 * hashes verifiable.
 */
export interface PasswordHashCost {
  N: number;
  r: number;
  p: number;
}

export const defaultPasswordHashCost: PasswordHashCost = { N: 2 ** 16, r: 8, p: 1 };

const keyLength = 32;

function derive(password: string, salt: Buffer, cost: PasswordHashCost): Promise<Buffer> {
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<N>$<r>$<p>$<salt b64>$<key b64>` */
export async function hashPassword(password: string, cost: PasswordHashCost = defaultPasswordHashCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash to verify against when the account does not exist, so that an unknown e-mail costs as
 * long as a wrong password (no account enumeration by timing).
 */
export function decoyPasswordHash(cost: PasswordHashCost): Promise<string> {
  return hashPassword(randomBytes(16).toString("hex"), cost);
}
