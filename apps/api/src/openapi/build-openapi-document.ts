import { apiBasePath, apiRoutes, errorEnvelopeSchema, type ApiRoute } from "@lethe/contracts";
import { z } from "zod";

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonObject;
  return rest;
}

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
});

function parameters(route: ApiRoute): JsonObject[] {
  const list: JsonObject[] = [];
  for (const [location, schema] of [["path", route.params], ["query", route.query]] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      const fieldSchema = field as z.ZodType;
      list.push({
        name,
        in: location,
        required: location === "path" || !fieldSchema.safeParse(undefined).success,
        schema: jsonSchema(fieldSchema, "input"),
      });
    }
  }
  return list;
}

function operation(operationId: string, route: ApiRoute): JsonObject {
  const responses: JsonObject = {
    [route.success.status]: {
      description: route.success.description,
      ...(route.success.schema
        ? { content: { "application/json": { schema: jsonSchema(route.success.schema, "output") } } }
        : route.success.contentType
          ? { content: { [route.success.contentType]: { schema: { type: "string", contentMediaType: route.success.contentType } } } }
          : operationId === "getOpenApiDocument"
            ? { content: { "application/json": { schema: { type: "object" } } } }
            : {}),
    },
    "400": errorResponse("invalid input: `details` names each field"),
    "500": errorResponse("the server failed"),
  };
  if (route.access !== "public") responses["401"] = errorResponse("not signed in, or the credential or link is invalid");
  if (route.access !== "public" && route.access !== "signed-link" && route.access !== "authenticated") {
    responses["403"] = errorResponse(`the caller's role lacks ${route.access}`);
  }
  if (route.params) responses["404"] = errorResponse("no such resource");
  if (route.body) {
    responses["413"] = errorResponse("the body is larger than the limit");
    responses["415"] = errorResponse("the body is not application/json");
  }
  if (operationId === "postLogin") responses["429"] = errorResponse("too many failed sign-ins; see Retry-After");
  return {
    operationId,
    summary: route.summary,
    tags: [route.tag],
    "x-lethe-access": route.access,
    ...(route.access === "public" || route.access === "signed-link" ? { security: [] } : {}),
    ...(parameters(route).length > 0 ? { parameters: parameters(route) } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } }
      : {}),
    responses,
  };
}

/** `/requests/:id` → `/requests/{id}` */
function openApiPath(path: string): string {
  return apiBasePath + path.replace(/:([A-Za-z]+)/g, "{$1}");
}

/** The OpenAPI 3.1 document of the whole API, generated from `@lethe/contracts`' route table. */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const [operationId, route] of Object.entries(apiRoutes) as Array<[string, ApiRoute]>) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method]: operation(operationId, route) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Lethe API",
      version: "1",
      description:
        "Data subject requests across connected systems. Authenticate with the console's session cookie " +
        "(POST /api/v1/auth/login) or an API token (`Authorization: Bearer lethe_…`). POST and PATCH " +
        "bodies must be `application/json`.",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: "/" }],
    security: [{ session: [] }, { apiToken: [] }],
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "lethe_session" },
        apiToken: { type: "http", scheme: "bearer", description: "an API token, `lethe_…`" },
      },
      schemas: { ErrorEnvelope: jsonSchema(errorEnvelopeSchema, "output") },
    },
  };
}
