// In test/ (checked by tsconfig.node.json): it imports the Salesforce connector, typed against Node's fetch.
import { salesforceSecrets, salesforceSettings } from "@lethe/connector-salesforce";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { initialValues } from "../src/forms/schema-form-fields";
import { readVariantForm, variantsFromJsonSchema } from "../src/forms/schema-form-variants";

// The same conversion the API applies in GET /api/v1/connector-types (apps/api/src/views/connector-view.ts).
function asServed(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
}

describe("variants of a union settings or secrets schema", () => {
  const variants = variantsFromJsonSchema(asServed(salesforceSecrets), { secret: true });

  it("offers Salesforce's two authentication flows as titled alternatives keyed by their flow", () => {
    expect(variants.map((v) => [v.key, v.title])).toEqual([
      ["client_credentials", "Client credentials flow"],
      ["jwt_bearer", "JWT bearer flow"],
    ]);
    expect(variants.map((v) => v.discriminator)).toEqual([
      { name: "flow", value: "client_credentials" },
      { name: "flow", value: "jwt_bearer" },
    ]);
    expect(variants[0]?.description).toMatch(/client-credentials/);
  });

  it("asks each flow's own fields, all secret and required, and never asks the flow itself", () => {
    expect(variants[0]?.fields.map((f) => [f.name, f.kind, f.required, f.secret])).toEqual([
      ["clientId", "text", true, true],
      ["clientSecret", "text", true, true],
    ]);
    expect(variants[1]?.fields.map((f) => [f.name, f.required])).toEqual([
      ["clientId", true],
      ["username", true],
      ["privateKey", true],
    ]);
    expect(variants[1]?.fields[2]?.description).toMatch(/PEM private key/);
  });

  it("submits exactly the chosen branch, with its flow, which the connector's schema accepts", () => {
    const chosen = variants[0];
    if (!chosen) throw new Error("no client-credentials variant");
    const values = { ...initialValues(chosen.fields, undefined), clientId: " 3MVG9key ", clientSecret: "s3cret" };
    const reading = readVariantForm(chosen, values);
    expect(reading).toEqual({ value: { flow: "client_credentials", clientId: "3MVG9key", clientSecret: "s3cret" }, problems: {} });
    expect(salesforceSecrets.safeParse(reading.value).success).toBe(true);

    const jwt = variants[1];
    if (!jwt) throw new Error("no JWT variant");
    // Values typed under another flow are not carried over: only the chosen branch's fields are read.
    const partial = readVariantForm(jwt, { clientId: "3MVG9key", clientSecret: "s3cret" });
    expect(partial.value).toEqual({ flow: "jwt_bearer", clientId: "3MVG9key" });
    expect(partial.problems).toEqual({ username: "Required.", privateKey: "Required." });
  });

  it("treats a plain object schema as a single untitled variant with every property", () => {
    const plain = variantsFromJsonSchema(asServed(salesforceSettings), { secret: false });
    expect(plain).toHaveLength(1);
    expect(plain[0]?.title).toBe("");
    expect(plain[0]?.discriminator).toBeNull();
    expect(plain[0]?.fields.map((f) => f.name)).toEqual(["loginUrl", "apiVersion", "defaultPhoneRegion", "jwtAudience", "apiReserve"]);
  });

  it("titles alternatives without a title from their discriminator, and numbers those without one", () => {
    const untitled = asServed(z.discriminatedUnion("kind", [z.object({ kind: z.literal("api_key"), key: z.string() }), z.object({ kind: z.literal("basic"), user: z.string() })]));
    expect(variantsFromJsonSchema(untitled, { secret: true }).map((v) => v.title)).toEqual(["API key", "Basic"]);
    const plainUnion = asServed(z.union([z.object({ token: z.string() }), z.object({ user: z.string(), password: z.string() })]));
    const numbered = variantsFromJsonSchema(plainUnion, { secret: true });
    expect(numbered.map((v) => [v.key, v.title, v.discriminator])).toEqual([
      ["0", "Option 1", null],
      ["1", "Option 2", null],
    ]);
    expect(readVariantForm(numbered[0] ?? numbered[1] ?? never(), { token: "t" }).value).toEqual({ token: "t" });
  });
});

function never(): never {
  throw new Error("no variant");
}
