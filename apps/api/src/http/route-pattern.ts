import type { Request } from "express";

/**
 * The route pattern a request matched (`/api/v1/requests/:id`), for logs: never the URL, whose
 * path and query can carry identifiers or a download link's token.
 */
export function routePattern(request: Request): string {
  const route: unknown = request.route;
  return typeof route === "object" && route !== null && "path" in route && typeof route.path === "string"
    ? `${request.baseUrl}${route.path}`
    : "(no route)";
}
