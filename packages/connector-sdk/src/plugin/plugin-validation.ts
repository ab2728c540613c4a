import { capabilityProblems } from "../capability-operations";
import { connectorContractVersion, contractIncompatibility, contractPredates, inventoryContractVersion } from "../contract-version";
import { inventoryProblems } from "../data-inventory";
import type { AnyConnector } from "../definition";
import type { SandboxDefinition } from "../sandbox";

export type PluginValidation =
  | { ok: true; connector: AnyConnector }
  | { ok: false; problems: string[] };

const kebabCase = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/**
 * Whether a value a plugin package exported (its default export) is a connector this host can
 * run, before anything calls it: every problem found, each as a sentence, so that a refused plugin
 * says all that is wrong at once. Pure: it reads the value and calls only its schemas.
 */
export function validateConnectorPlugin(candidate: unknown, hostContractVersion: string = connectorContractVersion): PluginValidation {
  if (typeof candidate !== "object" || candidate === null) {
    return { ok: false, problems: ["its default export is not a connector definition (expected the object defineConnector returns)"] };
  }
  const value = candidate as Record<string, unknown>;
  const problems: string[] = [];
  const incompatibility = contractIncompatibility(value.contractVersion, hostContractVersion);
  if (incompatibility) problems.push(incompatibility);
  if (typeof value.id !== "string" || !kebabCase.test(value.id)) problems.push(`its id ${JSON.stringify(value.id)} is not a kebab-case string`);
  if (typeof value.version !== "string" || !semver.test(value.version)) problems.push(`its version ${JSON.stringify(value.version)} is not semver`);
  for (const field of ["title", "description", "docsUrl"] as const) {
    if (typeof value[field] !== "string" || value[field].trim() === "") problems.push(`its ${field} is missing`);
  }
  for (const operation of ["check", "locate"] as const) {
    if (typeof value[operation] !== "function") problems.push(`it has no ${operation}() operation`);
  }
  problems.push(...schemaProblems(value));
  const capabilities = value.capabilities;
  if (typeof capabilities !== "object" || capabilities === null) {
    problems.push("it declares no capabilities object");
  } else if ((capabilities as Record<string, unknown>).locate !== true) {
    problems.push("its capabilities do not declare locate: true (every connector locates)");
  }
  // A plugin written in plain JavaScript had no compile-time check that its capabilities and operations agree.
  if (typeof capabilities === "object" && capabilities !== null) problems.push(...capabilityProblems(value).map((problem) => `it ${problem}`));
  if (!isPositiveRate(value.rateLimit)) problems.push("its rateLimit.requestsPerMinute is not a positive number");
  if (typeof value.identifiers !== "object" || !Array.isArray(value.identifiers) || value.identifiers.length === 0) {
    problems.push("it declares no identifier kinds it can search by");
  }
  // A contract 1.0 plugin predates the inventory: the host shows its record types as not declared.
  const predatesInventory = value.inventory === undefined && contractPredates(value.contractVersion, inventoryContractVersion);
  if (!predatesInventory) problems.push(...inventoryProblems(value).map((problem) => `it ${problem}`));
  return problems.length === 0 ? { ok: true, connector: candidate as AnyConnector } : { ok: false, problems };
}

/** The settings and secrets schemas exist and accept the definition's own examples. */
function schemaProblems(value: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const examples = (value.examples ?? {}) as Record<string, unknown>;
  for (const field of ["settings", "secrets"] as const) {
    const schema = value[field] as { safeParse?: unknown } | undefined;
    if (typeof schema?.safeParse !== "function") {
      problems.push(`its ${field} is not a zod schema`);
      continue;
    }
    const parsed = (schema.safeParse as (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } })(
      examples[field],
    );
    if (!parsed.success) {
      const issues = parsed.error?.issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`).join("; ");
      problems.push(`its ${field} schema refuses its own examples.${field} (${issues ?? "no detail"})`);
    }
  }
  return problems;
}

function isPositiveRate(rateLimit: unknown): boolean {
  const perMinute = (rateLimit as { requestsPerMinute?: unknown } | undefined)?.requestsPerMinute;
  return typeof perMinute === "number" && Number.isFinite(perMinute) && perMinute > 0;
}

/** Whether a plugin's `./sandbox` export is a sandbox definition for the connector it came with. */
export function validateSandboxPlugin(candidate: unknown, connectorId: string): string[] {
  const sandbox = candidate as Partial<SandboxDefinition> | undefined;
  if (typeof sandbox !== "object" || sandbox === null || typeof sandbox.start !== "function") {
    return ["its ./sandbox export is not a sandbox definition (an object with start())"];
  }
  return sandbox.connectorId === connectorId
    ? []
    : [`its sandbox is for connector ${JSON.stringify(sandbox.connectorId)}, not "${connectorId}"`];
}
