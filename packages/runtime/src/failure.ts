import {
  ConnectorError,
  createSecretScrubber,
  RateLimitedError,
  redactIdentifierShapes,
  TransientError,
} from "@lethe/connector-sdk";
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
  /** Might pass: retried with backoff until the job's attempts run out. */
  | { kind: "transient" }
  /** Will not pass by retrying (bad credentials, missing scope, a payload off the contract). */
  | { kind: "permanent" };

/**
 * Decides from the error's class alone what happens next (docs/connectors.md: connectors classify,
 * the runtime retries). Errors of no known class — a dropped database connection, a bug — are
 * retried like transient faults; when the attempts run out they fail the task permanently.
 */
export function classifyFailure(error: unknown, signal?: AbortSignal): FailureKind {
  if (signal?.aborted) return { kind: "aborted" };
  if (error instanceof RateLimitedError) return { kind: "rate_limited", retryAfterMs: error.retryAfterMs };
  if (error instanceof TransientError) return { kind: "transient" };
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
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : `non-error thrown: ${String(error)}`;
  const clean = redactIdentifierShapes(scrubKnown(withholdQueryParameters(text)));
  return clean.length > 500 ? `${clean.slice(0, 497)}...` : clean;
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
