import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorEnvelope } from "@lethe/contracts";
import { isDatabaseUnavailable } from "@lethe/runtime";
import { ApiError } from "../api-error";
import { domainErrorToApiError } from "../http/domain-errors";
import { routePattern } from "../http/route-pattern";

/** `route` is the matched pattern (`/api/v1/requests/:id`), never the URL. */
export type UnexpectedErrorReporter = (error: unknown, request: { method: string; route: string }) => void;

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const databaseRetryAfterSeconds = 5;

/** Unknown routes get the same envelope as every other error. */
export const routeNotFound: RequestHandler = (request, _response, next) => {
  next(new ApiError(404, "not_found", `no route ${request.method} ${request.path}`));
};

/**
 * Turns every error into `{ error: { code, message, details } }`. Errors that are not `ApiError`s
 * are reported to the server and answered with a bare 500: their messages can hold SQL, paths or
 * personal data that a client must not see.
 */
export function errorEnvelope(reportUnexpected: UnexpectedErrorReporter): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const known = toApiError(error);
    if (!known) reportUnexpected(error, { method: request.method, route: routePattern(request) });
    if (known?.code === "database_unavailable") response.set("Retry-After", String(databaseRetryAfterSeconds));
    const answer = known ?? new ApiError(500, "internal_error", "the server failed to handle the request");
    const body: ErrorEnvelope = {
      error: {
        code: answer.code,
        message: answer.message,
        ...(answer.details === undefined ? {} : { details: answer.details }),
      },
    };
    response.status(answer.status).json(body);
  };
}

/**
 * Express's own body parsers signal bad input with a status and a `type`; they are client errors.
 * A database that cannot be reached (refused, terminated, shutting down) is a 503 on every route:
 * the request may succeed when it is back.
 */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) {
    return new ApiError(503, "database_unavailable", "the database is not available; try again shortly");
  }
  const domain = domainErrorToApiError(error);
  if (domain) return domain;
  if (typeof error !== "object" || error === null) return undefined;
  const type = "type" in error ? error.type : undefined;
  const status = "status" in error ? error.status : undefined;
  if (type === "entity.parse.failed") return new ApiError(400, "invalid_json", "the request body is not valid JSON");
  if (type === "entity.too.large") return new ApiError(413, "payload_too_large", "the request body is too large");
  if (type === "encoding.unsupported" || type === "charset.unsupported") {
    return new ApiError(415, "unsupported_media_type", "the request body's encoding is not supported");
  }
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new ApiError(status, "bad_request", "the request could not be read");
  }
  return undefined;
}
