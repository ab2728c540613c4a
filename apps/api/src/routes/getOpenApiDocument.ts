import type { RequestHandler } from "express";
import { buildOpenApiDocument } from "../openapi/build-openapi-document";

/** `GET /api/v1/openapi.json`: public, like any API description. */
export function getOpenApiDocument(): RequestHandler {
  const document = buildOpenApiDocument();
  return (_request, response) => {
    response.json(document);
  };
}
