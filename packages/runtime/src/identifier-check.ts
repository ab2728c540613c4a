import { InvalidIdentifierError, normaliseIdentifier, type CountryCode, type IdentifierInput } from "@lethe/core";

/**
 * The first identifier core's rules refuse, with its position, so that a caller can name the one
 * at fault before anything is filed; undefined when every one is valid. Any other error (an
 * unsupported default region) is thrown as it is.
 */
export function firstInvalidIdentifier(
  identifiers: readonly IdentifierInput[],
  defaultRegion: string,
): { index: number; error: InvalidIdentifierError } | undefined {
  for (const [index, identifier] of identifiers.entries()) {
    try {
      normaliseIdentifier(identifier, { defaultRegion: defaultRegion as CountryCode });
    } catch (error) {
      if (error instanceof InvalidIdentifierError) return { index, error };
      throw error;
    }
  }
  return undefined;
}
