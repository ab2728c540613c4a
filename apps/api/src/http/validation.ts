import type { FieldIssue } from "@lethe/contracts";
import type { z } from "zod";
import { ApiError } from "../api-error";

/**
 * Parses one part of an HTTP request with its contract schema. Anything off the schema — a
 * missing or unknown field, a wrong type — is a 400 `validation_failed` whose details name each
 * field (`body.identifiers.0.value`).
 */
export function parseInput<S extends z.ZodType>(part: "body" | "query" | "params", schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value ?? (part === "body" ? undefined : {}));
  if (result.success) return result.data;
  const details: FieldIssue[] = result.error.issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: "is not a known field" }));
    }
    return [{ path: base.join("."), message: issue.message }];
  });
  throw new ApiError(400, "validation_failed", `invalid ${part}: ${details.map((d) => d.path).join(", ")}`, details);
}
