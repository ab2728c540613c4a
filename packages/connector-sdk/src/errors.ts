/**
 * Every failure a connector meets is one of these. The runtime decides from the class alone
 * whether to retry (Transient, RateLimited), pause the instance (RateLimited, Auth) or stop.
 */
export abstract class ConnectorError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    Object.defineProperty(this, lineageKey, { value: lineageOf(new.target) });
  }

  /**
   * `instanceof` also across copies of this SDK: a connector plugin installed from npm brings its
   * own copy, whose `TransientError` is another class than the host's, yet must be retried as one.
   * An error of any copy carries the names of the classes it descends from under a registered
   * symbol, which every copy reads.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const lineage = typeof value === "object" && value !== null ? (value as Record<symbol, unknown>)[lineageKey] : undefined;
    return Array.isArray(lineage) && lineage.includes(this.name);
  }
}

const lineageKey = Symbol.for("@lethe/connector-sdk:error-lineage");

/** The class names from the thrown class up to Error (exclusive). */
function lineageOf(constructor: abstract new (...args: never[]) => unknown): string[] {
  const names: string[] = [];
  for (let current: unknown = constructor; typeof current === "function" && current !== Error; current = Object.getPrototypeOf(current)) {
    names.push((current as { name: string }).name);
  }
  return names;
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
