import { z } from "zod";
import { describe, expect, it } from "vitest";
import { contractIncompatibility } from "../contract-version";
import { defineConnector } from "../define-connector";
import { validateConnectorPlugin, validateSandboxPlugin } from "./plugin-validation";

const minimal = defineConnector({
  id: "acme-crm",
  version: "1.2.3",
  title: "Acme CRM",
  description: "A CRM",
  docsUrl: "https://example.com/docs",
  settings: z.object({ baseUrl: z.url() }),
  secrets: z.object({ apiToken: z.string().min(1) }),
  examples: { settings: { baseUrl: "https://acme.example.com" }, secrets: { apiToken: "t0ken" } },
  identifiers: ["email"],
  inventory: {
    person: {
      categories: ["identity", "contact"],
      fields: { name: ["identity"], email: ["contact"] },
      purposes: ["Managing our relationship with the customer"],
      lawfulBasis: "contract",
      retention: { period: "P6Y", from: "the end of the customer relationship" },
    },
  },
  recordSchemas: { person: z.object({ id: z.string(), name: z.string(), email: z.string() }) },
  capabilities: { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false },
  rateLimit: { requestsPerMinute: 60 },
  async check() {},
  async *locate() {},
});

describe("validateConnectorPlugin", () => {
  it("accepts what defineConnector returns, which carries the SDK's contract version", () => {
    expect(minimal.contractVersion).toBe("1.1");
    expect(validateConnectorPlugin(minimal)).toEqual({ ok: true, connector: minimal });
  });

  it("refuses a plugin built for another major, or a newer minor, with the reason", () => {
    const old = validateConnectorPlugin({ ...minimal, contractVersion: "0.9" });
    expect(old).toEqual({ ok: false, problems: [expect.stringContaining("the major versions must match")] });
    const newer = validateConnectorPlugin({ ...minimal, contractVersion: "1.7" });
    expect(newer.ok ? [] : newer.problems).toEqual([expect.stringContaining("upgrade Lethe")]);
    expect(contractIncompatibility(undefined)).toContain("declares no contract version");
  });

  it("names every problem of a malformed export at once", () => {
    const result = validateConnectorPlugin({ id: "Bad Id", version: "one", capabilities: {}, settings: {}, examples: {} });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    for (const expected of ["contract version", "kebab-case", "semver", "title", "check()", "locate()", "settings is not a zod schema", "locate: true", "rateLimit", "identifier"]) {
      expect(problems.some((problem) => problem.includes(expected)), expected).toBe(true);
    }
    expect(validateConnectorPlugin(null)).toEqual({ ok: false, problems: [expect.stringContaining("not a connector definition")] });
  });

  it("refuses a settings schema that rejects its own examples, naming the field", () => {
    const result = validateConnectorPlugin({ ...minimal, examples: { ...minimal.examples, settings: { baseUrl: "not a url" } } });
    expect(result.ok ? [] : result.problems).toEqual([expect.stringMatching(/settings schema refuses its own examples.settings \(baseUrl: /)]);
  });

  it("refuses a plain-JavaScript plugin whose capabilities and operations disagree, naming each", () => {
    const result = validateConnectorPlugin({ ...minimal, capabilities: { ...minimal.capabilities, restrict: true }, async *readBack() {} });
    expect(result.ok ? [] : result.problems).toEqual([
      "it declares restrict but implements no restrict operation",
      "it implements readBack but does not declare readBack",
    ]);
  });

  it("refuses a plugin whose inventory misses a record type, names an unknown field or has a bad retention period", () => {
    const person = minimal.inventory.person!;
    const result = validateConnectorPlugin({
      ...minimal,
      recordSchemas: { ...minimal.recordSchemas, note: z.object({ body: z.string() }) },
      inventory: { person: { ...person, fields: { ...person.fields, birthday: ["identity"] }, retention: { period: "6 years", from: "" } } },
    });
    expect(result.ok ? [] : result.problems).toEqual([
      'it declares no inventory for record type "note"',
      'its inventory of "person" names field "birthday", which its record schema does not declare',
      'its inventory of "person" has retention period "6 years", not an ISO 8601 duration',
      'its inventory of "person" does not say what its retention period runs from',
    ].map((problem) => (problem.startsWith("it ") ? problem : `it ${problem}`)));
  });

  it("accepts a contract 1.0 plugin without an inventory (shown as not declared), but not a 1.1 one", () => {
    const { inventory: _inventory, ...withoutInventory } = minimal;
    expect(validateConnectorPlugin({ ...withoutInventory, contractVersion: "1.0" }).ok).toBe(true);
    expect(validateConnectorPlugin(withoutInventory)).toEqual({ ok: false, problems: ["it declares no data inventory"] });
  });

  it("checks a sandbox export belongs to the connector", () => {
    expect(validateSandboxPlugin({ connectorId: "acme-crm", start: async () => ({}) }, "acme-crm")).toEqual([]);
    expect(validateSandboxPlugin({ connectorId: "other", start: async () => ({}) }, "acme-crm")[0]).toContain('"other"');
    expect(validateSandboxPlugin(undefined, "acme-crm")[0]).toContain("not a sandbox definition");
  });
});
