import { ConfigurationError, createHttpClient, createSafeLogger, type AnyConnector, type ConnectorContext } from "@lethe/connector-sdk";
import { getConnectorInstanceWithSecrets } from "@lethe/db";
import { personalDataService } from "@lethe/redaction";
import { createPostgresCheckpointStore } from "../postgres-checkpoint-store";
import { createPostgresRateLimiter } from "../postgres-rate-limiter";
import type { RuntimeDependencies } from "../runtime-dependencies";

export interface InstanceContext {
  connector: AnyConnector;
  ctx: ConnectorContext;
  /** The instance's secret values, to scrub from anything stored or logged. */
  secretValues: string[];
}

/**
 * The connector's `ctx` for one instance outside any request (a discovery scan): settings and
 * secrets parsed with the connector's schemas, the instance's shared rate limiter, a logger that
 * scrubs its secrets, a checkpoint store under `checkpointKey`. Settings or secrets that no longer
 * parse, or a connector that is not installed, are a `ConfigurationError`.
 */
export async function openInstanceContext(
  deps: RuntimeDependencies,
  target: { instanceId: string; checkpointKey: string; signal: AbortSignal; logFields: Record<string, string> },
): Promise<InstanceContext> {
  const found = await getConnectorInstanceWithSecrets(deps.database.db, deps.secretBox, target.instanceId);
  if (!found) throw new ConfigurationError(`connector instance ${target.instanceId} no longer exists`);
  const { instance } = found;
  const connector = deps.registry.get(instance.connectorId);
  if (!connector) throw new ConfigurationError(`connector "${instance.connectorId}" of instance ${instance.id} is not installed`);
  const settings = connector.settings.safeParse(instance.settings);
  const secrets = connector.secrets.safeParse(found.secrets);
  if (!settings.success || !secrets.success) throw new ConfigurationError(`settings or secrets of instance ${instance.id} no longer parse`);
  const secretValues = stringLeaves(secrets.data);
  const fields = { ...target.logFields, instanceId: instance.id };
  const ctx: ConnectorContext = {
    settings: settings.data,
    secrets: secrets.data,
    http: createHttpClient({
      rateLimiter: createPostgresRateLimiter({
        database: deps.database,
        instanceId: instance.id,
        requestsPerMinute: instance.rateLimitPerMinute ?? connector.rateLimit.requestsPerMinute,
      }),
      signal: target.signal,
      fetch: deps.outbound.fetch,
    }),
    log: createSafeLogger({ sink: (level, message, extra) => deps.log(level, message, { ...extra, ...fields }), level: deps.logLevel, secrets: secretValues }),
    signal: target.signal,
    clock: { now: () => new Date() },
    checkpoint: createPostgresCheckpointStore(deps.database, target.checkpointKey),
    instance: { id: instance.id, connectorId: connector.id, connectorVersion: connector.version },
    personalData: personalDataService,
  };
  return { connector, ctx, secretValues };
}

function stringLeaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringLeaves);
  return [];
}
