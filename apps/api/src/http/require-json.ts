import type { RequestHandler } from "express";
import { ApiError } from "../api-error";

/**
 * POST and PATCH must say `Content-Type: application/json`, even with an empty body. A browser
 * sends that type cross-site only after a CORS preflight, which this API never grants; together
 * with the SameSite=Strict session cookie this is the API's CSRF defence (no CSRF token needed).
 */
export const requireJson: RequestHandler = (request, _response, next) => {
  if (request.method !== "POST" && request.method !== "PATCH") return next();
  if (!/^application\/json\s*(;|$)/i.test(request.get("content-type") ?? "")) {
    return next(new ApiError(415, "unsupported_media_type", "send the body as Content-Type: application/json"));
  }
  next();
};
