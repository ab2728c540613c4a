import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { ApiLog } from "../dependencies";
import { routePattern } from "./route-pattern";

const acceptableId = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every HTTP request an id (the caller's `X-Request-Id` if it is a plain token, else a new
 * UUID), answers with it, and logs one line when the response is sent. The line names the route
 * pattern (`/requests/:id`), never the URL: paths and query strings can carry identifiers or a
 * download link's token.
 */
export function requestIds(log: ApiLog): RequestHandler {
  return (request, response, next) => {
    const given = request.get("x-request-id");
    const requestId = given && acceptableId.test(given) ? given : randomUUID();
    response.set("X-Request-Id", requestId);
    const started = process.hrtime.bigint();
    response.on("finish", () => {
      const pattern = routePattern(request);
      // Failures at info and above; the steady stream of successful calls (console polling) at debug.
      const level = response.statusCode >= 500 ? "error" : response.statusCode >= 400 ? "info" : "debug";
      log(level, "http request", {
        requestId,
        method: request.method,
        route: pattern,
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
      });
    });
    next();
  };
}
