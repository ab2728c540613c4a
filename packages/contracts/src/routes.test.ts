import { describe, expect, it } from "vitest";
import { createRequestBodySchema, listRequestsQuerySchema } from "./requests";
import { apiRoutes, routeUrl } from "./routes";

describe("the route table", () => {
  it("has one route per method and path", () => {
    const keys = Object.values(apiRoutes).map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("declares params for every path parameter and none that the path lacks", () => {
    for (const [operationId, route] of Object.entries(apiRoutes)) {
      const inPath = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]).sort();
      const declared = "params" in route ? Object.keys(route.params.shape).sort() : [];
      expect(declared, operationId).toEqual(inPath);
    }
  });

  it("builds URLs under /api/v1 with encoded parameters", () => {
    expect(routeUrl(apiRoutes.getRequest.path, { id: "a/b" })).toBe("/api/v1/requests/a%2Fb");
  });
});

describe("request bodies", () => {
  it("refuse unknown fields and name them", () => {
    const result = createRequestBodySchema.safeParse({
      type: "erasure",
      regime: "gdpr",
      identifiers: [{ kind: "email", value: "a@example.com" }],
      priority: "high",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["priority"] });
  });

  it("coerce a page size from the query string and default it", () => {
    expect(listRequestsQuerySchema.parse({}).limit).toBe(50);
    expect(listRequestsQuerySchema.parse({ limit: "10" }).limit).toBe(10);
    expect(listRequestsQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
  });
});
