/**
 * The typed errors of the layers below that callers of the runtime (the API) tell apart, so that
 * they need not import @lethe/core or @lethe/db.
 */
export {
  IllegalTransitionError,
  InvalidExtensionError,
  InvalidIdentifierError,
  InvalidTimeZoneError,
  UnsupportedRegionError,
} from "@lethe/core";
export {
  ConnectorInstanceInUseError,
  DuplicateInstanceNameError,
  DuplicateUserError,
  LegalHoldEndedError,
  RequestNotFoundError,
} from "@lethe/db";
/** A connector's classified failure (auth, scope, rate limit, transient, vendor contract). */
export { ConnectorError } from "@lethe/connector-sdk";
