import { commandHint } from "./command-hint";
import type { LetheEnvironment } from "./env";

/**
 * The command a request in `status` waits for from a person, if any: identity verification or
 * the review of its plan. Other states move on by themselves (a worker runs them) or are final.
 */
export function nextStepHint(env: Pick<LetheEnvironment, "commandPrefix">, status: string, id: string): string | undefined {
  if (status === "verifying") return `Next: attest the requester's identity: ${commandHint(env, "request", "verify", id, "--attest", "<how it was checked>")}`;
  if (status === "review") return `Next: review its plan: ${commandHint(env, "request", "plan", id)}`;
  return undefined;
}
