/**
 * Every failure a connector meets is one of these. The runtime decides from the class alone
 * whether to retry (Transient, RateLimited), pause the instance (RateLimited, Auth) or stop.
 */
export abstract class ConnectorError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The credentials were refused (401, bad OAuth client). Not retried. */
export class AuthError extends ConnectorError {
  readonly code = "auth";
}

/** Authenticated but not allowed to do this (403 on a scope). Not retried. */
export class ScopeError extends ConnectorError {
  readonly code = "scope";
}

/** The vendor asked us to wait longer than is worth waiting inline. The runtime reschedules. */
export class RateLimitedError extends ConnectorError {
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A fault that may pass: 5xx, reset connection, timeout. The runtime retries with backoff, within
 * the task's budget (docs/connectors.md, "Retry policy"), waiting at least `retryAfterMs` when the
 * vendor named a wait.
 */
export class TransientError extends ConnectorError {
  readonly code = "transient";
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterMs?: number | undefined }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * The vendor answered with something that does not match its documented shape.
 * Never swallowed: dropping a malformed record would hide personal data from the subject.
 * A garbled answer is usually the transport's doing, so the runtime runs the task again a few
 * times before it counts the breach as persistent and fails the task.
 */
export class VendorContractError extends ConnectorError {
  readonly code = "vendor_contract";
  constructor(
    message: string,
    readonly details: { route?: string; recordType?: string; recordId?: string; issues?: unknown } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Settings or secrets that do not parse. Not retried. */
export class ConfigurationError extends ConnectorError {
  readonly code = "configuration";
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
