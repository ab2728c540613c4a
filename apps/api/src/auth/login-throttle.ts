import type { LoginKeys } from "@lethe/runtime";
import { tokenHash } from "./secret-tokens";

/**
 * The keys a sign-in is throttled by (the runtime's `takeLoginAttempt`):
 * the account and the client address, hashed, so the throttle table holds no e-mail address or IP.
 */
export function loginKeys(email: string, address: string): LoginKeys {
  return { account: tokenHash(`account:${email.toLowerCase()}`), address: tokenHash(`address:${address}`) };
}
