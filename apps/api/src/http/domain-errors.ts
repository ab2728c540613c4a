import {
  ConnectorInstanceInUseError,
  DuplicateInstanceNameError,
  IllegalTransitionError,
  InvalidExtensionError,
  InvalidIdentifierError,
  InvalidTimeZoneError,
  UnsupportedRegionError,
  RequestNotFoundError,
  InvalidInstanceConfigurationError,
  InvalidRequestError,
  InvalidRequestParametersError,
  MissingIdentifierError,
  NoticeInFutureError,
  NotVerifyingError,
  RequestClosedError,
  VerificationCodeError,
  UnknownConnectorError,
  UnknownConnectorInstanceError,
  RefusedWebhookUrlError,
  DuplicateRetentionScheduleError,
  InvalidRetentionScheduleError,
  RetentionNotApprovedError,
  RetentionPreviewMismatchError,
  RetentionRunNotFoundError,
  RetentionScheduleFromFileError,
  RetentionScheduleNotFoundError,
} from "@lethe/runtime";
import { ApiError } from "../api-error";

/**
 * The engine's typed errors as the client should see them. Messages of these errors are written
 * to be shown (they name fields and rules, never a value that could be a secret).
 */
export function domainErrorToApiError(error: unknown): ApiError | undefined {
  if (error instanceof RequestNotFoundError || error instanceof UnknownConnectorInstanceError) {
    return new ApiError(404, "not_found", error.message);
  }
  if (error instanceof IllegalTransitionError || error instanceof RequestClosedError) {
    return new ApiError(409, "invalid_transition", error.message);
  }
  if (error instanceof NoticeInFutureError) {
    return new ApiError(400, "validation_failed", error.message, [{ path: "body.noticeAt", message: error.message }]);
  }
  if (error instanceof NotVerifyingError) {
    return new ApiError(409, "invalid_transition", error.message);
  }
  if (error instanceof VerificationCodeError) {
    const details = { reason: error.reason, ...(error.attemptsLeft === undefined ? {} : { attemptsLeft: error.attemptsLeft }) };
    return error.reason === "no_code" || error.reason === "no_email"
      ? new ApiError(409, "conflict", error.message, details)
      : new ApiError(422, "verification_failed", error.message, details);
  }
  if (error instanceof InvalidExtensionError) {
    return new ApiError(422, "invalid_extension", error.message, { regime: error.regime, reason: error.reason, max: error.max });
  }
  if (error instanceof InvalidIdentifierError) {
    return new ApiError(400, "invalid_identifier", error.message, [{ path: "body.identifiers", message: error.message }]);
  }
  if (error instanceof InvalidRequestParametersError) {
    return new ApiError(400, "validation_failed", error.message, error.fields.map((field) => ({ path: `body.${field.path}`, message: field.message })));
  }
  if (error instanceof MissingIdentifierError || error instanceof InvalidRequestError) {
    return new ApiError(400, "validation_failed", error.message);
  }
  if (error instanceof UnsupportedRegionError || error instanceof InvalidTimeZoneError) {
    return new ApiError(400, "validation_failed", error.message);
  }
  if (error instanceof InvalidInstanceConfigurationError) {
    return new ApiError(
      400,
      "invalid_configuration",
      error.message,
      error.issues.map((issue) => ({ path: `body.${issue.field}`, message: issue.message })),
    );
  }
  if (error instanceof RefusedWebhookUrlError) {
    return new ApiError(400, "validation_failed", error.message, [{ path: `body.${error.field}`, message: error.message }]);
  }
  if (error instanceof UnknownConnectorError) {
    return new ApiError(400, "validation_failed", error.message, [{ path: "body.connectorId", message: error.message }]);
  }
  if (error instanceof InvalidRetentionScheduleError) {
    // Its message starts with the field at fault: "recordType: …".
    const field = /^(\w+):/.exec(error.message)?.[1];
    return new ApiError(400, "validation_failed", error.message, field ? [{ path: `body.${field}`, message: error.message }] : undefined);
  }
  if (error instanceof RetentionScheduleNotFoundError || error instanceof RetentionRunNotFoundError) {
    return new ApiError(404, "not_found", error.message);
  }
  if (
    error instanceof RetentionScheduleFromFileError ||
    error instanceof DuplicateRetentionScheduleError ||
    error instanceof RetentionNotApprovedError ||
    error instanceof RetentionPreviewMismatchError
  ) {
    return new ApiError(409, "conflict", error.message);
  }
  if (error instanceof DuplicateInstanceNameError || error instanceof ConnectorInstanceInUseError) {
    return new ApiError(409, "conflict", error.message);
  }
  return undefined;
}
