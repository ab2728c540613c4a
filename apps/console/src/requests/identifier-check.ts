import type { GivenIdentifier } from "@lethe/contracts";

export type IdentifierCheck = { ok: true; normalised: string } | { ok: false; message: string };

/**
 * Checks an identifier with @lethe/core's own rules (the ones the API applies on filing), so the
 * form can say what is wrong while the person types. Core, with libphonenumber's metadata, is
 * loaded on first use as its own chunk: only the new-request screen pays for it.
 */
export async function checkIdentifier(identifier: GivenIdentifier, defaultRegion: string): Promise<IdentifierCheck> {
  const rules = await import("lethe:identifier-rules");
  try {
    const normalised = identifier.kind === "email" ? rules.normaliseEmail(identifier.value) : rules.normalisePhone(identifier.value, defaultRegion);
    return { ok: true, normalised };
  } catch (error) {
    if (error instanceof rules.InvalidIdentifierError || error instanceof rules.UnsupportedRegionError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
