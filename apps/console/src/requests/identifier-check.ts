import type { GivenIdentifier } from "@lethe/contracts";
import type { CountryCode } from "@lethe/core/identifier-rules";

export type IdentifierCheck = { ok: true; normalised: string } | { ok: false; message: string };

/**
 * Checks an identifier with @lethe/core's own rules (the ones the API applies on filing), so the
 * form can say what is wrong while the person types. The rules come from core's isomorphic
 * `identifier-rules` entry (no Node built-ins); with libphonenumber's metadata they are loaded on
 * first use as their own chunk: only the new-request screen pays for it.
 */
export async function checkIdentifier(identifier: GivenIdentifier, defaultRegion: string): Promise<IdentifierCheck> {
  const rules = await import("@lethe/core/identifier-rules");
  // The region is the organisation's setting; one libphonenumber does not know is refused below.
  try {
    const normalised = identifier.kind === "email" ? rules.normaliseEmail(identifier.value) : rules.normalisePhone(identifier.value, defaultRegion as CountryCode);
    return { ok: true, normalised };
  } catch (error) {
    if (error instanceof rules.InvalidIdentifierError || error instanceof rules.UnsupportedRegionError) {
      return { ok: false, message: error.message };
    }
    throw error;
  }
}
