/**
 * @lethe/core's audit chain imports `createHash` from `node:crypto`. The console never hashes the
 * chain (the API verifies it), but bundling core for its identifier rules needs the name to exist.
 */
export function createHash(): never {
  throw new Error("the audit chain is verified by the API; hashing is not available in the console");
}
