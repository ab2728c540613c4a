import { ConfigurationError } from "@lethe/connector-sdk";
import { appendAudit, insertConnectorInstance, type SecretSealer } from "@lethe/db";
import type { Database } from "@lethe/db";
import type { z } from "zod";
import type { ConnectorRegistry } from "./connector-registry";

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
  deps: { registry: ConnectorRegistry; secretBox: SecretSealer },
  input: NewInstanceInput,
  actor = "system",
): Promise<{ id: string }> {
  const connector = deps.registry.require(input.connectorId);
  const issues = [
    ...schemaIssues("settings", connector.settings, input.settings),
    ...schemaIssues("secrets", connector.secrets, input.secrets),
  ];
  if (input.rateLimitPerMinute !== undefined && !(Number.isInteger(input.rateLimitPerMinute) && input.rateLimitPerMinute > 0)) {
    issues.push({ field: "rateLimitPerMinute", message: "must be a positive whole number of requests per minute" });
  }
  if (input.name.trim() === "") issues.push({ field: "name", message: "must not be empty" });
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

function schemaIssues(prefix: string, schema: z.ZodType, value: unknown): ConfigurationIssue[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}
