/**
 * @lethe/core's audit chain imports `createHash` from `node:crypto`. The console never hashes the
 * chain (the API verifies it), but bundling core for its identifier rules needs the name to exist.
 */
export function createHash(): never {
  throw new Error("the audit chain is verified by the API; hashing is not available in the console");
}

/** @lethe/core's identifier hash (suppression lists, person holds) is keyed on the server; the console never computes it. */
export function createHmac(): never {
  throw new Error("identifier hashes are computed by the server; keyed hashing is not available in the console");
}
