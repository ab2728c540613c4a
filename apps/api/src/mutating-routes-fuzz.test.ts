import { naughtyStrings } from "@lethe/test-data";
import { createdRequestSchema, holdResponseSchema } from "@lethe/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi/build-openapi-document";
import { jsonHeaders, readBody, startApiHarness, type ApiHarness } from "../test/api-harness";

/*
 * Every mutating route of the generated OpenAPI document, called as an admin with hostile input
 * in each string field of its body, in its path parameters and in its query: the Big List of
 * Naughty Strings (a fixed, seeded sample), NUL, unpaired surrogates, huge strings, and
 * prototype-pollution keys. Whatever the route makes of it, it must never answer 5xx.
 */

type Schema = { [key: string]: unknown };

/** A small deterministic PRNG (mulberry32), so every run sends the same sample. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(13);
const blns = naughtyStrings();
const special = ["\u0000", "a\u0000b", "\uD800", "x\uDFFF", "😀🏳️‍🌈", "x".repeat(20_000), "y".repeat(120_000), "__proto__", "constructor", "%00", "../../etc/passwd"];
/** Per field: two special strings and two of the list, drawn by the seeded generator. */
function sample(): string[] {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  return [pick(special), pick(special), pick(blns), pick(blns)];
}

/**
 * Percent-encodes like encodeURIComponent, except that an unpaired surrogate (which that refuses)
 * becomes its WTF-8 bytes — invalid UTF-8, which the server must refuse with a 4xx.
 */
function encodeHostile(value: string): string {
  return value
    .split(/([\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF])/)
    .map((part) => {
      if (part.length !== 1 || !/[\uD800-\uDFFF]/.test(part)) return encodeURIComponent(part);
      const code = part.charCodeAt(0);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join("");
    })
    .join("");
}

function resolve(schema: Schema, document: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  return ((document.components as Schema).schemas as Schema)[name] as Schema;
}

/** A body that follows the schema's shape (not necessarily valid), so fuzzing reaches past the first field. */
function skeleton(raw: Schema, document: Schema): unknown {
  const schema = resolve(raw, document);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (variants?.[0]) return skeleton(variants[0], document);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("const" in schema) return schema.const;
  switch (schema.type) {
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, skeleton(value, document)]));
    }
    case "array":
      return schema.items ? [skeleton(schema.items as Schema, document)] : [];
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return false;
    case "string":
      if (schema.format === "email") return "fuzz@example.com";
      if (schema.format === "uri") return "https://hooks.example.com/lethe";
      if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000001";
      if (schema.format === "date-time") return "2030-01-01T00:00:00Z";
      return "text";
    default:
      return "text";
  }
}

/** Paths (as key lists) of every string in a value. */
function stringPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...path, String(index)]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  return [];
}

function replaced(value: unknown, path: string[], replacement: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

const pollution = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"settings":{"__proto__":{"polluted":true}},"secrets":{"constructor":{"prototype":{"polluted":true}}}}',
];

let api: ApiHarness;
let ids: Record<string, string>;
beforeAll(async () => {
  api = await startApiHarness();
  const admin = jsonHeaders(api.credentials.adminToken);
  const filed = await fetch(`${api.url}/api/v1/requests`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ type: "erasure", regime: "gdpr", identifiers: [{ kind: "email", value: "fuzzed@example.com" }] }),
  });
  const hold = await fetch(`${api.url}/api/v1/holds`, {
    method: "POST",
    headers: admin,
    body: JSON.stringify({ title: "Fuzz", basis: "litigation", owner: "legal", selector: { scope: "case", caseId: "F-1" } }),
  });
  ids = {
    "/api/v1/requests": (await readBody(filed, createdRequestSchema)).request.id,
    "/api/v1/holds": (await readBody(hold, holdResponseSchema)).hold.id,
  };
});
afterAll(async () => {
  await api.close();
});

describe("every mutating route under hostile input", () => {
  it("never answers 5xx, and nothing reaches Object.prototype", async () => {
    const document: Schema = buildOpenApiDocument();
    const failures: string[] = [];
    let sent = 0;
    const send = async (method: string, path: string, body?: string) => {
      sent += 1;
      const response = await fetch(`${api.url}${path}`, {
        method,
        // A token, not the session cookie: fuzzing POST /auth/logout must not sign the admin out.
        headers: jsonHeaders(api.credentials.adminToken),
        ...(body === undefined ? {} : { body }),
      });
      await response.arrayBuffer();
      if (response.status >= 500) failures.push(`${method} ${path.slice(0, 120)} ${body?.slice(0, 120) ?? ""} → ${response.status}`);
    };

    for (const [template, operations] of Object.entries(document.paths as Record<string, Schema>)) {
      for (const method of ["post", "put", "patch", "delete"]) {
        const operation = operations[method] as Schema | undefined;
        if (!operation) continue;
        const realId = Object.entries(ids).find(([prefix]) => template.startsWith(`${prefix}/`))?.[1] ?? "00000000-0000-4000-8000-000000000002";
        const path = (id: string) => template.replace(/\{[^}]+\}/g, encodeHostile(id));
        const bodySchema = ((operation.requestBody as Schema | undefined)?.content as Schema | undefined)?.["application/json"] as Schema | undefined;
        const base = bodySchema ? skeleton(bodySchema.schema as Schema, document) : {};
        const verb = method.toUpperCase();

        await send(verb, path(realId), JSON.stringify(base));
        for (const field of stringPaths(base)) {
          for (const value of sample()) await send(verb, path(realId), JSON.stringify(replaced(base, field, value)));
        }
        for (const body of pollution) await send(verb, path(realId), body);
        if (template.includes("{")) {
          for (const value of sample()) await send(verb, path(value), JSON.stringify(base));
        }
        for (const value of sample()) {
          await send(verb, `${path(realId)}?q=${encodeHostile(value)}&__proto__[polluted]=1&constructor[prototype][polluted]=1`, JSON.stringify(base));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
