import type {
  ConnectionTestResult,
  ConnectionUseOutcome,
  ConnectorCapabilities,
  ConnectorInstanceView,
  ConnectorType,
} from "@lethe/contracts";
import type { AnyConnector, Capabilities } from "@lethe/connector-sdk";
import {
  dataCategoriesOf,
  getConnectorInstance,
  listConnectorInstanceChecks,
  listConnectorInstanceUsage,
  listConnectorInstances,
  listInstancePauses,
  type ConnectorInstance,
  type ConnectorInstanceCheckRow,
  type ConnectorInstanceUsage,
} from "@lethe/runtime";
import { z } from "zod";
import type { ApiContext } from "../dependencies";

// Every capability a connector can declare must be in the API's contract, whose schema is strict:
// a key the contract lacks fails this line at compile time instead of the console at run time.
const everyCapabilityInContract: Exclude<keyof Capabilities, keyof ConnectorCapabilities> extends never ? true : never = true;
void everyCapabilityInContract;

/** An installed connector with its settings and secrets as JSON Schema (drives the console's forms). */
export function toConnectorType(connector: AnyConnector): ConnectorType {
  return {
    id: connector.id,
    version: connector.version,
    title: connector.title,
    description: connector.description,
    docsUrl: connector.docsUrl,
    capabilities: connector.capabilities,
    identifiers: [...connector.identifiers],
    dataCategories: dataCategoriesOf(connector),
    rateLimit: { requestsPerMinute: connector.rateLimit.requestsPerMinute },
    settingsSchema: jsonSchemaOf(connector.settings),
    secretsSchema: jsonSchemaOf(connector.secrets),
    exampleSettings: connector.examples.settings,
  };
}

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" });
}

export function toConnectionTestResult(check: Omit<ConnectorInstanceCheckRow, "instanceId">): ConnectionTestResult {
  return {
    ok: check.ok,
    code: check.code,
    message: check.message,
    checkedAt: check.checkedAt.toISOString(),
    durationMs: check.durationMs,
  };
}

/** Built field by field from the secret-free repository view: no path from a secret to a response. */
function toInstanceView(
  context: ApiContext,
  instance: ConnectorInstance,
  check: ConnectorInstanceCheckRow | undefined,
  pausedUntil: Date | null,
  usage: ConnectorInstanceUsage | undefined,
): ConnectorInstanceView {
  const connector = context.registry.get(instance.connectorId);
  return {
    id: instance.id,
    connectorId: instance.connectorId,
    connectorInstalled: connector !== undefined,
    name: instance.name,
    settings: instance.settings,
    secretsConfigured: true,
    rateLimitPerMinute: instance.rateLimitPerMinute,
    effectiveRateLimitPerMinute: instance.rateLimitPerMinute ?? connector?.rateLimit.requestsPerMinute ?? null,
    enabled: instance.enabled,
    pausedUntil: pausedUntil && pausedUntil > new Date() ? pausedUntil.toISOString() : null,
    lastTest: check ? toConnectionTestResult(check) : null,
    lastUsedAt: usage ? usage.at.toISOString() : null,
    lastOutcome: usage ? useOutcomeOf(usage) : null,
    lastError: usage && usage.status !== "done" ? usage.lastError : null,
    createdAt: instance.createdAt.toISOString(),
    updatedAt: instance.updatedAt.toISOString(),
  };
}

/** A finished task went well; a failed one failed for good; an error on an open task waits for a retry. */
function useOutcomeOf(usage: ConnectorInstanceUsage): ConnectionUseOutcome {
  if (usage.status === "done") return "ok";
  if (usage.status === "failed") return "failed";
  return "retrying";
}

export async function loadConnectorInstances(context: ApiContext, only?: string): Promise<ConnectorInstanceView[]> {
  const instances = only
    ? [await getConnectorInstance(context.db.db, only)].filter((row): row is ConnectorInstance => row !== null)
    : await listConnectorInstances(context.db.db);
  const ids = instances.map((instance) => instance.id);
  const [checks, pauses, usages] = await Promise.all([
    listConnectorInstanceChecks(context.db.db, ids),
    listInstancePauses(context.db.db, ids),
    listConnectorInstanceUsage(context.db.db, ids),
  ]);
  const usageOf = new Map(usages.map((usage) => [usage.instanceId, usage]));
  const checkOf = new Map(checks.map((check) => [check.instanceId, check]));
  const pauseOf = new Map(pauses.map((pause) => [pause.instanceId, pause.pausedUntil]));
  return instances.map((instance) =>
    toInstanceView(context, instance, checkOf.get(instance.id), pauseOf.get(instance.id) ?? null, usageOf.get(instance.id)),
  );
}
