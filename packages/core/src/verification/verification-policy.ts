import { requestTypes, type RequestType } from "../requests/request-vocabulary";

/**
 * Which request types wait in `verifying` until the subject's identity is confirmed (Art. 12(6)).
 * Access and portability always do: handing a person's data to someone who merely knows their
 * e-mail address would be a breach, so no configuration can switch them off.
 */
export const alwaysVerifiedRequestTypes: readonly RequestType[] = ["access", "portability"];

export class InvalidVerificationPolicyError extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a request type (${requestTypes.join(", ")})`);
    this.name = "InvalidVerificationPolicyError";
  }
}

/**
 * Reads `LETHE_VERIFY_REQUEST_TYPES` (comma-separated request types; default `access,portability`)
 * into the set of types that need verification, always with access and portability.
 */
export function parseVerificationPolicy(value: string | undefined): ReadonlySet<RequestType> {
  const types = new Set<RequestType>(alwaysVerifiedRequestTypes);
  for (const raw of (value ?? "").split(",")) {
    const name = raw.trim();
    if (name === "") continue;
    const type = requestTypes.find((candidate) => candidate === name);
    if (!type) throw new InvalidVerificationPolicyError(name);
    types.add(type);
  }
  return types;
}

export function needsVerification(type: RequestType, policy: ReadonlySet<RequestType> | undefined): boolean {
  return alwaysVerifiedRequestTypes.includes(type) || (policy?.has(type) ?? false);
}
