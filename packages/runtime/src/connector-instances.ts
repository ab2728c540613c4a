import { ConfigurationError } from "@lethe/connector-sdk";
import {
  getConnectorInstance,
  insertConnectorInstance,
  updateConnectorInstance as updateInstanceRow,
  type ConnectorInstanceChanges,
  type SecretSealer,
} from "@lethe/db";
import { appendAudit } from "./audit/append-audit";
import type { Database } from "@lethe/db";
import type { z } from "zod";
import type { ConnectorRegistry } from "./connector-registry";
import { changedDestinations, destinationSettings } from "./outbound/destination-settings";
import type { OutboundGuard } from "./outbound/outbound-guard";

export interface ConfigurationIssue {
  /** `settings.baseUrl`, `secrets.apiKey`, `rateLimitPerMinute`. */
  field: string;
  message: string;
}

/**
 * Settings or secrets that the connector's schemas refuse. Names every bad field; never quotes a
 * value (a secret might be one of them).
 */
export class InvalidInstanceConfigurationError extends ConfigurationError {
  constructor(
    readonly connectorId: string,
    readonly issues: ConfigurationIssue[],
  ) {
    super(
      `invalid configuration for connector "${connectorId}": ` +
        issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "),
    );
  }
}

/**
 * What creating or changing an instance needs. `outbound` checks the settings' destinations
 * against the outbound policy when they are written (the connection-time check applies whatever
 * is stored); the API and the CLI always pass it.
 */
export interface InstanceAdminDeps {
  registry: ConnectorRegistry;
  secretBox: SecretSealer;
  outbound?: OutboundGuard;
}

export interface NewInstanceInput {
  connectorId: string;
  name: string;
  settings: unknown;
  secrets: unknown;
  /** An admin's ceiling; without it the connector's declared vendor default applies. */
  rateLimitPerMinute?: number;
}

/**
 * Configures a connection to one system. Settings and secrets are validated with the connector's
 * zod schemas first: anything wrong is an `InvalidInstanceConfigurationError` and nothing is
 * stored. Secrets are sealed with the secret box before they reach the database.
 */
export async function createConnectorInstance(
  database: Database,
  deps: InstanceAdminDeps,
  input: NewInstanceInput,
  actor = "system",
): Promise<{ id: string }> {
  const connector = deps.registry.require(input.connectorId);
  const issues = [
    ...schemaIssues("settings", connector.settings, input.settings),
    ...schemaIssues("secrets", connector.secrets, input.secrets),
    ...rateLimitIssues(input.rateLimitPerMinute),
  ];
  if (input.name.trim() === "") issues.push({ field: "name", message: "must not be empty" });
  issues.push(...(await destinationIssues(deps.outbound, input.settings)));
  if (issues.length > 0) throw new InvalidInstanceConfigurationError(connector.id, issues);

  return database.db.transaction(async (tx) => {
    const instance = await insertConnectorInstance(tx, deps.secretBox, {
      connectorId: connector.id,
      name: input.name,
      settings: input.settings,
      secrets: input.secrets,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
    await appendAudit(tx, {
      actor,
      action: "connector_instance.created",
      payload: {
        instanceId: instance.id,
        connectorId: connector.id,
        connectorVersion: connector.version,
        rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      },
    });
    return { id: instance.id };
  });
}

export class UnknownConnectorInstanceError extends Error {
  constructor(readonly instanceId: string) {
    super(`no connector instance with id ${instanceId}`);
    this.name = "UnknownConnectorInstanceError";
  }
}

/**
 * Changes an instance's settings, secrets, rate limit or enabled flag. What is given is validated
 * with the connector's schemas exactly as on creation (`InvalidInstanceConfigurationError`,
 * nothing changed); new secrets are sealed again. Audited without values.
 *
 * Secrets are write-only, so a changed destination (a setting naming a URL or host: baseUrl,
 * loginUrl …) must come with the secrets in the same change: otherwise whoever may edit settings
 * could point the instance at their own server, press "test connection" and receive the stored
 * credentials (issue 13).
 */
export async function updateConnectorInstance(
  database: Database,
  deps: InstanceAdminDeps,
  instanceId: string,
  changes: Omit<ConnectorInstanceChanges, "rateLimitPerMinute"> & { rateLimitPerMinute?: number | null },
  actor = "system",
): Promise<{ id: string }> {
  return database.db.transaction(async (tx) => {
    const current = await getConnectorInstance(tx, instanceId);
    if (!current) throw new UnknownConnectorInstanceError(instanceId);
    const connector = deps.registry.require(current.connectorId);
    const issues = [
      ...(changes.settings !== undefined ? schemaIssues("settings", connector.settings, changes.settings) : []),
      ...(changes.secrets !== undefined ? schemaIssues("secrets", connector.secrets, changes.secrets) : []),
      ...(changes.rateLimitPerMinute !== undefined && changes.rateLimitPerMinute !== null
        ? rateLimitIssues(changes.rateLimitPerMinute)
        : []),
    ];
    if (changes.settings !== undefined) {
      const moved = changedDestinations(current.settings, changes.settings);
      if (moved.length > 0 && changes.secrets === undefined) {
        issues.push({
          field: "secrets",
          message: `must be entered again when ${moved.join(", ")} changes: stored secrets are never sent to a new destination`,
        });
      }
      issues.push(...(await destinationIssues(deps.outbound, changes.settings)));
    }
    if (issues.length > 0) throw new InvalidInstanceConfigurationError(connector.id, issues);
    await updateInstanceRow(tx, deps.secretBox, instanceId, changes);
    await appendAudit(tx, {
      actor,
      action: "connector_instance.updated",
      payload: {
        instanceId,
        connectorId: connector.id,
        changed: Object.entries(changes)
          .filter(([, value]) => value !== undefined)
          .map(([key]) => key),
      },
    });
    return { id: instanceId };
  });
}

/** Each destination setting the outbound policy refuses, named by its field; never its value. */
async function destinationIssues(outbound: OutboundGuard | undefined, settings: unknown): Promise<ConfigurationIssue[]> {
  if (!outbound) return [];
  const issues: ConfigurationIssue[] = [];
  for (const { field, url } of destinationSettings(settings)) {
    const refusal = await outbound.refusalOf(url);
    if (refusal) issues.push({ field, message: `outbound requests there are refused (${refusal}); LETHE_OUTBOUND_ALLOW lists allowed exceptions` });
  }
  return issues;
}

function rateLimitIssues(rateLimitPerMinute: number | undefined): ConfigurationIssue[] {
  if (rateLimitPerMinute === undefined || (Number.isInteger(rateLimitPerMinute) && rateLimitPerMinute > 0)) return [];
  return [{ field: "rateLimitPerMinute", message: "must be a positive whole number of requests per minute" }];
}

function schemaIssues(prefix: string, schema: z.ZodType, value: unknown): ConfigurationIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}
