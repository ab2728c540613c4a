import {
  AuthError,
  ConfigurationError,
  ConnectorError,
  createSecretScrubber,
  describeNetworkError,
  isNetworkError,
  RateLimitedError,
  redactIdentifierShapes,
  ScopeError,
  TransientError,
  VendorContractError,
} from "@lethe/connector-sdk";
import { BinarySizeMismatchError } from "./export/errors";
import { withholdQueryParameters } from "./errors/error-summary";

/**
 * A connector broke the contract in a way the runtime caught (a receipt for a record it was not
 * asked to erase, no receipt for one it was). Never retried: the same code does the same again.
 */
export class ConnectorProtocolError extends Error {
  readonly code = "connector_protocol";
  constructor(message: string) {
    super(message);
    this.name = "ConnectorProtocolError";
  }
}

export type FailureKind =
  /** The worker is shutting down; the job is retried elsewhere or later. */
  | { kind: "aborted" }
  /** The vendor (or our shared budget) asks to wait: reschedule, pause the instance. */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** Might pass: retried with backoff within the task's budget (tasks/retry-policy.ts). */
  | { kind: "transient"; retryAfterMs?: number }
  /**
   * The vendor's answer broke its contract (a garbled page, a file of the wrong size). Nearly
   * always the transport's doing, so retried a few times; if it keeps happening it is persistent.
   */
  | { kind: "contract"; at: string }
  /** Will not pass by retrying (bad credentials, missing scope, a payload off the contract). */
  | { kind: "permanent" };

/**
 * Decides from the error's class alone what happens next (docs/connectors.md: connectors classify,
 * the runtime retries). fetch's own `TypeError: fetch failed` / `terminated` (a connection reset
 * outside the HTTP client's retries) is transient. Errors of no known class — a dropped database
 * connection, a bug — are retried like transient faults; when the budget runs out they fail the
 * task permanently.
 */
export function classifyFailure(error: unknown, signal?: AbortSignal): FailureKind {
  if (signal?.aborted) return { kind: "aborted" };
  if (error instanceof RateLimitedError) return { kind: "rate_limited", retryAfterMs: error.retryAfterMs };
  if (error instanceof TransientError) {
    return error.retryAfterMs === undefined ? { kind: "transient" } : { kind: "transient", retryAfterMs: error.retryAfterMs };
  }
  if (isNetworkError(error)) return { kind: "transient" };
  // Where the answer was garbled (a route, a record type: never a value), to tell a vendor that
  // garbles the same answer every time from a transport that garbles a different one each time.
  if (error instanceof VendorContractError) return { kind: "contract", at: error.details.route ?? error.details.recordType ?? "unknown" };
  if (error instanceof BinarySizeMismatchError) return { kind: "contract", at: `binary ${error.details.ref.type}` };
  if (error instanceof ConnectorError || error instanceof ConnectorProtocolError) return { kind: "permanent" };
  if (hasCode(error) && !isDatabaseOrNetworkCode(error.code)) return { kind: "permanent" };
  return { kind: "transient" };
}

/**
 * One line for `request_tasks.last_error` and the request's outcome: the error's class and
 * message with every known secret and identifier value, and anything shaped like an e-mail
 * address or phone number, replaced by `[redacted]`; a failed query's parameter list is withheld.
 */
export function describeFailure(error: unknown, sensitiveValues: readonly string[]): string {
  const scrubKnown = createSecretScrubber(sensitiveValues);
  const text = !(error instanceof Error)
    ? `non-error thrown: ${String(error)}`
    : !(error instanceof ConnectorError) && isNetworkError(error)
      ? `TransientError: the network failed: ${describeNetworkError(error)}`
      : `${error.name}: ${error.message || "(no message)"}`;
  const clean = redactIdentifierShapes(scrubKnown(withholdQueryParameters(text)));
  return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean;
}

/**
 * What the officer should do about a task that failed for good, in plain words, to follow the
 * error line in the request's reasons (which already name the system and the phase).
 */
export function adviceFor(error: unknown, failure: FailureKind, spent?: { attempts: number; minutes: number }): string {
  const tried = spent ? ` (tried ${spent.attempts} time${spent.attempts === 1 ? "" : "s"} over ${spent.minutes} min)` : "";
  if (error instanceof AuthError) {
    return "The system refused Lethe's credentials: renew them in the connector instance's secrets, then file the request again for this system.";
  }
  if (error instanceof ScopeError) {
    return "The credentials lack a permission this step needs: grant it to the integration user, then file the request again for this system.";
  }
  if (error instanceof ConfigurationError) return "Fix the connector instance's settings or secrets, then file the request again for this system.";
  if (error instanceof ConnectorProtocolError) return "The connector broke its contract with Lethe: report it to the connector's maintainers.";
  switch (failure.kind) {
    case "contract":
      return `The system kept answering in a form Lethe does not understand${tried}: check the vendor's status and whether its API changed, and report it to the connector's maintainers if it persists.`;
    case "transient":
      return `The system kept failing${tried}: check that it is up and reachable, then file the request again for this system.`;
    case "rate_limited":
      return "The system kept asking Lethe to wait: check the instance's API quota, then file the request again for this system.";
    default:
      return error instanceof ConnectorError || (error instanceof Error && "code" in error)
        ? "Check the system and the connector instance, then file the request again for this system."
        : "An unexpected error in the connector or in Lethe: report it with the request's id.";
  }
}

function hasCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string";
}

/**
 * Errors of our own typed families (export bundle, lifecycle) carry a lower-case `code`;
 * PostgreSQL's SQLSTATEs (`40P01`), postgres.js's `CONNECTION_CLOSED` and Node's `ECONNRESET`
 * are upper-case, and worth retrying.
 */
function isDatabaseOrNetworkCode(code: string): boolean {
  return /^[0-9A-Z_]+$/.test(code);
}
