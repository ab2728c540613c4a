import { readFile } from "node:fs/promises";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createTestDatabase } from "@lethe/db/testing";
import type { Router } from "express";
import { describe, expect, it } from "vitest";
import { createApiApp } from "../app";
import { buildOpenApiDocument } from "./build-openapi-document";

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  name?: string;
  handle?: Router & { stack?: Layer[] };
}

/** Every method + path mounted under /api/v1, read from Express's router stack. */
function mountedRoutes(app: ReturnType<typeof createApiApp>): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method} ${prefix}${layer.route.path}`);
      } else if (layer.name === "router" && layer.handle?.stack) {
        walk(layer.handle.stack, prefix || "/api/v1");
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, "");
  return found;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(buildOpenApiDocument());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("covers every route the app mounts", async () => {
    const database = await createTestDatabase();
    try {
      const mounted = mountedRoutes(createApiApp({ db: database, log: () => undefined }));
      expect(mounted.length).toBeGreaterThan(20);
      const paths = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
      for (const route of mounted) {
        const [method, path] = route.split(" ") as [string, string];
        expect(paths[path.replace(/:([A-Za-z]+)/g, "{$1}")]?.[method], route).toBeDefined();
      }
    } finally {
      await database.close();
    }
  });

  it("matches the committed copy (regenerate: pnpm --filter @lethe/api generate)", async () => {
    const committed = JSON.parse(await readFile(new URL("../../openapi.json", import.meta.url), "utf8"));
    expect(committed).toEqual(buildOpenApiDocument());
  });
});
