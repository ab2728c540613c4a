import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldsFromJsonSchema, initialValues, labelFromName, readForm } from "./schema-form-fields";

const settings = z.toJSONSchema(
  z.object({
    baseUrl: z.url().describe("Base URL of the API"),
    pageSize: z.number().int().min(1).max(100).default(50),
    sandboxMode: z.boolean().optional(),
    region: z.enum(["eu", "us"]),
    note: z.string().optional(),
  }),
  { io: "input" },
);
const secrets = z.toJSONSchema(z.object({ apiToken: z.string().min(1) }), { io: "input" });

describe("fields generated from a connector's JSON Schema", () => {
  it("gives each property an input kind, a label, a required marker and its description", () => {
    const fields = fieldsFromJsonSchema(settings, { secret: false });
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["baseUrl", "url", true],
      ["pageSize", "integer", false],
      ["sandboxMode", "boolean", false],
      ["region", "enum", true],
      ["note", "text", false],
    ]);
    expect(fields[0]?.label).toBe("Base URL");
    expect(fields[0]?.description).toBe("Base URL of the API");
    expect(fields[3]?.options).toEqual(["eu", "us"]);
    expect(fields[1]?.defaultValue).toBe("50");
  });

  it("marks secret fields and never prefills them, even from an example", () => {
    const fields = fieldsFromJsonSchema(secrets, { secret: true });
    expect(fields).toEqual([expect.objectContaining({ name: "apiToken", secret: true, required: true })]);
    expect(initialValues(fields, { apiToken: "leaked" })).toEqual({ apiToken: "" });
  });

  it("prefills settings from the connector's example, then from defaults", () => {
    const fields = fieldsFromJsonSchema(settings, { secret: false });
    expect(initialValues(fields, { baseUrl: "https://crm.example" })).toEqual({
      baseUrl: "https://crm.example",
      pageSize: "50",
      sandboxMode: false,
      region: "",
      note: "",
    });
  });

  it("reads typed values back and leaves empty optional fields out", () => {
    const fields = fieldsFromJsonSchema(settings, { secret: false });
    const reading = readForm(fields, { baseUrl: " https://crm.example ", pageSize: "20", sandboxMode: true, region: "eu", note: "" });
    expect(reading).toEqual({
      value: { baseUrl: "https://crm.example", pageSize: 20, sandboxMode: true, region: "eu" },
      problems: {},
    });
  });

  it("names each field that is missing or malformed", () => {
    const fields = fieldsFromJsonSchema(settings, { secret: false });
    const reading = readForm(fields, { baseUrl: "crm.example", pageSize: "500", sandboxMode: false, region: "", note: "" });
    expect(reading.problems).toEqual({
      baseUrl: "Must be a full URL, e.g. https://example.com.",
      pageSize: "Must be at most 100.",
      region: "Required.",
    });
  });

  it("turns property names into sentence-case labels", () => {
    expect(labelFromName("apiToken")).toBe("API token");
    expect(labelFromName("client_secret")).toBe("Client secret");
  });
});
