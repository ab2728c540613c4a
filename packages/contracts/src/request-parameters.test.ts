import { describe, expect, it } from "vitest";
import { createRequestBodySchema } from "./requests";

const base = { regime: "gdpr", identifiers: [{ kind: "email", value: "a@example.com" }] };
const pathsOf = (body: unknown) => {
  const result = createRequestBodySchema.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("type-specific request input", () => {
  it("accepts a rectification with changes of known fields, and a restriction with or without lift", () => {
    expect(pathsOf({ ...base, type: "rectification", changes: [{ field: "email", value: "b@example.com" }, { field: "name", value: "B" }] })).toEqual([]);
    expect(pathsOf({ ...base, type: "restriction", lift: true })).toEqual([]);
    expect(pathsOf({ ...base, type: "restriction" })).toEqual([]);
  });

  it("names the field at fault: a missing or misplaced changes, an unknown or repeated field, an empty value, a misplaced lift", () => {
    expect(pathsOf({ ...base, type: "rectification" })).toEqual(["changes"]);
    expect(pathsOf({ ...base, type: "erasure", changes: [{ field: "name", value: "B" }] })).toEqual(["changes"]);
    expect(pathsOf({ ...base, type: "rectification", changes: [{ field: "customerId", value: "X" }] })).toEqual(["changes.0.field"]);
    expect(pathsOf({ ...base, type: "rectification", changes: [{ field: "name", value: " " }] })).toEqual(["changes.0.value"]);
    expect(
      pathsOf({ ...base, type: "rectification", changes: [{ field: "name", value: "A" }, { field: "name", value: "B" }] }),
    ).toEqual(["changes.1.field"]);
    expect(pathsOf({ ...base, type: "access", lift: true })).toEqual(["lift"]);
  });
});
