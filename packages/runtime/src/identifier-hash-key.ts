import type { SecretSealer } from "@lethe/db";

/** The HKDF purpose of the identifier hash key; changing it orphans every stored hash. */
export const identifierHashPurpose = "identifier-hash/v1";

/**
 * The key of the keyed identifier hashes (suppression list, person-level legal holds), derived
 * from the configured secret key (LETHE_SECRET_KEY or the key file in LETHE_HOME) so that there is
 * one secret to keep, and hashes stay comparable across workers and restarts.
 */
export function identifierHashKey(deps: { secretBox: SecretSealer }): Buffer {
  if (!deps.secretBox.deriveKey) {
    throw new Error("This secret sealer cannot derive keys: configure Lethe with a secret key (LETHE_SECRET_KEY).");
  }
  return deps.secretBox.deriveKey(identifierHashPurpose);
}
