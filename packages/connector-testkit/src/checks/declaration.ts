import { capabilityProblems, inventoryProblems } from "@lethe/connector-sdk";
import { z } from "zod";
import { secretStrings } from "../context/secret-strings";
import type { ConformanceHarness } from "../harness/conformance-harness";
import { fail, Findings } from "./findings";

/* Group 1: the declaration is honest and usable before any call is made. */

export async function examplesParse(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  const findings = new Findings();
  for (const [what, schema, value] of [
    ["examples.settings", connector.settings, connector.examples.settings],
    ["examples.secrets", connector.secrets, connector.examples.secrets],
    ["the sandbox's settings", connector.settings, h.sandbox.settings],
    ["the sandbox's credentials", connector.secrets, h.sandbox.credentials],
    ["the sandbox's bad credentials", connector.secrets, h.sandbox.badCredentials],
  ] as const) {
    const parsed = schema.safeParse(value);
    findings.expect(parsed.success, () => `${what} do not parse: ${parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  findings.throwIfAny(`${connector.id}'s schemas refuse its own examples`);
}

export async function invalidSettingsRejected(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  if (connector.invalidSettingsExample === undefined) {
    fail(`${connector.id} declares no invalidSettingsExample`);
  }
  if (connector.settings.safeParse(connector.invalidSettingsExample).success) {
    fail(`${connector.id}'s settings schema accepts invalidSettingsExample`);
  }
}

/* A settings field with one of these names is a secret stored in the clear. */
const secretLikeName = [
  /^pass(wd)?$/i,
  /password|passphrase/i,
  /secret/i,
  /token/i,
  /credential/i,
  /(^|[_-])key$/i,
  /[a-z]Key$/,
];

export async function noSecretInSettings(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  const findings = new Findings();
  const settingsNames = propertyNames(jsonSchemaOf(connector.settings, "settings"));
  const secretNames = propertyNames(jsonSchemaOf(connector.secrets, "secrets"));
  for (const name of settingsNames) {
    findings.expect(!secretNames.has(name), () => `settings has a field "${name}", which is also a secrets field`);
    findings.expect(
      !secretLikeName.some((pattern) => pattern.test(name)),
      () => `settings has a field "${name}", whose name says it holds a secret; move it to secrets`,
    );
  }
  const settingsText = JSON.stringify(connector.examples.settings ?? null);
  for (const value of secretStrings(connector.examples.secrets)) {
    findings.expect(value.length < 4 || !settingsText.includes(value), () => `examples.settings repeats a value of examples.secrets`);
  }
  findings.throwIfAny(`${connector.id} keeps secrets in its settings`);
}

export async function capabilitiesMatchOperations(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  const findings = new Findings();
  // The SDK's rule, the same one a host applies when it loads a plugin.
  for (const problem of capabilityProblems(connector)) findings.add(problem);
  findings.expect(connector.identifiers.length > 0, () => "declares no identifier kinds to locate by");
  findings.expect(connector.rateLimit.requestsPerMinute > 0, () => "declares a rate limit that is not positive");
  findings.throwIfAny(`${connector.id}'s declared capabilities do not match what it implements`);
}

/**
 * The data inventory (GDPR Art. 30): every record type of `recordSchemas` says which categories of
 * personal data it holds, in which of its schema's fields, why, on which lawful basis and for how
 * long (an ISO 8601 period), and no entry names a type without a schema. The SDK's rule, the same
 * one a host applies when it loads a plugin.
 */
export async function dataInventoryComplete(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  const findings = new Findings();
  for (const problem of inventoryProblems(connector)) findings.add(problem);
  findings.throwIfAny(`${connector.id}'s data inventory is incomplete`);
}

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// semver.org's recommended expression.
const semver =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export async function idAndVersionWellFormed(h: ConformanceHarness): Promise<void> {
  const { connector } = h;
  const findings = new Findings();
  findings.expect(kebabCase.test(connector.id), () => `id "${connector.id}" is not kebab-case`);
  findings.expect(semver.test(connector.version), () => `version "${connector.version}" is not semver`);
  for (const [field, value] of [["title", connector.title], ["description", connector.description]] as const) {
    findings.expect(value.trim() !== "", () => `${field} is empty`);
  }
  findings.expect(URL.canParse(connector.docsUrl), () => `docsUrl "${connector.docsUrl}" is not a URL`);
  findings.throwIfAny(`${connector.id}'s identity is malformed`);
}

function jsonSchemaOf(schema: z.ZodType, what: string): unknown {
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  } catch (error) {
    fail(`the ${what} schema has no JSON Schema, which the console needs to render its form: ${String(error)}`);
  }
}

/** Every property name declared anywhere in a JSON Schema (nested objects, unions, arrays). */
function propertyNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, names);
  } else if (typeof schema === "object" && schema !== null) {
    for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
      if (key === "properties" && typeof value === "object" && value !== null) {
        for (const name of Object.keys(value)) names.add(name);
      }
      propertyNames(value, names);
    }
  }
  return names;
}
