import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ErrorEnvelope } from "@lethe/contracts";
import { ApiError } from "../api-error";
import { domainErrorToApiError } from "../http/domain-errors";

export type UnexpectedErrorReporter = (error: unknown, request: { method: string; path: string }) => void;

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
    if (!known) reportUnexpected(error, { method: request.method, path: request.path });
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

/** Express's own body parsers signal bad input with a status and a `type`; they are client errors. */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
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
