/*
 * Whether a field path an inventory names is a field the record type's schema declares, so that
 * an inventory cannot point at fields that do not exist. Reads zod 4's public definition object
 * (`_zod.def`), which every copy of zod 4 shares, so a plugin's own zod works too.
 */

interface ZodDefinition {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  options?: unknown[];
  left?: unknown;
  right?: unknown;
  valueType?: unknown;
  getter?: () => unknown;
}

function definitionOf(schema: unknown): ZodDefinition | undefined {
  const def = (schema as { _zod?: { def?: unknown } } | null)?._zod?.def;
  return typeof def === "object" && def !== null ? def : undefined;
}

const wrappers = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"]);

/**
 * Whether `path` (dot-separated keys; `*` for any array element or record value) names a field
 * `schema` declares. A key only a loose object's catch-all would accept does not count: the
 * inventory must name fields the connector knows.
 */
export function schemaDeclaresPath(schema: unknown, path: string): boolean {
  return declares(schema, path.split("."), 0);
}

function declares(schema: unknown, segments: readonly string[], depth: number): boolean {
  if (segments.length === 0) return true;
  // Deep enough for any real record; stops a recursive (lazy) schema from looping.
  if (depth > 64) return false;
  const def = definitionOf(schema);
  if (!def) return false;
  const [head, ...rest] = segments as [string, ...string[]];
  switch (def.type) {
    case "object":
      return def.shape !== undefined && Object.hasOwn(def.shape, head) && declares(def.shape[head], rest, depth + 1);
    case "array":
      return head === "*" && declares(def.element, rest, depth + 1);
    case "record":
      return head === "*" && declares(def.valueType, rest, depth + 1);
    case "union":
      return (def.options ?? []).some((option) => declares(option, segments, depth + 1));
    case "intersection":
      return declares(def.left, segments, depth + 1) || declares(def.right, segments, depth + 1);
    case "pipe":
      return declares(def.out, segments, depth + 1) || declares(def.in, segments, depth + 1);
    case "lazy":
      return def.getter !== undefined && declares(def.getter(), segments, depth + 1);
    default:
      return def.type !== undefined && wrappers.has(def.type) && declares(def.innerType, segments, depth + 1);
  }
}
