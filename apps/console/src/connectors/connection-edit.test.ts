import { describe, expect, it } from "vitest";
import type { SchemaField, SchemaFieldKind } from "../forms/schema-form-fields";
import type { SchemaVariant } from "../forms/schema-form-variants";
import { connectionEditBody, secretsLeftBlank, variantOfSettings } from "./connection-edit";

function field(name: string, kind: SchemaFieldKind, secret: boolean): SchemaField {
  return { name, label: name, kind, required: true, secret, description: null, options: [], minimum: null, maximum: null, defaultValue: null };
}

const settingsVariant: SchemaVariant = {
  key: "only",
  title: "",
  description: null,
  discriminator: null,
  fields: [
    field("baseUrl", "url", false),
  ],
};

const secretsVariant: SchemaVariant = {
  key: "only",
  title: "",
  description: null,
  discriminator: null,
  fields: [
    field("apiKey", "text", true),
    field("accountId", "text", true),
  ],
};

const stored = { settings: { baseUrl: "https://crm.example.com" }, variant: settingsVariant, values: { baseUrl: "https://crm.example.com" } };
const base = { stored, settingsVariant, settingsValues: { baseUrl: "https://crm.example.com" }, secretsVariant, rateLimit: "" };

describe("editing a connection", () => {
  it("keeps the stored secrets when every secret field is left blank", () => {
    const { body, problems } = connectionEditBody({ ...base, secretsValues: { apiKey: "", accountId: "" } });
    expect(problems).toEqual({});
    expect(body).toEqual({ rateLimitPerMinute: null });
    expect(body).not.toHaveProperty("secrets");
  });

  it("replaces the secrets whole once one is typed, asking for the rest", () => {
    const partial = connectionEditBody({ ...base, secretsValues: { apiKey: "k-1", accountId: "" } });
    expect(Object.keys(partial.problems)).toEqual(["secrets.accountId"]);
    const whole = connectionEditBody({ ...base, secretsValues: { apiKey: "k-1", accountId: "a-1" } });
    expect(whole.problems).toEqual({});
    expect(whole.body.secrets).toEqual({ apiKey: "k-1", accountId: "a-1" });
  });

  it("sends a rate limit as a number, empty as the vendor's default, and refuses anything else", () => {
    expect(connectionEditBody({ ...base, secretsValues: {}, rateLimit: "30" }).body.rateLimitPerMinute).toBe(30);
    expect(connectionEditBody({ ...base, secretsValues: {}, rateLimit: "0.5" }).problems).toHaveProperty("rateLimitPerMinute");
  });

  it("sends only the settings changed, over the stored ones, leaving untouched defaults out", () => {
    const withDefault: SchemaVariant = { ...settingsVariant, fields: [...settingsVariant.fields, { ...field("region", "text", false), required: false }, field("audience", "url", false)] };
    const opened = { baseUrl: "https://crm.example.com", region: "US", audience: "https://login.example.com" };
    const storedSettings = { settings: { baseUrl: "https://crm.example.com", region: "US" }, variant: withDefault, values: opened };
    const { body, problems } = connectionEditBody({
      ...base,
      stored: storedSettings,
      settingsVariant: withDefault,
      settingsValues: { ...opened, region: "GB" },
      secretsValues: {},
    });
    expect(problems).toEqual({});
    expect(body.settings).toEqual({ baseUrl: "https://crm.example.com", region: "GB" });
    const cleared = connectionEditBody({ ...base, stored: storedSettings, settingsVariant: withDefault, settingsValues: { ...opened, region: "" }, secretsValues: {} });
    expect(cleared.body.settings).toEqual({ baseUrl: "https://crm.example.com" });
  });

  it("names the settings field at fault", () => {
    expect(connectionEditBody({ ...base, settingsValues: { baseUrl: "" }, secretsValues: {} }).problems).toHaveProperty("settings.baseUrl");
  });

  it("opens the stored settings' own variant of a union", () => {
    const variants = [
      { ...settingsVariant, key: "a", discriminator: { name: "flow", value: "a" } },
      { ...settingsVariant, key: "b", discriminator: { name: "flow", value: "b" } },
    ];
    expect(variantOfSettings(variants, { flow: "b" })?.key).toBe("b");
    expect(variantOfSettings(variants, null)?.key).toBe("a");
    expect(secretsLeftBlank({ apiKey: "", remember: false })).toBe(true);
  });
});
