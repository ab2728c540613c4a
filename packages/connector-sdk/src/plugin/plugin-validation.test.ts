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
  dataCategories: {},
  recordSchemas: {},
  capabilities: { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false },
  rateLimit: { requestsPerMinute: 60 },
  async check() {},
  async *locate() {},
});

describe("validateConnectorPlugin", () => {
  it("accepts what defineConnector returns, which carries the SDK's contract version", () => {
    expect(minimal.contractVersion).toBe("1.0");
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

  it("checks a sandbox export belongs to the connector", () => {
    expect(validateSandboxPlugin({ connectorId: "acme-crm", start: async () => ({}) }, "acme-crm")).toEqual([]);
    expect(validateSandboxPlugin({ connectorId: "other", start: async () => ({}) }, "acme-crm")[0]).toContain('"other"');
    expect(validateSandboxPlugin(undefined, "acme-crm")[0]).toContain("not a sandbox definition");
  });
});
